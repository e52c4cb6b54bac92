import { createStaffShell } from '@newsroom/auth/next';

/** The shortener's staff pages in the shared staff shell (@newsroom/auth/next). */
export const staff = createStaffShell({
  loginPath: '/login',
  homePath: '/links',
  // Not '/': a one-segment path is a short link, whose redirect leads off the site.
  within: '/links',
  forbiddenPath: '/links',
});
