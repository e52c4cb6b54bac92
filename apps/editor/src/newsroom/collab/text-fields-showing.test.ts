// @vitest-environment happy-dom
import { readTextField, writeTextField } from '@newsroom/collab';
import { act, createElement, useEffect, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { observeSharedMeta, writeSharedMeta } from './shared-fields';
import { useTextFieldsShowingSharedText } from './text-field-caret';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The headline field as the edit page wires it: controlled by the shared text. */
function Headline({ doc }: { doc: Y.Doc }) {
  const fields = useRef<HTMLDivElement>(null);
  const [title, setTitle] = useState(() => readTextField(doc, 'title'));
  useEffect(() => observeSharedMeta(doc, () => setTitle(readTextField(doc, 'title'))), [doc]);
  useTextFieldsShowingSharedText(doc, fields);
  return createElement(
    'div',
    { ref: fields },
    createElement('textarea', {
      name: 'title',
      value: title,
      onChange: (event: { target: HTMLTextAreaElement }) =>
        writeSharedMeta(doc, { title: event.target.value }),
    }),
  );
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

/** This page's document and another person's, with the headline both start from. */
async function mountHeadline(start: string) {
  const mine = new Y.Doc();
  writeTextField(mine, 'title', start);
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  const container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  await act(async () => root!.render(createElement(Headline, { doc: mine })));
  const field = container.querySelector('textarea')!;
  /** Their change arrives here (as the socket delivers it: outside any React event). */
  const receive = (change: (text: Y.Text) => void) => {
    const before = Y.encodeStateVector(theirs);
    change(theirs.getText('title'));
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, before), 'remote');
  };
  return { mine, field, receive };
}

/** A key typed at the caret, as the browser does it: the field changes, then `input`. */
function typeKey(field: HTMLTextAreaElement, key: string) {
  const at = field.selectionStart;
  const value = field.value.slice(0, at) + key + field.value.slice(field.selectionEnd);
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, value);
  field.setSelectionRange(at + key.length, at + key.length);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the headline field under co-editing', () => {
  it('shows another person’s letters at once, the caret still before the same letters', async () => {
    const { field, receive } = await mountHeadline('Storm coast');
    field.focus();
    field.setSelectionRange(6, 6); // before "coast"
    receive((text) => text.insert(0, 'Big '));
    // Before React renders anything: the field already shows it, the caret moved along.
    expect(field.value).toBe('Big Storm coast');
    expect([field.selectionStart, field.selectionEnd]).toEqual([10, 10]);
    await act(async () => {});
    expect(field.value).toBe('Big Storm coast');
    expect([field.selectionStart, field.selectionEnd]).toEqual([10, 10]);
  });

  it('a key pressed before React renders their change keeps their letters', async () => {
    const { mine, field, receive } = await mountHeadline('Storm coast');
    field.focus();
    field.setSelectionRange(6, 6);
    receive((text) => text.insert(0, 'Big '));
    await act(async () => typeKey(field, 'n'));
    expect(readTextField(mine, 'title')).toBe('Big Storm ncoast');
    expect(field.value).toBe('Big Storm ncoast');
  });

  it('keeps a selection on its letters when they delete before it', async () => {
    const { field, receive } = await mountHeadline('Big Storm coast');
    field.focus();
    field.setSelectionRange(10, 15); // "coast"
    receive((text) => text.delete(0, 4));
    await act(async () => {});
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('coast');
  });
});
