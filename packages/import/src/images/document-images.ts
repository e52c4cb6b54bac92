import { withoutControlCharacters } from '@newsroom/article';
import { describeBytes } from '@newsroom/media';
import { ImportError } from '../import-error';
import { wellFormed } from './dom-helpers';

/** A picture found in a document, read but not yet checked or stored. */
export interface DocumentImage {
  /** Stands in for the picture in the converted HTML (`<img src="…">`) until it is stored. */
  ref: string;
  bytes: Buffer;
  /** The document's own description of it (Word's alt text, the `alt` of an HTML image). */
  alt: string;
  /** A caption found right after it (Word's "Caption" style), and a credit at its end. */
  caption: string;
  credit: string;
  /** The type the document claims ("EMF", "PNG" …), only to name refused types in notices. */
  claimedType: string;
}

export interface DocumentImageLimits {
  maxImages: number;
  maxImageBytes: number;
}

const REF_PREFIX = 'import-image:';

/**
 * Word's own suggestion ends with "Description automatically generated": the description is
 * kept, the boilerplate goes. Whitespace (Word puts blank lines in) becomes single spaces, and
 * control characters (an HTML file's `&#1;`) go: an upload with them would be refused.
 */
export function cleanAltText(alt: string | undefined): string {
  return withoutControlCharacters(wellFormed(alt ?? ''))
    .replace(
      /\s*Description automatically generated(?: with (?:low|medium|high) confidence)?\.?\s*$/i,
      '',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** "image/x-emf" → "EMF", "images/chart.svg" → "SVG": what people call the type. */
export function typeName(contentTypeOrPath: string): string {
  const last = contentTypeOrPath.split(/[/.]/).pop() ?? '';
  return (
    last
      .replace(/^x-/, '')
      .replace(/\+xml$/, '')
      .toUpperCase() || 'unknown'
  );
}

/**
 * The pictures of one document, collected while it is converted. The limits are checked as each
 * one is read, so a document with too many or too much refuses before anything is processed
 * or stored.
 */
export class DocumentImages {
  private readonly images = new Map<string, DocumentImage>();
  private totalBytes = 0;
  /** Pictures the document names but does not hold (linked files, missing zip entries). */
  missing = 0;

  constructor(private readonly limits: DocumentImageLimits) {}

  /** A limit the document broke (kept: mammoth swallows errors thrown from its image hook). */
  private refusal: ImportError | null = null;

  /** After a conversion that may have swallowed it: the limit that was broken, thrown. */
  throwIfRefused(): void {
    if (this.refusal) throw this.refusal;
  }

  /**
   * Before a picture of `bytes` is unpacked (a .docx's, by the size its zip entry was counted
   * to unpack to) or added: throws, and keeps, the limit it would break.
   */
  makeRoomFor(bytes: number): void {
    this.throwIfRefused();
    this.refusal = this.limitBrokenBy(bytes);
    this.throwIfRefused();
  }

  add(bytes: Buffer, alt: string | undefined, claimedType: string): string {
    this.makeRoomFor(bytes.length);
    this.totalBytes += bytes.length;
    const ref = `${REF_PREFIX}${this.images.size + 1}`;
    this.images.set(ref, {
      ref,
      bytes,
      alt: cleanAltText(alt),
      caption: '',
      credit: '',
      claimedType,
    });
    return ref;
  }

  private limitBrokenBy(bytes: number): ImportError | null {
    if (this.images.size + 1 > this.limits.maxImages)
      return new ImportError(
        'too_many_images',
        `The document has more than ${this.limits.maxImages} images; import it in parts or remove some images`,
      );
    if (this.totalBytes + bytes > this.limits.maxImageBytes)
      return new ImportError(
        'too_many_images',
        `The document's images add up to more than ${describeBytes(this.limits.maxImageBytes)}; make them smaller or import fewer`,
      );
    return null;
  }

  get(ref: string | null): DocumentImage | undefined {
    return ref === null ? undefined : this.images.get(ref);
  }
}
