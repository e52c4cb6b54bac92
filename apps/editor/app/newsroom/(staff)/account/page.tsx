import { PASSWORD_MIN_LENGTH } from '@newsroom/auth';
import type { Metadata } from 'next';
import { logOutEverywhere } from '../../../../src/newsroom/account/account-actions';
import { PasswordChangeForm } from '../../../../src/newsroom/account/PasswordChangeForm';
import { staff } from '../../../../src/newsroom/staff/staff-shell';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await staff.requireStaff();
  return (
    <section>
      <h1>Account</h1>
      <p>
        {user.name}, {user.email} ({user.role})
      </p>
      <h2>Change password</h2>
      <p>
        At least {PASSWORD_MIN_LENGTH} characters, not a commonly used one. Your other sessions
        (other browsers and devices) are logged out; this one stays.
      </p>
      <PasswordChangeForm />
      <h2>Log out everywhere</h2>
      <p>Ends every session of yours, on every device, this one included.</p>
      <form action={logOutEverywhere}>
        <button type="submit">Log out everywhere</button>
      </form>
    </section>
  );
}
