'use client';

import { IMAGE, IMAGE_UPLOAD_ACCEPT, type ImageAttributes, needsAltText } from '@newsroom/article';
import type { Editor } from '@tiptap/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { uploadImage } from '../../media/upload-client';
import { EditorPopover, PopoverActions } from './EditorPopover';
import {
  altTextProblem,
  ImageTextFields,
  NO_TEXTS,
  type ImageTexts,
} from '../images/ImageTextFields';

export type ImageRequest =
  { kind: 'insert'; position: number; file: File | null } | { kind: 'edit'; position: number };

/**
 * Adds an image (button, Mod-Alt-I, paste or drop of a file) or edits one (its "Edit image"
 * button). Nothing is uploaded before the alt text is given. The position is mapped through
 * every change made while the dialog is open, so typing on during an upload is safe.
 */
export function ImageDialog({
  editor,
  request,
  onClose,
}: {
  editor: Editor;
  request: ImageRequest;
  onClose(): void;
}) {
  const position = useRef(request.position);
  const editing =
    request.kind === 'edit'
      ? (editor.state.doc.nodeAt(request.position)?.attrs as ImageAttributes | undefined)
      : undefined;
  const [texts, setTexts] = useState<ImageTexts>(
    editing
      ? {
          // An imported picture's placeholder is not offered as its description.
          alt: needsAltText(editing.alt) ? '' : editing.alt,
          caption: editing.caption,
          credit: editing.credit,
        }
      : NO_TEXTS,
  );
  const [file, setFile] = useState<File | null>(request.kind === 'insert' ? request.file : null);
  const [altError, setAltError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const altRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const follow = ({
      transaction,
    }: {
      transaction: { mapping: { map(pos: number): number } };
    }) => {
      position.current = transaction.mapping.map(position.current);
    };
    editor.on('transaction', follow);
    return () => void editor.off('transaction', follow);
  }, [editor]);

  useEffect(() => altRef.current?.focus(), []);

  const close = () => {
    onClose();
    editor.view.focus();
  };

  const imageAt = (at: number) => {
    const node = editor.state.doc.nodeAt(at);
    return node?.type.name === IMAGE ? node : null;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = altTextProblem(texts);
    setAltError(problem);
    if (problem) return altRef.current?.focus();
    const cleaned = {
      alt: texts.alt.trim(),
      caption: texts.caption.trim(),
      credit: texts.credit.trim(),
    };
    if (request.kind === 'edit') {
      const node = imageAt(position.current);
      if (!node) return setError('This image is no longer in the article');
      editor
        .chain()
        .focus()
        .command(({ tr }) => {
          tr.setNodeMarkup(position.current, undefined, { ...node.attrs, ...cleaned });
          return true;
        })
        .run();
      return onClose();
    }
    if (!file) return setError('Choose an image file');
    setBusy(true);
    setError(null);
    const result = await uploadImage(file, cleaned);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    const at = Math.min(position.current, editor.state.doc.content.size);
    const { id, width, height } = result.image;
    editor
      .chain()
      .focus()
      .insertImage({ imageId: id, width, height, ...cleaned }, at)
      .run();
    onClose();
  }

  function remove() {
    const node = imageAt(position.current);
    if (node)
      editor
        .chain()
        .focus()
        .deleteRange({ from: position.current, to: position.current + node.nodeSize })
        .run();
    onClose();
  }

  return (
    <EditorPopover
      title={request.kind === 'edit' ? 'Edit image' : 'Add an image'}
      className="body-editor-popover image-dialog"
      onClose={close}
      onSubmit={submit}
    >
      {request.kind === 'insert' && (
        <label className="image-field">
          <span>Image file</span>
          <input
            type="file"
            name="file"
            accept={IMAGE_UPLOAD_ACCEPT}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {file && <span className="image-field-hint">{file.name || 'Pasted image'}</span>}
        </label>
      )}
      <ImageTextFields texts={texts} onChange={setTexts} altError={altError} altRef={altRef} />
      {error && (
        <p className="body-editor-error" role="alert">
          {error}
        </p>
      )}
      <PopoverActions
        submit={{
          label: request.kind === 'edit' ? 'Save image' : busy ? 'Uploading…' : 'Upload and insert',
          disabled: busy,
        }}
        remove={request.kind === 'edit' ? { label: 'Remove image', onClick: remove } : undefined}
        onCancel={close}
      />
    </EditorPopover>
  );
}
