import { getArticleSchema } from '@newsroom/article';
import { getSchema } from '@tiptap/core';
import { describe, expect, it, vi } from 'vitest';
import { createBodyEditorExtensions } from './body-editor-extensions';

// Node 20 has no global navigator; Tiptap's keymaps sniff it for the platform.
if (typeof navigator === 'undefined')
  vi.stubGlobal('navigator', { platform: 'Linux', userAgent: 'node' });

describe('createBodyEditorExtensions', () => {
  it('edits exactly the schema the renderer reads: no extra node or mark types', () => {
    const noop = () => undefined;
    const editing = getSchema(
      createBodyEditorExtensions({
        markerStyle: 'numeric',
        shortcuts: { openLinkDialog: noop, openNotePicker: noop, focusToolbar: noop },
      }),
    );
    const article = getArticleSchema();
    expect(Object.keys(editing.nodes)).toEqual(Object.keys(article.nodes));
    expect(Object.keys(editing.marks)).toEqual(Object.keys(article.marks));
    for (const [name, type] of Object.entries(editing.nodes)) {
      expect(type.spec.content, name).toBe(article.nodes[name]?.spec.content);
      expect(Object.keys(type.spec.attrs ?? {}), name).toEqual(
        Object.keys(article.nodes[name]?.spec.attrs ?? {}),
      );
    }
  });
});
