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
});
