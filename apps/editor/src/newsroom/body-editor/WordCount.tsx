'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { countDocumentWords, countWordsIn, describeCount } from './word-count';

/** Recount when typing pauses, not per key; then only changed blocks are counted again. */
const RECOUNT_AFTER_MS = 300;

/**
 * Live word count and reading time of the body, and of the selection when there is one. It
 * counts in an idle moment after changes, so typing never waits for it.
 */
export function WordCount({ editor }: { editor: Editor }) {
  const [total, setTotal] = useState(() => countDocumentWords(editor.state.doc));
  const [selected, setSelected] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { doc, selection } = editor.state;
        setTotal(countDocumentWords(doc));
        setSelected(selection.empty ? 0 : countWordsIn(doc, selection.from, selection.to));
      }, RECOUNT_AFTER_MS);
    };
    editor.on('update', recount);
    editor.on('selectionUpdate', recount);
    return () => {
      clearTimeout(timer);
      editor.off('update', recount);
      editor.off('selectionUpdate', recount);
    };
  }, [editor]);

  return (
    <p className="body-editor-count" aria-live="polite" data-testid="word-count">
      <span>{describeCount(total)}</span>
      {selected > 0 && (
        <span className="body-editor-count-selection">Selected: {describeCount(selected)}</span>
      )}
    </p>
  );
}
