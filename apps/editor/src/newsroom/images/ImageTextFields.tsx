'use client';
import { IMAGE_LIMITS } from '@newsroom/article';
import { useId } from 'react';

export interface ImageTexts {
  alt: string;
  caption: string;
  credit: string;
}

export const NO_TEXTS: ImageTexts = { alt: '', caption: '', credit: '' };

/** Alt text is required: what a screen reader says, and what shows if the file cannot load. */
export function altTextProblem(texts: ImageTexts): string | null {
  return texts.alt.trim() ? null : 'Describe the image (alt text): it is required';
}

/** Alt text (required), caption and credit: the same three fields wherever an image is added. */
export function ImageTextFields({
  texts,
  onChange,
  altError,
  altRef,
}: {
  texts: ImageTexts;
  onChange: (texts: ImageTexts) => void;
  altError: string | null;
  altRef?: React.Ref<HTMLTextAreaElement>;
}) {
  const altErrorId = useId();
  const altHintId = useId();
  return (
    <>
      <label className="image-field">
        <span>Alt text (required)</span>
        <textarea
          ref={altRef}
          name="alt"
          rows={2}
          required
          maxLength={IMAGE_LIMITS.maxAltLength}
          value={texts.alt}
          aria-invalid={altError ? true : undefined}
          aria-describedby={`${altHintId} ${altErrorId}`}
          onChange={(event) => onChange({ ...texts, alt: event.target.value })}
        />
        <span id={altHintId} className="image-field-hint">
          What the picture shows, for people who cannot see it.
        </span>
        {altError && (
          <span id={altErrorId} className="image-field-error" role="alert">
            {altError}
          </span>
        )}
      </label>
      <label className="image-field">
        <span>Caption</span>
        <input
          name="caption"
          maxLength={IMAGE_LIMITS.maxCaptionLength}
          value={texts.caption}
          onChange={(event) => onChange({ ...texts, caption: event.target.value })}
        />
      </label>
      <label className="image-field">
        <span>Credit</span>
        <input
          name="credit"
          maxLength={IMAGE_LIMITS.maxCreditLength}
          placeholder="Photographer / Agency"
          value={texts.credit}
          onChange={(event) => onChange({ ...texts, credit: event.target.value })}
        />
      </label>
    </>
  );
}
