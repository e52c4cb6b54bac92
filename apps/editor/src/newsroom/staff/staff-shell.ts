import { createStaffShell } from '@newsroom/auth/next';
import { ARTICLES_PAGE_PATH, LOGIN_PAGE_PATH } from '../newsroom-paths';

/** The newsroom's staff area in the shared staff shell (@newsroom/auth/next). */
export const staff = createStaffShell({
  loginPath: LOGIN_PAGE_PATH,
  homePath: ARTICLES_PAGE_PATH,
  within: '/newsroom',
  forbiddenPath: '/newsroom/forbidden',
});
