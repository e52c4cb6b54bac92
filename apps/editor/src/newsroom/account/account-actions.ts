'use server';
import {
  changePasswordWithForm,
  logOutEverywhere as endEverySession,
  type PasswordChangeState,
} from '@newsroom/auth/next';
import { redirect } from 'next/navigation';
import { ACCOUNT_PAGE_PATH } from '../newsroom-paths';
import { staff } from '../staff/staff-shell';

// The Origin of these posts is checked by the proxy (staffProxy) before they get here.

export async function changePassword(
  _previous: PasswordChangeState | null,
  form: FormData,
): Promise<PasswordChangeState> {
  const user = await staff.requireStaff(undefined, ACCOUNT_PAGE_PATH);
  return changePasswordWithForm(user.id, form);
}

export async function logOutEverywhere() {
  const user = await staff.requireStaff(undefined, ACCOUNT_PAGE_PATH);
  await endEverySession(user.id);
  redirect(`${staff.config.loginPath}?loggedOut=everywhere`);
}
