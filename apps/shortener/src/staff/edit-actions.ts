'use server';
// Editing a link on its staff page. The proxy checks the Origin of every server action (403).
import { redirect } from 'next/navigation';
import { canManageShortLink } from '@newsroom/auth';
import { fieldErrors, findLink, getShortenerRuntime, isLinkError } from '@newsroom/links';
import type { FormState } from './actions';
import { staffActor } from './link-actor';
import { readLinkForm, updateBody } from './link-form-values';
import { staff } from './staff-shell';

export async function editLinkAction(_previous: FormState, form: FormData): Promise<FormState> {
  const code = String(form.get('code') ?? '');
  const page = `/links/${encodeURIComponent(code)}`;
  const user = await staff.requireStaff(undefined, page);
  const runtime = getShortenerRuntime();
  const link = await findLink(runtime.db, code);
  // Writers edit only links they created, never an article's canonical link; the page does not
  // offer them the form, and a forged post changes nothing.
  if (!link || !canManageShortLink(user, link)) redirect(`${page}?refused=1`);
  const values = readLinkForm(form);
  const parsed = runtime.schemas.update.safeParse(updateBody(values));
  if (!parsed.success) {
    return { error: 'Please correct the fields below.', fields: fieldErrors(parsed.error), values };
  }
  try {
    await runtime.updateLink(link.code, parsed.data, staffActor(user));
  } catch (error) {
    if (isLinkError(error) && error.code === 'invalid_destination') {
      return { error: error.message, fields: { url: error.message }, values };
    }
    if (isLinkError(error)) return { error: error.message, values };
    throw error;
  }
  redirect(`${page}?saved=1`);
}
