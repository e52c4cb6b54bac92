'use client';

import type { Editor } from '@tiptap/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { EditorPopover, PopoverActions } from './EditorPopover';
import { focusedChain } from './focus-editor';
import { parseLinkInput } from './link-input';

interface LinkDialogProps {
  editor: Editor;
  onClose(): void;
}

/** Adds, changes or removes the link at the selection. Opened with Mod-K or the Link button. */
export function LinkDialog({ editor, onClose }: LinkDialogProps) {
  const [existingHref] = useState(() => String(editor.getAttributes('link').href ?? ''));
  const [value, setValue] = useState(existingHref);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const close = () => {
    onClose();
    editor.view.focus();
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const result = parseLinkInput(value);
    if (!result.ok) {
      setError(result.message);
      inputRef.current?.focus();
      return;
    }
    const { href } = result;
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the linked text.
      focusedChain(editor)
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      focusedChain(editor).extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  };

  const remove = () => {
    focusedChain(editor).extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <EditorPopover title={existingHref ? 'Edit link' : 'Add link'} onClose={close} onSubmit={apply}>
      <label className="body-editor-field">
        <span>Link address</span>
        <input
          ref={inputRef}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://…"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
      </label>
      {error && (
        <p id={errorId} role="alert" className="body-editor-error">
          {error}
        </p>
      )}
      <PopoverActions
        submit={{ label: 'Apply link' }}
        remove={existingHref ? { label: 'Remove link', onClick: remove } : undefined}
        onCancel={close}
      />
    </EditorPopover>
  );
}
