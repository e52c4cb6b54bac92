'use client';
import { useFocusOnError } from '@newsroom/app-shell/browser';
import { useActionState, useRef } from 'react';
import { changePassword } from './account-actions';
import { PasswordField } from './PasswordField';

/**
 * Current and new password. Success is a status line above; a refusal about one field shows under
 * that field and takes the focus there, any other (too many attempts) shows above.
 */
export function PasswordChangeForm() {
  const [state, action, pending] = useActionState(changePassword, null);
  const form = useRef<HTMLFormElement>(null);
  const refusal = state && !state.ok ? state : null;
  useFocusOnError(form, state, !!refusal);
  const errorOf = (field: string) => (refusal?.field === field ? refusal.message : undefined);
  return (
    <form ref={form} action={action} className="stacked-form">
      {state?.ok && <p role="status">{state.message}</p>}
      {refusal && !refusal.field && (
        <p role="alert" className="form-error">
          {refusal.message}
        </p>
      )}
      <PasswordField
        name="currentPassword"
        label="Current password"
        autoComplete="current-password"
        error={errorOf('currentPassword')}
      />
      <PasswordField
        name="newPassword"
        label="New password"
        autoComplete="new-password"
        error={errorOf('newPassword')}
      />
      <button type="submit" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
