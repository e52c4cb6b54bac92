import { readTextField, textField, TEXT_FIELDS, type TextField } from '@newsroom/collab';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
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
 * Keeps the caret (or selection) of the headline and standfirst on the same letters when
 * someone else's change arrives. The fields are controlled textareas: when React writes a new
 * value, the browser puts the caret at the end, so the caret is read (and mapped through the
 * change) when the change arrives, before React renders it, and put back once it has.
 * `values` are the fields' values as rendered; `fields` holds the textareas (by their names).
 */
export function useCaretsKeptInTextFields(
  doc: Y.Doc,
  fields: RefObject<HTMLElement | null>,
  values: Record<TextField, string>,
) {
  const { title, standfirst } = values;
  const pending = useRef(new Map<TextField, FieldSelection>());

  useEffect(() => {
    const field = (name: TextField) =>
      fields.current?.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`) ?? null;
    const observers = TEXT_FIELDS.map((name) => {
      const observer = (event: Y.YTextEvent) => {
        // This page's own typing is already in the field, caret and all.
        if (event.transaction.local) {
          pending.current.delete(name);
          return;
        }
        const element = field(name);
        if (!element || element !== element.ownerDocument.activeElement) return;
        const current = pending.current.get(name) ?? {
          start: element.selectionStart,
          end: element.selectionEnd,
          direction: element.selectionDirection ?? 'none',
        };
        pending.current.set(name, mapSelection(current, event.delta));
      };
      textField(doc, name).observe(observer);
      return () => textField(doc, name).unobserve(observer);
    });
    return () => {
      for (const stop of observers) stop();
    };
  }, [doc, fields]);

  useLayoutEffect(() => {
    for (const [name, selection] of pending.current) {
      const element = fields.current?.querySelector<HTMLTextAreaElement>(
        `textarea[name="${name}"]`,
      );
      // Only once the field shows the latest change (a render in between may not have it yet).
      if (!element || element.value !== readTextField(doc, name)) continue;
      pending.current.delete(name);
      if (element === element.ownerDocument.activeElement)
        element.setSelectionRange(selection.start, selection.end, selection.direction);
    }
    // The values only say when to look: the field shows them now.
  }, [doc, fields, title, standfirst]);
}
