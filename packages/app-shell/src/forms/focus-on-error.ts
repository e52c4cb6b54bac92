'use client';
import { type RefObject, useEffect } from 'react';

/**
 * Puts the focus where the problem is: the first field marked `aria-invalid="true"` in `form`,
 * else its `role="alert"` message. Without it, a form answered with an error re-renders and the
 * focus falls back to <body>: a keyboard or screen-reader user starts again from the top.
 */
export function focusFirstProblem(form: HTMLElement | null): void {
  const target =
    form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    form?.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  // A message is not focusable by itself; -1 lets a script focus it without adding a tab stop.
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

/**
 * After each answer (a new `answer` object from useActionState or a fetch) that `failed`, focus
 * the first problem in the form: the same behaviour as the editor's login page, whose error
 * reload puts the focus in the form.
 */
export function useFocusOnError(
  form: RefObject<HTMLElement | null>,
  answer: unknown,
  failed: boolean,
): void {
  useEffect(() => {
    if (failed) focusFirstProblem(form.current);
  }, [form, answer, failed]);
}
