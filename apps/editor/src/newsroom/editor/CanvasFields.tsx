'use client';
import { ARTICLE_LIMITS, formatDateline, type ValidationError } from '@newsroom/article';
import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import type { Section } from './section';
import { followingSlug, type DraftMeta } from './draft';

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
 * Fields grow with their text through CSS `field-sizing: content`; browsers without it get the
 * same from the text's scroll height after each change.
 */
function useGrowingField(value: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field || CSS.supports('field-sizing', 'content')) return;
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight}px`;
  }, [value]);
  return ref;
}

/**
 * Rubric, dateline, headline and standfirst on the writing canvas, in the reader page's own
 * markup classes, so they look as they will be read. The fields grow with their text.
 */
export function CanvasFields({ meta, section, slugFollows, errors, onChange }: Props) {
  const serverError = (path: string) => errors.find((error) => error.path === path)?.message;
  const headlineRef = useGrowingField(meta.title);
  const standfirstRef = useGrowingField(meta.standfirst);
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
          ref={headlineRef}
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
            onChange(slugFollows ? { title, slug: followingSlug(meta.slug, title) } : { title });
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
          ref={standfirstRef}
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
