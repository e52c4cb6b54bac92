'use client';
import { useFocusOnError } from '@newsroom/app-shell/browser';
import { useActionState, useRef } from 'react';
import type { FormState } from '../../../src/staff/actions';
import { editLinkAction } from '../../../src/staff/edit-actions';
import { DestinationUrlField } from '../../../src/staff/DestinationUrlField';
import { FormError } from '../../../src/staff/FieldError';
import { LinkOptionsFields, type LinkFieldLimits } from '../../../src/staff/LinkOptionsFields';

/** Destination, redirect type, expiry, forwarding and UTM of one link; saved with a change log. */
export function EditLinkForm({
  code,
  current,
  limits,
  followsArticle,
}: {
  code: string;
  current: Record<string, string>;
  limits: LinkFieldLimits;
  /** An article's own link: its destination is the article's address, not a field. */
  followsArticle: boolean;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(editLinkAction, {});
  const fields = state.fields ?? {};
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, state, !!state.error);
  const values = state.values ?? current;
  return (
    <form ref={form} action={action} className="stack" noValidate aria-labelledby="edit-heading">
      <FormError message={state.error} />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="expiresAtBefore" value={current.expiresAt} />
      {followsArticle ? (
        <>
          <input type="hidden" name="url" value={current.url} />
          <p className="hint">
            Destination: the article&apos;s address (it follows renames and publication).
          </p>
        </>
      ) : (
        <DestinationUrlField value={values.url} error={fields.url} limits={limits} />
      )}
      <LinkOptionsFields values={values} fields={fields} limits={limits} />
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save changes'}
      </button>
    </form>
  );
}
