'use client';
import { useFocusOnError } from '@newsroom/app-shell/browser';
import { useActionState, useRef } from 'react';
import { createLinkAction, type FormState } from '../../../src/staff/actions';
import { DestinationUrlField } from '../../../src/staff/DestinationUrlField';
import { FieldError, FormError } from '../../../src/staff/FieldError';
import { LinkOptionsFields, type LinkFieldLimits } from '../../../src/staff/LinkOptionsFields';

export function CreateLinkForm({ limits }: { limits: LinkFieldLimits }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createLinkAction, {});
  const fields = state.fields ?? {};
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, state, !!state.error);
  const values = state.values ?? { forwardQuery: 'on' };
  return (
    <form ref={form} action={action} className="stack" noValidate>
      <FormError message={state.error} />
      <DestinationUrlField
        value={values.url}
        error={fields.url}
        limits={limits}
        placeholder="https://…"
      />
      <label>
        Alias (optional: letters, digits, - and _, {limits.aliasMin}–{limits.aliasMax} characters,
        any case)
        <input
          name="alias"
          pattern={limits.aliasPattern}
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
