'use client';
import { useFocusOnError } from '@newsroom/app-shell/browser';
import { useActionState, useRef } from 'react';
import { loginAction, type FormState } from '../../src/staff/actions';
import { FormError } from '../../src/staff/FieldError';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(loginAction, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, state, !!state.error);
  return (
    <form ref={form} action={action} className="stack">
      <FormError message={state.error} />
      <input type="hidden" name="next" value={next} />
      <label>
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email}
        />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
