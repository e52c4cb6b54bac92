'use client';
import { MARKER_STYLES, type ValidationError } from '@newsroom/article';
import type { Section } from './section';
import { fromGmtInputValue, slugProblem, toGmtInputValue, type DraftMeta } from './draft';
import { SectionOptions } from '../SectionOptions';

interface Props {
  meta: DraftMeta;
  sections: Section[];
  errors: ValidationError[];
  onChange: (patch: Partial<DraftMeta>) => void;
  onSlugEdited: () => void;
}

function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  );
}

/** Slug, section, dateline and marker style: the side panel's details (headline and
 * standfirst are on the canvas, see CanvasFields). */
export function MetadataFields({ meta, sections, errors, onChange, onSlugEdited }: Props) {
  const serverError = (path: string) => errors.find((error) => error.path === path)?.message;
  const slugMessage = slugProblem(meta.slug) ?? serverError('slug');
  return (
    <fieldset className="metadata-fields">
      <legend>Details</legend>
      <label>
        Slug
        <input
          name="slug"
          value={meta.slug}
          maxLength={120}
          onChange={(event) => {
            onSlugEdited();
            onChange({ slug: event.target.value });
          }}
          aria-invalid={slugMessage ? true : undefined}
          aria-describedby="slug-error"
        />
        <FieldError id="slug-error" message={slugMessage} />
      </label>
      <label>
        Section
        <select
          name="sectionId"
          value={meta.sectionId}
          onChange={(event) => onChange({ sectionId: event.target.value })}
        >
          <SectionOptions sections={sections} />
        </select>
      </label>
      <label>
        Dateline (GMT)
        <input
          name="publishedAt"
          type="datetime-local"
          value={toGmtInputValue(meta.publishedAt)}
          onChange={(event) => onChange({ publishedAt: fromGmtInputValue(event.target.value) })}
          aria-describedby="dateline-hint"
        />
        <span id="dateline-hint" className="field-hint">
          Empty: set when first published.
        </span>
      </label>
      <label>
        Footnote markers
        <select
          name="markerStyle"
          value={meta.markerStyle}
          onChange={(event) =>
            onChange({ markerStyle: event.target.value as DraftMeta['markerStyle'] })
          }
        >
          {MARKER_STYLES.map((style) => (
            <option key={style} value={style}>
              {style === 'numeric' ? 'Numbers (1, 2, 3)' : 'Symbols (*, †, ‡)'}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
