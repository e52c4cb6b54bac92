'use client';

import {
  footnoteEditorCss,
  removedLinksNotice,
  withoutRefusedLinks,
  type MarkerStyle,
} from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import {
  type ReactNode,
  type RefObject,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { DismissibleNotice } from '../notice/DismissibleNotice';
import { BodyEditorToolbar } from './BodyEditorToolbar';
import { ImageDialog, type ImageRequest } from './ImageDialog';
import { imageInsertPosition } from './image-files';
import {
  createBodyEditorExtensions,
  type BodyEditorExtensionOptions,
} from './body-editor-extensions';
import { LinkDialog } from './LinkDialog';
import { NotePicker } from './NotePicker';
import { WordCount } from './WordCount';
import './body-editor.css';

export interface ArticleBodyEditorHandle {
  /**
   * Replaces the whole body (restoring a revision, taking the other tab's version); returns the
   * body as shown, without links the validator now refuses.
   */
  setContent(doc: JSONContent): JSONContent;
  getDocument(): JSONContent;
}

export interface ArticleBodyEditorProps {
  /**
   * The stored body (Tiptap JSON); read once, when the editor is created. Links in it that the
   * validator now refuses (stored before a stricter check) are left out, and the page says so.
   * With `collaboration`, the server takes them out of the shared document; this only tells.
   */
  initialContent: JSONContent;
  markerStyle: MarkerStyle;
  /**
   * Called on every document change. Serialising a long article costs milliseconds, so the page
   * calls `readDocument()` only when it actually saves.
   */
  onChange: (readDocument: () => JSONContent) => void;
  editable?: boolean;
  editorRef?: RefObject<ArticleBodyEditorHandle | null>;
  /** Shown at the start of the sticky bar above the text, e.g. the save status. */
  chromeStart?: ReactNode;
  /** Live co-editing: the content comes from the shared document, never from `initialContent`. */
  collaboration?: BodyEditorExtensionOptions['collaboration'];
}

type OpenDialog = 'link' | 'notes' | ImageRequest | null;

/**
 * The article body in Tiptap, with the document schema the renderer uses. Typing never
 * re-renders React: the toolbar subscribes to the few facts it shows, markers are live
 * decorations from the footnote plugin, and the JSON is only built when asked for.
 */
export function ArticleBodyEditor({
  initialContent,
  markerStyle,
  onChange,
  editable = true,
  editorRef,
  chromeStart,
  collaboration,
}: ArticleBodyEditorProps) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [opened] = useState(() => withoutRefusedLinks(initialContent));
  // What a paste or the opening of the article could not keep.
  const [notice, setNotice] = useState<string | null>(() =>
    opened.removed.length > 0 ? removedLinksNotice(opened.removed) : null,
  );
  const toolbarRef = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const selectionEnd = useRef<() => number>(() => 0);
  const openImageDialog = () =>
    setDialog({ kind: 'insert', position: selectionEnd.current(), file: null });
  const [extensions] = useState(() =>
    createBodyEditorExtensions({
      markerStyle,
      collaboration,
      shortcuts: {
        openLinkDialog: () => setDialog('link'),
        openNotePicker: () => setDialog('notes'),
        openImageDialog,
        focusToolbar: () =>
          toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus(),
      },
      onPasteNotices: (notices) => setNotice(notices.map(({ message }) => message).join('. ')),
      images: {
        onEditImage: (position) => setDialog({ kind: 'edit', position }),
        onImageFile: (file, position) => setDialog({ kind: 'insert', position, file }),
      },
    }),
  );

  const editor = useEditor({
    extensions,
    // Seeding is the server's job: content given to two clients would be there twice.
    content: collaboration ? undefined : opened.doc,
    editable,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        id: 'article-body-editor',
        class: 'body-editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Article body',
      },
    },
    onUpdate: ({ editor: current }) => onChangeRef.current(() => current.getJSON()),
  });

  useEffect(() => {
    // A new image goes after the block the caret is in, never splitting a paragraph.
    selectionEnd.current = () =>
      editor ? imageInsertPosition(editor.state.doc, editor.state.selection.to) : 0;
  }, [editor]);

  useEffect(() => {
    editor?.commands.setFootnoteMarkerStyle(markerStyle);
  }, [editor, markerStyle]);

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useImperativeHandle(
    editorRef,
    () => ({
      setContent: (doc) => {
        const shown = withoutRefusedLinks(doc);
        editor?.commands.setContent(shown.doc, { emitUpdate: false });
        if (shown.removed.length > 0) setNotice(removedLinksNotice(shown.removed));
        return shown.doc;
      },
      getDocument: () => editor?.getJSON() ?? opened.doc,
    }),
    [editor, opened],
  );

  const dialogs = {
    openLinkDialog: () => setDialog('link'),
    openNotePicker: () => setDialog('notes'),
    openImageDialog,
  };
  const closeDialog = () => setDialog(null);

  return (
    <div className="body-editor">
      <style href="newsroom-footnote-editor-css" precedence="default">
        {footnoteEditorCss}
      </style>
      {editor ? (
        <div className="body-editor-chrome">
          <BodyEditorToolbar editor={editor} dialogs={dialogs} toolbarRef={toolbarRef} />
          <div className="body-editor-statusline">
            {chromeStart}
            <WordCount editor={editor} />
          </div>
          {dialog === 'link' && <LinkDialog editor={editor} onClose={closeDialog} />}
          {dialog === 'notes' && <NotePicker editor={editor} onClose={closeDialog} />}
          {dialog !== null && typeof dialog === 'object' && (
            <ImageDialog
              // A new request (another file, another image) starts a fresh dialog.
              key={`${dialog.kind}:${dialog.position}`}
              editor={editor}
              request={dialog}
              onClose={closeDialog}
            />
          )}
        </div>
      ) : (
        <div className="body-editor-chrome body-editor-loading">{chromeStart}</div>
      )}
      <DismissibleNotice
        className="body-editor-notice"
        notice={notice}
        onDismiss={() => setNotice(null)}
      />
      <EditorContent editor={editor} className="body-editor-surface" />
    </div>
  );
}
