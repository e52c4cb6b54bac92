// @newsroom/collab: live co-editing. The shared document's shape (shared with the browser), its
// conversion to and from the JSON working copy, and the collaboration server.
export {
  ARTICLE_YDOC,
  DATELINE_FIELD,
  LEAD_IMAGE_FIELD,
  SLUG_BY_HAND_FIELD,
  leadImageEntry,
  readLeadImage,
  type LeadImageValue,
  META_FIELDS,
  TEXT_FIELDS,
  articleToYDoc,
  hasLegacyTextFields,
  readTextField,
  textField,
  upgradeLegacyTextFields,
  writeTextField,
  type TextField,
  bodyFragment,
  decodeYDoc,
  encodeYDoc,
  metaMap,
  isRelatedValue,
  readRelated,
  relatedArray,
  relatedKey,
  uniqueRelated,
  writeArticleToYDoc,
  yDocToArticle,
  type CollabArticle,
  type MetaField,
  type RelatedValue,
  toRelatedInput,
} from './document/article-ydoc';
export { applyBodyJson } from './document/apply-json';
export {
  articleDocumentName,
  articleIdOfDocument,
  COLLAB_REFUSALS,
  COLLAB_UNAVAILABLE,
  isCollabRefusal,
  parseCollabMessage,
  type CollabRefusalReason,
  type CollabMessage,
} from './document/document-name';
export { applyArticle } from './document/apply-json';
export { giveNewTextblocksText, giveTextblocksText } from './document/textblock-text';
export { collabUserOf, colorFor, safeColor, type CollabUser } from './people/collab-user';
