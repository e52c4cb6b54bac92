import type { MarkerStyle } from '@newsroom/article';
import { escapeHtml } from './escape-html';

/** Ids derive from the note's number and the reference's ordinal, so output is deterministic. */
export const noteElementId = (number: number): string => `fn-${number}`;
export const referenceElementId = (number: number, ordinal: number): string =>
  `fnref-${number}-${ordinal}`;

export function noteReferenceHtml(number: number, ordinal: number, marker: string): string {
  return `<sup><a role="doc-noteref" href="#${noteElementId(number)}" id="${referenceElementId(number, ordinal)}">${escapeHtml(marker)}</a></sup>`;
}

export function notesOpenHtml(style: MarkerStyle): string {
  return `<section role="doc-endnotes" aria-label="Notes"><ol class="footnotes footnotes--${style}">`;
}

export const NOTES_CLOSE_HTML = '</ol></section>';

/** Symbols are not something an <ol> can count in, so the marker is written out. */
export function noteOpenHtml(number: number, marker: string, style: MarkerStyle): string {
  const visibleMarker =
    style === 'symbols' ? `<span class="footnote-marker">${escapeHtml(marker)}</span> ` : '';
  return `<li id="${noteElementId(number)}">${visibleMarker}`;
}

/** One back-link per rendered reference; the list item gives "reference k" its context. */
export function backLinksHtml(number: number, referenceCount: number): string {
  let html = '';
  for (let ordinal = 1; ordinal <= referenceCount; ordinal++) {
    html += ` <a role="doc-backlink" href="#${referenceElementId(number, ordinal)}" aria-label="Back to reference ${ordinal}">↩</a>`;
  }
  return html;
}
