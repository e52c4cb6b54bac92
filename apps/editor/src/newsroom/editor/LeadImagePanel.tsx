'use client';
import {
  fallbackRenditionPath,
  fitsLargePreview,
  IMAGE_UPLOAD_ACCEPT,
  LARGE_PREVIEW_MIN,
} from '@newsroom/article';
import type { LeadImage } from '@newsroom/editorial';
import { type FormEvent, useState } from 'react';
import { uploadImage } from '../../media/upload-client';
import {
  altTextProblem,
  ImageTextFields,
  NO_TEXTS,
  type ImageTexts,
} from '../images/ImageTextFields';

interface Props {
  leadImage: LeadImage | null;
  onChange: (leadImage: LeadImage | null) => void;
}

/**
 * The article's one lead image: shown above the body, in lists, as og:image and in JSON-LD.
 * Uploading asks for the alt text first, like images in the body.
 */
export function LeadImagePanel({ leadImage, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [texts, setTexts] = useState<ImageTexts>(NO_TEXTS);
  const [altError, setAltError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(event: FormEvent) {
    event.preventDefault();
    const problem = altTextProblem(texts);
    setAltError(problem);
    if (problem) return;
    if (!file) return setError('Choose an image file');
    setBusy(true);
    setError(null);
    const result = await uploadImage(file, {
      alt: texts.alt.trim(),
      caption: texts.caption.trim(),
      credit: texts.credit.trim(),
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    onChange(result.image);
    setAdding(false);
    setFile(null);
    setTexts(NO_TEXTS);
  }

  return (
    <section className="panel lead-image-panel" aria-labelledby="lead-image-heading">
      <h2 id="lead-image-heading">Lead image</h2>
      {leadImage ? (
        <figure className="lead-image-current">
          <img
            src={fallbackRenditionPath(leadImage.id, leadImage.width, 400)}
            alt={leadImage.alt}
            width={leadImage.width}
            height={leadImage.height}
          />
          <figcaption>
            {leadImage.caption || <em>No caption</em>}
            {leadImage.credit && <span className="image-credit">{leadImage.credit}</span>}
          </figcaption>
          {!fitsLargePreview(leadImage) && (
            <p className="field-hint">
              This picture is {leadImage.width}×{leadImage.height} pixels: link previews (Facebook,
              X, messengers) show it small. A large preview needs at least {LARGE_PREVIEW_MIN.width}
              ×{LARGE_PREVIEW_MIN.height}.
            </p>
          )}
        </figure>
      ) : (
        <p className="field-hint">No lead image: lists and link previews show text only.</p>
      )}
      <div className="panel-actions">
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            {leadImage ? 'Replace lead image' : 'Add lead image'}
          </button>
        )}
        {leadImage && !adding && (
          <button type="button" onClick={() => onChange(null)}>
            Remove lead image
          </button>
        )}
      </div>
      {adding && (
        <form className="lead-image-form" onSubmit={upload} noValidate>
          <label className="image-field">
            <span>Lead image file</span>
            <input
              type="file"
              accept={IMAGE_UPLOAD_ACCEPT}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </label>
          <ImageTextFields texts={texts} onChange={setTexts} altError={altError} />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="panel-actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Uploading…' : 'Upload lead image'}
            </button>
            <button type="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
