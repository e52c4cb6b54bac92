'use client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@newsroom/auth/browser';
import { useActionState } from 'react';
import { changePassword } from './account-actions';

/** Current and new password; the answer (accepted, or which rule refused it) shown above. */
export function PasswordChangeForm() {
  const [state, action, pending] = useActionState(changePassword, null);
  return (
    <form action={action} className="stacked-form">
      {state && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? undefined : 'form-error'}>
          {state.message}
        </p>
      )}
      <label>
        Current password
        <input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state?.field === 'currentPassword' || undefined}
        />
      </label>
      <label>
        New password
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          aria-invalid={state?.field === 'newPassword' || undefined}
        />
      </label>
      <button type="submit" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
