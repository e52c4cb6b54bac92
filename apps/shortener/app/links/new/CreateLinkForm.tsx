'use client';
import { useActionState } from 'react';
import { createLinkAction, type FormState } from '../../../src/staff/actions';
import { FieldError } from '../../../src/staff/FieldError';
import { LinkOptionsFields, type LinkFieldLimits } from '../../../src/staff/LinkOptionsFields';

export function CreateLinkForm({ limits }: { limits: LinkFieldLimits }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createLinkAction, {});
  const fields = state.fields ?? {};
  const values = state.values ?? { forwardQuery: 'on' };
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
          maxLength={limits.maxUrlLength}
          placeholder="https://…"
          defaultValue={values.url}
          aria-invalid={!!fields.url}
          aria-describedby={fields.url ? 'url-error' : undefined}
        />
        <FieldError id="url-error" message={fields.url} />
      </label>
      <label>
        Alias (optional: letters, digits, - and _, 3–64 characters, any case)
        <input
          name="alias"
          pattern="[A-Za-z0-9_\-]{3,64}"
          defaultValue={values.alias}
          aria-invalid={!!fields.alias}
          aria-describedby={fields.alias ? 'alias-error' : undefined}
        />
        <FieldError id="alias-error" message={fields.alias} />
      </label>
      <LinkOptionsFields values={values} fields={fields} limits={limits} />
      <button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create short link'}
      </button>
    </form>
  );
}
