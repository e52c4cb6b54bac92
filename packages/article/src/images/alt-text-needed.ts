import type { JSONContent } from '@tiptap/core';
import { IMAGE } from './image';

/**
 * The alt text an image gets when it arrived without one (an imported document's picture with
 * no description). Every stored image needs alt text, so the draft stays savable; this exact
 * text marks the image as still to be described: the editor flags it and publishing refuses it.
 */
export const ALT_TEXT_NEEDED = 'Alt text needed';

/** Letters and symbols that show as nothing: the braille blank and the Hangul fillers. */
const BLANK_LOOKING = /[\u2800\u115F\u1160\u3164\uFFA0]/gu;

/**
 * Alt text holds at least one letter, digit, punctuation mark or symbol: spaces and invisible
 * characters alone (a zero-width space) describe nothing to someone who cannot see the image.
 */
export const describesSomething = (alt: string): boolean =>
  /[\p{L}\p{N}\p{P}\p{S}]/u.test(alt.replace(BLANK_LOOKING, ''));

/** The placeholder itself, however it is spaced or capitalised: it describes nothing either. */
export const isAltTextPlaceholder = (alt: string): boolean =>
  alt.trim().toLowerCase() === ALT_TEXT_NEEDED.toLowerCase();

export const needsAltText = (alt: unknown): boolean =>
  typeof alt !== 'string' || !describesSomething(alt) || isAltTextPlaceholder(alt);

/** The 1-based positions, in document order, of the images still waiting for alt text. */
export function imagesNeedingAltText(doc: JSONContent): number[] {
  const positions: number[] = [];
  let count = 0;
  const visit = (node: JSONContent) => {
    if (node.type === IMAGE) {
      count += 1;
      if (needsAltText(node.attrs?.alt)) positions.push(count);
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return positions;
}

const inWords = (positions: readonly number[]) =>
  positions.length === 1
    ? String(positions[0])
    : `${positions.slice(0, -1).join(', ')} and ${positions.at(-1)}`;

/** What the import notice and the publishing refusal say about those images. */
export function altTextNeededMessage(positions: readonly number[]): string {
  const one = positions.length === 1;
  return `${one ? 'Image' : 'Images'} ${inWords(positions)} of the article ${one ? 'has' : 'have'} no alt text: describe ${one ? 'it' : 'each'} with “Edit image” before publishing`;
}
