import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './import-limits';

/** What happy-dom's parser reads as a start tag: `<` and then not a space, `/`, `!`, `>` or `?`. */
const NOT_A_START_TAG = /[\s/!>?]/;

/**
 * The start tags of `html`, counted as happy-dom's parser finds them (its `<([^\s/!>?]+)`), in
 * one pass over the text, without parsing. Counted everywhere, also inside comments, attribute
 * values and scripts, which the parser skips: never fewer than the elements it makes of tags (it
 * adds at most one per tag, a table's `<tbody>`). A `data:` picture holds no `<` (base64).
 */
export function countStartTags(html: string): number {
  let count = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const next = html[at + 1];
    if (next !== undefined && !NOT_A_START_TAG.test(next)) count += 1;
  }
  return count;
}

const formatted = (count: number) => count.toLocaleString('en-US');

/**
 * Refuses HTML with more elements than IMPORT_LIMITS.maxHtmlElements, before the DOM is built:
 * the DOM's memory grows with its nodes, not its bytes.
 */
export function checkHtmlElements(html: string): void {
  const count = countStartTags(html);
  if (count > IMPORT_LIMITS.maxHtmlElements)
    throw new ImportError(
      'too_large',
      `This document has too many elements to import: ${formatted(count)} (paragraphs, formatting, links, table cells and the like), more than the limit of ${formatted(IMPORT_LIMITS.maxHtmlElements)}`,
    );
}
