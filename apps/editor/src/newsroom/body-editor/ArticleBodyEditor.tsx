'use client';
// Minimal stand-in for the body editor (editor-ui branch replaces it with the full one:
// toolbar, shortcuts, footnote UI, link dialog). Same props contract.
import { createArticleExtensions, footnoteEditorCss, type MarkerStyle } from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { UndoRedo } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useImperativeHandle, useRef, type RefObject } from 'react';

export type ArticleBodyEditorHandle = {
  setContent(doc: JSONContent): void;
  getDocument(): JSONContent;
};

export type ArticleBodyEditorProps = {
  initialContent: JSONContent;
  markerStyle: MarkerStyle;
  onChange: (readDocument: () => JSONContent) => void;
  editable?: boolean;
  editorRef?: RefObject<ArticleBodyEditorHandle | null>;
};

export function ArticleBodyEditor({
  initialContent,
  markerStyle,
  onChange,
  editable = true,
  editorRef,
}: ArticleBodyEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    extensions: [...createArticleExtensions({ markerStyle }), UndoRedo],
    content: initialContent,
    editable,
    immediatelyRender: false,
    onUpdate: ({ editor: current }) => onChangeRef.current(() => current.getJSON()),
  });

  useEffect(() => {
    editor?.commands.setFootnoteMarkerStyle(markerStyle);
  }, [editor, markerStyle]);

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  useImperativeHandle(
    editorRef,
    () => ({
      setContent: (doc) => editor?.commands.setContent(doc, { emitUpdate: false }),
      getDocument: () => editor?.getJSON() ?? initialContent,
    }),
    [editor, initialContent],
  );

  return (
    <div className="article-body-editor">
      <style>{footnoteEditorCss}</style>
      <EditorContent editor={editor} aria-label="Article body" />
    </div>
  );
}
