import { describe, expect, it } from 'vitest';
import { ariaKeyShortcut, describeShortcut, TOOLBAR_GROUPS } from './toolbar-actions';

describe('shortcut labels', () => {
  it('reads the same shortcut for people on each platform and for assistive technology', () => {
    expect(describeShortcut('Mod-Alt-2', false)).toBe('Ctrl+Alt+2');
    expect(describeShortcut('Mod-Shift-B', true)).toBe('⌘⇧B');
    expect(ariaKeyShortcut('Mod-Alt-f', false)).toBe('Control+Alt+F');
    expect(ariaKeyShortcut('Mod-K', true)).toBe('Meta+K');
  });
});

describe('TOOLBAR_GROUPS', () => {
  it('gives every button a unique accessible name and shortcut', () => {
    const actions = TOOLBAR_GROUPS.flat();
    expect(new Set(actions.map((a) => a.label)).size).toBe(actions.length);
    expect(new Set(actions.map((a) => a.shortcut.toLowerCase())).size).toBe(actions.length);
  });

  // Letters and digits only: symbols (¶, +, •, “) are not read out by speech input.
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();

  // A one-letter glyph (B, I) abbreviates its name's first word; longer ones are whole words.
  const shownWords = (glyph: string) => {
    const shown = words(glyph);
    return new RegExp(shown.length > 1 ? `\\b${shown}\\b` : `\\b${shown}`);
  };

  it('names every button with the words it shows (WCAG 2.5.3, label in name)', () => {
    for (const action of TOOLBAR_GROUPS.flat()) {
      expect(words(action.label), action.label).toMatch(shownWords(action.glyph));
    }
  });
});
