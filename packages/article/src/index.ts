export {
  articleExtensions,
  createArticleExtensions,
  getArticleSchema,
  type ArticleExtensionOptions,
} from './extensions/article-extensions';
export { ArticleDocument } from './extensions/article-document';
export { ArticleHeading, ARTICLE_HEADING_LEVELS } from './extensions/article-heading';
export { ArticleLink } from './extensions/article-link';
export { isAllowedHref, isExternalHref, normalizeHref, MAX_HREF_LENGTH } from './href';

export { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from './footnotes/names';
export { FootnoteReference } from './footnotes/footnote-reference';
export { Footnotes, type FootnotesOptions } from './footnotes/footnotes';
export { Footnote } from './footnotes/footnote';
export type { InsertFootnoteOptions } from './footnotes/footnote-commands';
export {
  createFootnotePlugin,
  footnotePluginKey,
  getFootnoteMarkers,
  type FootnotePluginState,
} from './footnotes/footnote-plugin';
export { footnoteEditorCss } from './footnotes/editor-css';
export {
  footnoteMarker,
  FOOTNOTE_SYMBOLS,
  MARKER_STYLES,
  type MarkerStyle,
} from './footnotes/markers';
export { numberNotes, type NumberedNote } from './footnotes/number-notes';
export {
  addNote,
  dropUnreferencedNotes,
  normalizeFootnotes,
  referenceNote,
  type NewNote,
} from './footnotes/note-operations';
export { type InlinePosition } from './footnotes/insert-inline';
export {
  collectNotes,
  collectReferences,
  type ReferenceLocation,
} from './footnotes/json-footnotes';
export { createNoteId } from './footnotes/note-id';
export { emptyNoteNumbers, emptyNotesMessage } from './footnotes/empty-notes';

export { Image, IMAGE, type ImageAttributes } from './images/image';
export { collectImageIds, collectImageSizes } from './images/collect-images';
export {
  ALT_TEXT_NEEDED,
  altTextNeededMessage,
  describesSomething,
  imagesNeedingAltText,
  isAltTextPlaceholder,
  needsAltText,
} from './images/alt-text-needed';
export {
  fitsLargePreview,
  IMAGE_LIMITS,
  IMAGE_UPLOAD_ACCEPT,
  IMAGE_UPLOAD_FORMATS,
  LARGE_PREVIEW_MIN,
} from './images/image-limits';
export {
  articleImageSizes,
  fallbackRenditionPath,
  IMAGE_FORMAT_EXTENSION,
  IMAGE_FORMAT_MIME,
  IMAGE_ID_PATTERN,
  IMAGE_PATH_PREFIX,
  IMAGE_RENDITION_FORMATS,
  IMAGE_RENDITION_MAX_SIDE,
  IMAGE_RENDITION_WIDTHS,
  imageRenditionPath,
  imageSrcset,
  parseRenditionFile,
  renditionHeight,
  renditionWidths,
  standardWidthBelow,
  type ImageRenditionFormat,
} from './images/image-renditions';

export { isSlugOfTitle, slugify } from './metadata/slugify';
export { bodyExcerpt, EXCERPT_MAX_LENGTH } from './metadata/excerpt';
export { formatDateline } from './metadata/dateline';
export {
  ARTICLE_STATUS,
  ARTICLE_STATUSES,
  latestScheduleTime,
  SCHEDULE_MAX_DAYS_AHEAD,
  toArticleStatus,
  type ArticleStatus,
} from './metadata/article-status';
export {
  absoluteUrl,
  articlePath,
  sectionPath,
  type ArticleLocation,
} from './metadata/article-path';

export { validateArticle, type ValidArticle } from './validation/validate-article';
export { validateDocument } from './validation/validate-document';
export { withoutControlCharacters } from './validation/plain-text';
export {
  ARTICLE_LIMITS,
  articleMetaSchema,
  entityId,
  headlineSchema,
  linkedArticleIds,
  oneLineVisibleText,
  plainText,
  relatedLinkSchema,
  REPEATED_RELATED_LINK,
  SLUG_PATTERN,
  UNPUBLISHED_RELATED_TITLE,
  type ArticleMeta,
  type RelatedLinkInput,
} from './validation/article-meta-schema';
export {
  BODY_LINK,
  LINK_ADDRESS_PROBLEMS,
  parseLinkAddress,
  RELATED_LINK,
  type LinkAddress,
  type LinkAddressOptions,
} from './validation/link-address';
export {
  refusedLinkProblem,
  removedLinksNotice,
  removedRelatedLinksNotice,
  withoutRefusedLinks,
  type RemovedLink,
} from './validation/refused-links';
export { relatedRepairs, repairedRelated, type RelatedRepair } from './validation/related-repair';
export {
  ARTICLE_BODY_LIMIT_BYTES,
  DOCUMENT_LIMITS,
  NESTED_TOO_DEEP,
} from './validation/document-limits';
export type { ValidationError, ValidationResult } from './validation/validation-result';

export {
  seedArticleDocument,
  seedArticleMeta,
  SEED_NOTE_ID,
  SEED_NOTE_TEXT,
  type SeedArticleMeta,
  type SeedRelatedArticle,
} from './fixtures/seed-article';

// Paste from Word / Google Docs and document import: one pipeline, browser (DOMParser) or Node.
export {
  cleanHtml,
  cleanPastedHtml,
  detectHtmlSource,
  type CleanHtmlOptions,
  type CleanedHtml,
  type HtmlSource,
} from './paste/clean-pasted-html';
export { elementsUnder, type HtmlParser } from './paste/dom';
export { OfficePaste, type OfficePasteOptions } from './paste/office-paste';
export {
  listOf,
  PASTE_NOTICES,
  pasteNotice,
  type PasteNotice,
  type PasteNoticeCode,
} from './paste/paste-notices';
export { pasteCleanedHtml } from './paste/paste-transaction';
export { cleanedToDocument } from './paste/schema-content';
