import { createStaffShell } from '@newsroom/auth/next';

/** The shortener's staff pages in the shared staff shell (@newsroom/auth/next). */
export const staff = createStaffShell({
  loginPath: '/login',
  homePath: '/links',
  within: '/',
  forbiddenPath: '/links',
});
