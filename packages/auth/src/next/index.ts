// `@newsroom/auth/next`: the staff shell for Next.js apps (server only: uses next/headers).
export { createStaffShell, type StaffShell, type StaffShellConfig } from './staff-shell';
export { staffProxy, type StaffProxyOptions } from './staff-proxy';
export { logInWithForm, logOutSession, processLoginGuard, type LoginRefusal } from './login';
export { REQUEST_PATH_HEADER } from './request-path';
export {
  changePasswordWithForm,
  logOutEverywhere,
  PASSWORD_CHANGE_LIMIT,
  type PasswordChangeState,
} from './account';
