import { ARTICLE_HEADING_LEVELS } from '../extensions/article-heading';
import { describesSomething } from '../images/alt-text-needed';
import { IMAGE_LIMITS } from '../images/image-limits';
import { IMAGE_ID_PATTERN } from '../images/image-renditions';
import { DOCUMENT_LIMITS } from './document-limits';
import { controlCharacterIn } from './plain-text';

/** Returns an error message, or null when the value is acceptable. */
type AttributeRule = (value: unknown) => string | null;

interface TypeRule {
  attrs: Record<string, AttributeRule>;
  /** Attributes that must be present (and pass their rule). */
  required?: readonly string[];
}

const NOTE_ID = new RegExp(`^[A-Za-z0-9_-]{1,${DOCUMENT_LIMITS.maxNoteIdLength}}$`);

const noteId: AttributeRule = (value) =>
  typeof value === 'string' && NOTE_ID.test(value)
    ? null
    : `must be 1–${DOCUMENT_LIMITS.maxNoteIdLength} characters of A–Z, a–z, 0–9, '_' or '-'`;

const nullOr =
  (rule: AttributeRule): AttributeRule =>
  (value) =>
    value === null || value === undefined ? null : rule(value);

const oneOf =
  (...allowed: readonly unknown[]): AttributeRule =>
  (value) =>
    allowed.includes(value)
      ? null
      : `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;

const boundedString =
  (max: number): AttributeRule =>
  (value) =>
    typeof value === 'string' && value.length <= max
      ? null
      : `must be a string of at most ${max} characters`;

const altText: AttributeRule = (value) =>
  typeof value === 'string' &&
  describesSomething(value) &&
  value.length <= IMAGE_LIMITS.maxAltLength
    ? null
    : `must be non-empty text of at most ${IMAGE_LIMITS.maxAltLength} characters (describe the image for people who cannot see it)`;

/** Text readers get (an image's alt, caption, credit): no control characters, as in the body. */
const plainText =
  (rule: AttributeRule): AttributeRule =>
  (value) =>
    rule(value) ?? (typeof value === 'string' ? controlCharacterIn(value) : null);

const imageId: AttributeRule = (value) =>
  typeof value === 'string' && IMAGE_ID_PATTERN.test(value) ? null : 'must be a stored image id';

const pixels: AttributeRule = (value) =>
  Number.isInteger(value) &&
  (value as number) >= 1 &&
  (value as number) <= IMAGE_LIMITS.maxDimension
    ? null
    : `must be a whole number of pixels from 1 to ${IMAGE_LIMITS.maxDimension}`;

// Only the type here: the address itself is judged with the words it links (see link-text.ts),
// so the message can say which link is wrong.
const href: AttributeRule = (value) => (typeof value === 'string' ? null : 'must be a string');

export const NODE_RULES: Record<string, TypeRule> = {
  doc: { attrs: {} },
  paragraph: { attrs: {} },
  text: { attrs: {} },
  heading: { attrs: { level: oneOf(...ARTICLE_HEADING_LEVELS) }, required: ['level'] },
  bulletList: { attrs: {} },
  orderedList: {
    attrs: {
      start: (value) =>
        Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100_000
          ? null
          : 'must be an integer from 0 to 100000',
      type: nullOr(oneOf('1', 'a', 'A', 'i', 'I')),
    },
  },
  listItem: { attrs: {} },
  blockquote: { attrs: {} },
  hardBreak: { attrs: {} },
  footnoteReference: { attrs: { noteId }, required: ['noteId'] },
  footnotes: { attrs: {} },
  footnote: { attrs: { id: noteId }, required: ['id'] },
  image: {
    attrs: {
      imageId,
      alt: plainText(altText),
      caption: plainText(boundedString(IMAGE_LIMITS.maxCaptionLength)),
      credit: plainText(boundedString(IMAGE_LIMITS.maxCreditLength)),
      width: pixels,
      height: pixels,
    },
    required: ['imageId', 'alt', 'width', 'height'],
  },
};

export const MARK_RULES: Record<string, TypeRule> = {
  bold: { attrs: {} },
  italic: { attrs: {} },
  link: {
    attrs: {
      href,
      target: nullOr(oneOf('_blank')),
      // Stored but never rendered: the renderer decides rel itself.
      rel: nullOr(boundedString(100)),
      class: (value) => (value === null || value === undefined ? null : 'must be null'),
      // Shown by browsers as a tooltip: no control characters, as in the text.
      title: nullOr(plainText(boundedString(DOCUMENT_LIMITS.maxLinkTitleLength))),
    },
    required: ['href'],
  },
};
