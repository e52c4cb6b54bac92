import type { Editor } from '@tiptap/core';
import { focusedChain } from './focus-editor';
import type { ToolbarState } from './toolbar-state';

export interface ToolbarAction {
  /**
   * Accessible name, also the tooltip. It starts with the glyph's words (WCAG 2.5.3, label in
   * name): a speech-input user says what they see, "click H2", and hits the button.
   */
  label: string;
  /** What the button shows. */
  glyph: string;
  /** Shortcut in ProseMirror notation ("Mod-Alt-2"); shown and exposed as aria-keyshortcuts. */
  shortcut: string;
  /** Present for toggles: the button gets aria-pressed. */
  pressed?: (state: ToolbarState) => boolean;
  disabled?: (state: ToolbarState) => boolean;
  run: (editor: Editor, open: ToolbarDialogs) => void;
}

export interface ToolbarDialogs {
  openLinkDialog(): void;
  openNotePicker(): void;
  openImageDialog(): void;
}

const notInBody = (state: ToolbarState) => state.inNote;

/** Every mark and block the article allows, in toolbar order; groups are separated by a gap. */
export const TOOLBAR_GROUPS: ToolbarAction[][] = [
  [
    {
      label: 'Bold',
      glyph: 'B',
      shortcut: 'Mod-B',
      pressed: (s) => s.bold,
      run: (e) => focusedChain(e).toggleBold().run(),
    },
    {
      label: 'Italic',
      glyph: 'I',
      shortcut: 'Mod-I',
      pressed: (s) => s.italic,
      run: (e) => focusedChain(e).toggleItalic().run(),
    },
    {
      label: 'Link',
      glyph: 'Link',
      shortcut: 'Mod-K',
      pressed: (s) => s.link,
      run: (_e, open) => open.openLinkDialog(),
    },
  ],
  [
    {
      label: '¶ Paragraph',
      glyph: '¶',
      shortcut: 'Mod-Alt-0',
      pressed: (s) => s.paragraph,
      disabled: notInBody,
      run: (e) => focusedChain(e).setParagraph().run(),
    },
    ...([2, 3, 4] as const).map((level): ToolbarAction => ({
      label: `H${level} (heading level ${level})`,
      glyph: `H${level}`,
      shortcut: `Mod-Alt-${level}`,
      pressed: (s) => s[`heading${level}`],
      disabled: notInBody,
      run: (e) => focusedChain(e).toggleHeading({ level }).run(),
    })),
  ],
  [
    {
      label: 'Bullet list',
      glyph: '• List',
      shortcut: 'Mod-Shift-8',
      pressed: (s) => s.bulletList,
      disabled: notInBody,
      run: (e) => focusedChain(e).toggleBulletList().run(),
    },
    {
      label: '1. List (numbered list)',
      glyph: '1. List',
      shortcut: 'Mod-Shift-7',
      pressed: (s) => s.orderedList,
      disabled: notInBody,
      run: (e) => focusedChain(e).toggleOrderedList().run(),
    },
    {
      label: 'Quote',
      glyph: '“ Quote',
      shortcut: 'Mod-Shift-B',
      pressed: (s) => s.blockquote,
      disabled: notInBody,
      run: (e) => focusedChain(e).toggleBlockquote().run(),
    },
  ],
  [
    {
      label: 'Note (insert a footnote)',
      glyph: '+ Note',
      shortcut: 'Mod-Alt-F',
      disabled: notInBody,
      run: (e) => focusedChain(e).insertFootnote().run(),
    },
    {
      label: 'Insert image',
      glyph: '+ Image',
      shortcut: 'Mod-Alt-I',
      disabled: notInBody,
      run: (_e, open) => open.openImageDialog(),
    },
    {
      label: 'Reuse note (reference an existing note)',
      glyph: 'Reuse note',
      shortcut: 'Mod-Alt-R',
      disabled: (s) => s.inNote || !s.hasNotes,
      run: (_e, open) => open.openNotePicker(),
    },
  ],
  [
    {
      label: 'Undo',
      glyph: '↶',
      shortcut: 'Mod-Z',
      disabled: (s) => !s.canUndo,
      run: (e) => focusedChain(e).undo().run(),
    },
    {
      label: 'Redo',
      glyph: '↷',
      shortcut: 'Mod-Shift-Z',
      disabled: (s) => !s.canRedo,
      run: (e) => focusedChain(e).redo().run(),
    },
  ],
];

/** "Mod-Alt-2" → "Ctrl+Alt+2" or "⌘⌥2", for people. */
export function describeShortcut(shortcut: string, mac: boolean): string {
  const names: Record<string, string> = mac
    ? { Mod: '⌘', Alt: '⌥', Shift: '⇧' }
    : { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };
  const parts = shortcut.split('-').map((part) => names[part] ?? part.toUpperCase());
  return parts.join(mac ? '' : '+');
}

/** "Mod-Alt-2" → "Control+Alt+2" (or "Meta+Alt+2"), the aria-keyshortcuts syntax. */
export function ariaKeyShortcut(shortcut: string, mac: boolean): string {
  const names: Record<string, string> = {
    Mod: mac ? 'Meta' : 'Control',
    Alt: 'Alt',
    Shift: 'Shift',
  };
  return shortcut
    .split('-')
    .map((part) => names[part] ?? part.toUpperCase())
    .join('+');
}
