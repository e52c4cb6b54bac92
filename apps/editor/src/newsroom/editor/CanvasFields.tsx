'use client';
import { ARTICLE_LIMITS, formatDateline, type ValidationError } from '@newsroom/article';
import type { KeyboardEvent } from 'react';
import type { Section } from './ArticleEditorForm';
import { slugify, type DraftMeta } from './draft';

interface Props {
  meta: DraftMeta;
  section: Section | null;
  slugFollows: boolean;
  errors: ValidationError[];
  onChange: (patch: Partial<DraftMeta>) => void;
}

/** A headline is one line: Enter moves on to the standfirst, pasted line breaks become spaces. */
const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ');

function moveToNextField(event: KeyboardEvent<HTMLTextAreaElement>, next: () => void) {
  if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  next();
}

/**
 * Rubric, dateline, headline and standfirst on the writing canvas, in the reader page's own
 * markup classes, so they look as they will be read. The fields grow with their text.
 */
export function CanvasFields({ meta, section, slugFollows, errors, onChange }: Props) {
  const serverError = (path: string) => errors.find((error) => error.path === path)?.message;
  const focusStandfirst = () =>
    document.querySelector<HTMLTextAreaElement>('textarea[name="standfirst"]')?.focus();
  const focusBody = () => document.querySelector<HTMLElement>('#article-body-editor')?.focus();
  return (
    <header className="article-header edit-canvas-header">
      <p className="article-kicker" aria-hidden="true">
        {section && <span className="rubric">{section.name}</span>}
        <span className="dateline">
          {meta.publishedAt ? formatDateline(new Date(meta.publishedAt)) : 'Not published yet'}
        </span>
      </p>
      <label className="canvas-field">
        <span className="visually-hidden">Headline</span>
        <textarea
          name="title"
          className="headline canvas-input"
          rows={1}
          placeholder="Headline"
          value={meta.title}
          maxLength={ARTICLE_LIMITS.maxTitleLength}
          required
          onKeyDown={(event) => moveToNextField(event, focusStandfirst)}
          onChange={(event) => {
            const title = oneLine(event.target.value);
            onChange(slugFollows ? { title, slug: slugify(title) } : { title });
          }}
          aria-describedby="title-error"
        />
      </label>
      {serverError('title') && (
        <span id="title-error" className="field-error" role="alert">
          {serverError('title')}
        </span>
      )}
      <label className="canvas-field">
        <span className="visually-hidden">Standfirst</span>
        <textarea
          name="standfirst"
          className="standfirst canvas-input"
          rows={1}
          placeholder="Standfirst: the article in a sentence or two"
          value={meta.standfirst}
          maxLength={ARTICLE_LIMITS.maxStandfirstLength}
          onKeyDown={(event) => moveToNextField(event, focusBody)}
          onChange={(event) => onChange({ standfirst: oneLine(event.target.value) })}
          aria-describedby="standfirst-error"
        />
      </label>
      {serverError('standfirst') && (
        <span id="standfirst-error" className="field-error" role="alert">
          {serverError('standfirst')}
        </span>
      )}
    </header>
  );
}
