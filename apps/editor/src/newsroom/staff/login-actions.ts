'use server';
import { logInWithForm, logOutSession } from '@newsroom/auth/next';
import { redirect } from 'next/navigation';
import { staff } from './staff-shell';

// The Origin of these posts is checked by the proxy (staffProxy) before they get here.

export async function logIn(formData: FormData) {
  const next = staff.returnPath(formData.get('next'));
  const refusal = await logInWithForm(formData);
  if (refusal) {
    // One message for every wrong email or password: it must not tell which emails have accounts.
    const params = new URLSearchParams({ error: refusal.reason, next });
    if (refusal.retryAfterSeconds) params.set('retry', String(refusal.retryAfterSeconds));
    redirect(`${staff.config.loginPath}?${params}`);
  }
  redirect(next);
}

export async function logOut() {
  await logOutSession();
  redirect(`${staff.config.loginPath}?loggedOut=1`);
}
