// @newsroom/import: Word (.docx) and Google Docs HTML downloads → article documents, through
// the same pipeline as paste (@newsroom/article). Node only (mammoth, happy-dom).
export { importDocument, type ImportedDocument, type ImportInput } from './import-document';
export { ImportError, IMPORT_ERRORS, isImportError, type ImportErrorCode } from './import-error';
export { IMPORT_ACCEPT, IMPORT_LIMITS } from './import-limits';
