import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@newsroom/auth/browser';

/**
 * A password input with its problem right under it: marked invalid, described by the message
 * (a screen reader reads it with the field) and announced when it appears. The account page's
 * change form and the admins' "Add user" form both ask for passwords this way.
 */
export function PasswordField({
  name,
  label,
  autoComplete,
  error,
}: {
  name: string;
  label: string;
  /** "new-password" also applies the password policy's length limits. */
  autoComplete: 'current-password' | 'new-password';
  error?: string;
}) {
  const errorId = `${name}-error`;
  const isNew = autoComplete === 'new-password';
  return (
    <>
      <label>
        {label}
        <input
          name={name}
          type="password"
          autoComplete={autoComplete}
          minLength={isNew ? PASSWORD_MIN_LENGTH : undefined}
          maxLength={isNew ? PASSWORD_MAX_LENGTH : undefined}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
