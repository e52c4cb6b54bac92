import { readTextField, textField, TEXT_FIELDS } from '@newsroom/collab';
import { type RefObject, useEffect } from 'react';
import type * as Y from 'yjs';

/** A textarea's selection, in UTF-16 code units as both the textarea and Y.Text count. */
export interface FieldSelection {
  start: number;
  end: number;
  direction: 'forward' | 'backward' | 'none';
}

/** A Y.Text change as its event describes it. */
export type TextDelta = Y.YTextEvent['delta'];

const insertedLength = (insert: unknown) => (typeof insert === 'string' ? insert.length : 1);

/**
 * Where `index` stands after `delta`: letters inserted before it push it on, letters deleted
 * before it pull it back, and deleting the letters around it leaves it where they were. Text
 * inserted exactly at `index` pushes it on only if `pushedByInsertHere` (the start of a
 * selection: the other person's text lands before what is selected).
 */
export function mapIndex(index: number, delta: TextDelta, pushedByInsertHere: boolean): number {
  let at = 0;
  let mapped = index;
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain;
    else if (op.insert !== undefined) {
      if (at < index || (at === index && pushedByInsertHere)) mapped += insertedLength(op.insert);
    } else if (op.delete !== undefined) {
      if (at < index) mapped -= Math.min(op.delete, index - at);
      at += op.delete;
    }
  }
  return mapped;
}

/**
 * The selection on the same letters after someone else's change. A caret stays before what the
 * other person types at its very place (so each person's letters stay together, in order); a
 * selection does not grow to take in what was typed at its edges.
 */
export function mapSelection(selection: FieldSelection, delta: TextDelta): FieldSelection {
  const collapsed = selection.start === selection.end;
  const start = mapIndex(selection.start, delta, !collapsed);
  const end = Math.max(start, mapIndex(selection.end, delta, false));
  return { start, end, direction: selection.direction };
}

/**
 * Shows someone else's change to the headline or standfirst in its field at once, with the caret
 * (or selection) kept on the same letters.
 *
 * The fields are controlled textareas, and React would show the change at its next render, with
 * the caret at the end (the browser puts it there when a new value is set). Worse, a key pressed
 * before that render reads the field's old value, without the other person's letters, and
 * writing that value would delete them. So the change is written into the field as it arrives
 * (React then finds the field already showing its value and leaves it, caret and all).
 * `fields` holds the textareas, by their names.
 */
export function useTextFieldsShowingSharedText(doc: Y.Doc, fields: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const observers = TEXT_FIELDS.map((name) => {
      const observer = (event: Y.YTextEvent) => {
        // This page's own typing is already in the field.
        if (event.transaction.local) return;
        const element = fields.current?.querySelector<HTMLTextAreaElement>(
          `textarea[name="${name}"]`,
        );
        const value = readTextField(doc, name);
        if (!element || element.value === value) return;
        const focused = element === element.ownerDocument.activeElement;
        const selection = mapSelection(
          {
            start: element.selectionStart,
            end: element.selectionEnd,
            direction: element.selectionDirection ?? 'none',
          },
          event.delta,
        );
        element.value = value;
        if (focused) element.setSelectionRange(selection.start, selection.end, selection.direction);
      };
      textField(doc, name).observe(observer);
      return () => textField(doc, name).unobserve(observer);
    });
    return () => {
      for (const stop of observers) stop();
    };
  }, [doc, fields]);
}
