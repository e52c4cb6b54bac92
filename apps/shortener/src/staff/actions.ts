'use server';
// Staff mutations as server actions. Their Origin is checked by the proxy (staffProxy: 403 with
// a message for a missing or foreign one), and the session cookie is SameSite=Lax and httpOnly.
import { redirect } from 'next/navigation';
import { canManageShortLink } from '@newsroom/auth';
import { logInWithForm, logOutSession } from '@newsroom/auth/next';
import { fieldErrors, findLink, getShortenerRuntime, isLinkError } from '@newsroom/links';
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
  const values = {
    url: String(form.get('url') ?? ''),
    alias: String(form.get('alias') ?? '').trim(),
    redirectType: String(form.get('redirectType') ?? '302'),
    expiresAt: String(form.get('expiresAt') ?? ''),
  };
  const parsed = runtime.schemas.create.safeParse({
    url: values.url,
    ...(values.alias && { alias: values.alias }),
    redirectType: Number(values.redirectType),
    // <input type="datetime-local"> has no zone; the form labels it as UTC.
    ...(values.expiresAt && { expiresAt: localInputAsUtc(values.expiresAt) }),
  });
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
  await runtime.updateLink(code, { disabled: form.get('disabled') === 'true' });
  redirect(page);
}

/** "2030-01-31T12:00" (what datetime-local sends) → "2030-01-31T12:00:00Z". */
function localInputAsUtc(value: string): string {
  return /T\d\d:\d\d$/.test(value) ? `${value}:00Z` : `${value}Z`;
}
