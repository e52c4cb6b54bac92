'use client';

import type { Editor } from '@tiptap/core';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { EditorPopover, PopoverActions } from './EditorPopover';
import { focusedChain } from './focus-editor';
import { buildNotePickerItems } from './note-picker-items';

interface NotePickerProps {
  editor: Editor;
  onClose(): void;
}

/**
 * Lists the article's notes (marker + text) so a second reference can point at one of them,
 * as "Daesh*" reuses the note of "Taliban*". Arrow keys choose, Enter inserts, Escape cancels.
 */
export function NotePicker({ editor, onClose }: NotePickerProps) {
  // Read once on open: the document can't change while the list has focus.
  const [items] = useState(() => buildNotePickerItems(editor.state));
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const optionId = useId();

  useEffect(() => {
    (listRef.current ?? cancelRef.current)?.focus();
  }, []);

  useEffect(() => {
    listRef.current
      ?.querySelector(`[data-index="${active}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const close = () => {
    onClose();
    editor.view.focus();
  };

  const choose = (index: number) => {
    const item = items[index];
    if (!item) return;
    focusedChain(editor).insertFootnoteReference(item.id).run();
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(active + 1, last),
      ArrowUp: Math.max(active - 1, 0),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key] ?? 0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(active);
    }
  };

  return (
    <EditorPopover title="Reference an existing note" onClose={close}>
      {items.length === 0 ? (
        <p className="body-editor-hint">
          This article has no notes yet. Insert one with the footnote button first.
        </p>
      ) : (
        <ul
          ref={listRef}
          role="listbox"
          aria-label="Notes"
          tabIndex={0}
          aria-activedescendant={`${optionId}-${active}`}
          className="body-editor-note-list"
          onKeyDown={onKeyDown}
        >
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`${optionId}-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === active}
              className="body-editor-note-option"
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(index)}
            >
              <span className="body-editor-note-marker">{item.marker}</span>
              <span className="body-editor-note-text">{item.text || '(empty note)'}</span>
            </li>
          ))}
        </ul>
      )}
      <PopoverActions onCancel={close} cancelRef={cancelRef} />
    </EditorPopover>
  );
}
