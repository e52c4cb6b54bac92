// @newsroom/import: Word (.docx) and Google Docs HTML downloads → article documents, through
// the same pipeline as paste (@newsroom/article). Node only (mammoth, happy-dom).
export {
  importDocument,
  type ImportedDocument,
  type ImportInput,
  type ImportOptions,
} from './import-document';
export type { ImportNotice, ImportNoticeCode } from './import-notices';
export type { StoreDocumentImage } from './images/store-document-images';
export {
  ImportError,
  IMPORT_BUSY_RETRY_AFTER_SECONDS,
  IMPORT_ERRORS,
  isImportError,
  type ImportErrorCode,
} from './import-error';
export { IMPORT_ACCEPT, IMPORT_LIMITS } from './import-limits';
export { importDraft, type ImportDraftInput, type ImportedDraft } from './import-draft';
