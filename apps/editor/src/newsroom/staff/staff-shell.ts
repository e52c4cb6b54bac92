import { createStaffShell } from '@newsroom/auth/next';

/** The newsroom's staff area in the shared staff shell (@newsroom/auth/next). */
export const staff = createStaffShell({
  loginPath: '/newsroom/login',
  homePath: '/newsroom/articles',
  within: '/newsroom',
  forbiddenPath: '/newsroom/forbidden',
});
