'use server';
// Editing a link on its staff page. Like every server action, Next.js refuses a foreign Origin.
import { redirect } from 'next/navigation';
import { fieldErrors, getShortenerRuntime, isLinkError } from '@newsroom/links';
import type { FormState } from './actions';
import { readLinkForm, updateBody } from './link-form-values';
import { requireStaff, staffActor } from './session';

export async function editLinkAction(_previous: FormState, form: FormData): Promise<FormState> {
  const code = String(form.get('code') ?? '');
  const page = `/links/${encodeURIComponent(code)}`;
  const user = await requireStaff(page);
  const runtime = getShortenerRuntime();
  const values = readLinkForm(form);
  const parsed = runtime.schemas.update.safeParse(updateBody(values));
  if (!parsed.success) {
    return { error: 'Please correct the fields below.', fields: fieldErrors(parsed.error), values };
  }
  try {
    await runtime.updateLink(code, parsed.data, staffActor(user));
  } catch (error) {
    if (isLinkError(error) && error.code === 'invalid_destination') {
      return { error: error.message, fields: { url: error.message }, values };
    }
    if (isLinkError(error)) return { error: error.message, values };
    throw error;
  }
  redirect(`${page}?saved=1`);
}
