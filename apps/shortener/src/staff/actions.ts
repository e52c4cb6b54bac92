'use server';
// Staff mutations as server actions. Their Origin is checked by the proxy (staffProxy: 403 with
// a message for a missing or foreign one), and the session cookie is SameSite=Lax and httpOnly.
import { redirect } from 'next/navigation';
import { canManageShortLink } from '@newsroom/auth';
import { logInWithForm, logOutSession } from '@newsroom/auth/next';
import { fieldErrors, findLink, getShortenerRuntime, isLinkError } from '@newsroom/links';
import { createBody, readLinkForm } from './link-form-values';
import { staffActor } from './link-actor';
import { staff } from './staff-shell';

export type FormState = {
  error?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
};

export async function loginAction(_previous: FormState, form: FormData): Promise<FormState> {
  const refusal = await logInWithForm(form);
  if (refusal) return { error: refusal.message, values: { email: refusal.email } };
  redirect(staff.returnPath(form.get('next')));
}

export async function logoutAction(): Promise<void> {
  await logOutSession();
  redirect(staff.config.loginPath);
}

export async function createLinkAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await staff.requireStaff(undefined, '/links/new');
  const runtime = getShortenerRuntime();
  const values = readLinkForm(form);
  const parsed = runtime.schemas.create.safeParse(createBody(values));
  if (!parsed.success) {
    return { error: 'Please correct the fields below.', fields: fieldErrors(parsed.error), values };
  }
  let code: string;
  try {
    code = (await runtime.createLink(parsed.data, { createdById: user.id })).link.code;
  } catch (error) {
    if (isLinkError(error))
      return { error: error.message, fields: { alias: error.message }, values };
    throw error;
  }
  redirect(`/links/${encodeURIComponent(code)}`);
}

export async function setDisabledAction(form: FormData): Promise<void> {
  const code = String(form.get('code') ?? '');
  const page = `/links/${encodeURIComponent(code)}`;
  const user = await staff.requireStaff(undefined, page);
  const runtime = getShortenerRuntime();
  const link = await findLink(runtime.db, code);
  // Writers manage only links they created, never an article's canonical link; the page does
  // not offer them the button, and a forged post changes nothing.
  if (!link || !canManageShortLink(user, link)) redirect(`${page}?refused=1`);
  await runtime.updateLink(code, { disabled: form.get('disabled') === 'true' }, staffActor(user));
  redirect(page);
}
