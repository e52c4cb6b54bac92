'use client';
import { useActionState } from 'react';
import { createLinkAction, type FormState } from '../../../src/staff/actions';

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="error">
      {message}
    </span>
  ) : null;
}

export function CreateLinkForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createLinkAction, {});
  const fields = state.fields ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className="stack" noValidate>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      <label>
        Destination URL
        <input
          name="url"
          type="url"
          required
          maxLength={2048}
          placeholder="https://…"
          defaultValue={values.url}
          aria-invalid={!!fields.url}
          aria-describedby={fields.url ? 'url-error' : undefined}
        />
        <FieldError id="url-error" message={fields.url} />
      </label>
      <label>
        Alias (optional: letters, digits, - and _, 3–64 characters)
        <input
          name="alias"
          pattern="[A-Za-z0-9_\-]{3,64}"
          defaultValue={values.alias}
          aria-invalid={!!fields.alias}
          aria-describedby={fields.alias ? 'alias-error' : undefined}
        />
        <FieldError id="alias-error" message={fields.alias} />
      </label>
      <label>
        Redirect type
        <select name="redirectType" defaultValue={values.redirectType ?? '302'}>
          <option value="302">302 Found (temporary, default)</option>
          <option value="307">307 Temporary Redirect</option>
          <option value="301">301 Moved Permanently (browsers cache it)</option>
          <option value="308">308 Permanent Redirect (browsers cache it)</option>
        </select>
        <FieldError id="type-error" message={fields.redirectType} />
      </label>
      <label>
        Expires (optional, UTC)
        <input
          name="expiresAt"
          type="datetime-local"
          defaultValue={values.expiresAt}
          aria-invalid={!!fields.expiresAt}
          aria-describedby={fields.expiresAt ? 'expires-error' : undefined}
        />
        <FieldError id="expires-error" message={fields.expiresAt} />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create short link'}
      </button>
    </form>
  );
}
