'use client';

import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, type RefObject, useState } from 'react';
import {
  ariaKeyShortcut,
  describeShortcut,
  TOOLBAR_GROUPS,
  type ToolbarDialogs,
} from './toolbar-actions';
import { selectToolbarState } from './toolbar-state';

interface BodyEditorToolbarProps {
  editor: Editor;
  dialogs: ToolbarDialogs;
  toolbarRef: RefObject<HTMLDivElement | null>;
}

function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (the WAI-ARIA toolbar
 * pattern). It re-renders only when what it shows changes, never per keystroke.
 */
export function BodyEditorToolbar({ editor, dialogs, toolbarRef }: BodyEditorToolbarProps) {
  const state = useEditorState({ editor, selector: ({ editor: e }) => selectToolbarState(e) });
  const [focusIndex, setFocusIndex] = useState(0);
  const [mac] = useState(isMacPlatform);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(toolbarRef.current?.querySelectorAll('button') ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (current + 1) % buttons.length
        : event.key === 'ArrowLeft'
          ? (current - 1 + buttons.length) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : event.key === 'Escape'
                ? -1
                : null;
    if (next === null) return;
    event.preventDefault();
    if (next < 0) editor.commands.focus();
    else buttons[next]?.focus();
  };

  let index = 0;
  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label="Formatting"
      aria-controls="article-body-editor"
      className="body-editor-toolbar"
      onKeyDown={moveFocus}
    >
      {TOOLBAR_GROUPS.map((group) => (
        <div className="body-editor-toolbar-group" role="group" key={group[0]?.label}>
          {group.map((action) => {
            const position = index++;
            const disabled = !state?.editable || (state && action.disabled?.(state));
            const shortcut = describeShortcut(action.shortcut, mac);
            return (
              <button
                key={action.label}
                type="button"
                className="body-editor-button"
                aria-label={action.label}
                aria-pressed={action.pressed && state ? action.pressed(state) : undefined}
                aria-keyshortcuts={ariaKeyShortcut(action.shortcut, mac)}
                title={`${action.label} (${shortcut})`}
                // Disabled buttons stay focusable so arrow keys and screen readers still find them.
                aria-disabled={disabled || undefined}
                tabIndex={position === focusIndex ? 0 : -1}
                onFocus={() => setFocusIndex(position)}
                // Keep the editor's selection: a mouse click must not move focus first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (!disabled) action.run(editor, dialogs);
                }}
              >
                {action.glyph}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
