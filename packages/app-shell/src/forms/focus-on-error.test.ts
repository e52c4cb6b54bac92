// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { focusFirstProblem } from './focus-on-error';

function form(html: string): HTMLFormElement {
  document.body.innerHTML = `<form>${html}</form>`;
  return document.querySelector('form')!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focusFirstProblem', () => {
  it('focuses the first field marked invalid, not a later one nor the message', () => {
    const element = form(`
      <p role="alert">Please correct the fields below.</p>
      <input name="url" aria-invalid="false">
      <input name="alias" aria-invalid="true">
      <input name="utm" aria-invalid="true">`);
    focusFirstProblem(element);
    expect(document.activeElement?.getAttribute('name')).toBe('alias');
  });

  it('focuses the message when no field is to blame, without adding a tab stop', () => {
    const element = form(`
      <p role="alert">Email or password is incorrect.</p>
      <input name="email" aria-invalid="false">`);
    focusFirstProblem(element);
    const message = element.querySelector('[role="alert"]')!;
    expect(document.activeElement).toBe(message);
    expect(message.getAttribute('tabindex')).toBe('-1');
  });

  it('leaves the focus alone when the form shows no problem', () => {
    const element = form('<input name="email">');
    const before = document.activeElement;
    focusFirstProblem(element);
    expect(document.activeElement).toBe(before);
  });
});
