import type { Extensions } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import Bold from '@tiptap/extension-bold';
import HardBreak from '@tiptap/extension-hard-break';
import Italic from '@tiptap/extension-italic';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { Schema } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { Footnote } from '../footnotes/footnote';
import { FootnoteReference } from '../footnotes/footnote-reference';
import { Footnotes } from '../footnotes/footnotes';
import { Image } from '../images/image';
import type { MarkerStyle } from '../footnotes/markers';
import { ArticleDocument } from './article-document';
import { ArticleHeading } from './article-heading';
import { ArticleLink } from './article-link';

export interface ArticleExtensionOptions {
  /** Marker style the editor starts with (the renderer takes it per call instead). */
  markerStyle?: MarkerStyle;
  /** Transactions carrying other editors' changes (co-editing): the footnote plugin leaves them alone. */
  isRemoteTransaction?: (tr: Transaction) => boolean;
}

/** The one extension list behind both the editor and the renderer. */
export function createArticleExtensions(options: ArticleExtensionOptions = {}): Extensions {
  return [
    ArticleDocument,
    Paragraph,
    Text,
    ArticleHeading,
    Bold,
    Italic,
    ArticleLink,
    BulletList,
    OrderedList,
    ListItem,
    Blockquote,
    HardBreak,
    Image,
    FootnoteReference,
    Footnotes.configure({
      markerStyle: options.markerStyle ?? 'numeric',
      isRemoteTransaction: options.isRemoteTransaction,
    }),
    Footnote,
  ];
}

export const articleExtensions: Extensions = createArticleExtensions();

let schema: Schema | undefined;

/** The article schema, built once per process (building it is the expensive part). */
export function getArticleSchema(): Schema {
  schema ??= getSchema(articleExtensions);
  return schema;
}
