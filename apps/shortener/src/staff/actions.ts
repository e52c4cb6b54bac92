'use server';
// Staff mutations as server actions: Next.js refuses a server action whose Origin is not this
// host (CSRF), and the session cookie is SameSite=Lax and httpOnly on top of that.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  SESSION_COOKIE,
  attemptLogin,
  createSession,
  deleteSession,
  loginRefusalMessage,
  sessionCookieOptions,
} from '@newsroom/auth';
import { fieldErrors, getShortenerRuntime, isLinkError } from '@newsroom/links';
import { createBody, readLinkForm } from './link-form-values';
import { requireStaff, safeReturnPath, staffActor } from './session';

export type FormState = {
  error?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
};

export async function loginAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const runtime = getShortenerRuntime();
  const attempt = await attemptLogin(runtime.db, email, password);
  if (!attempt.ok) return { error: loginRefusalMessage(attempt), values: { email } };
  const { token, expiresAt } = await createSession(runtime.db, attempt.user.id);
  const secure = runtime.config.baseUrl.startsWith('https://');
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt, secure));
  redirect(safeReturnPath(form.get('next')));
}

export async function logoutAction(): Promise<void> {
  const jar = await cookies();
  await deleteSession(getShortenerRuntime().db, jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect('/login');
}

export async function createLinkAction(_previous: FormState, form: FormData): Promise<FormState> {
  await requireStaff('/links/new');
  const runtime = getShortenerRuntime();
  const values = readLinkForm(form);
  const parsed = runtime.schemas.create.safeParse(createBody(values));
  if (!parsed.success) {
    return { error: 'Please correct the fields below.', fields: fieldErrors(parsed.error), values };
  }
  let code: string;
  try {
    code = (await runtime.createLink(parsed.data)).link.code;
  } catch (error) {
    if (isLinkError(error))
      return { error: error.message, fields: { alias: error.message }, values };
    throw error;
  }
  redirect(`/links/${encodeURIComponent(code)}`);
}

export async function setDisabledAction(form: FormData): Promise<void> {
  const code = String(form.get('code') ?? '');
  const user = await requireStaff(`/links/${encodeURIComponent(code)}`);
  await getShortenerRuntime().updateLink(
    code,
    { disabled: form.get('disabled') === 'true' },
    staffActor(user),
  );
  redirect(`/links/${encodeURIComponent(code)}`);
}
