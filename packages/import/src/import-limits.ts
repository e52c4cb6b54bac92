/** What an import accepts: one place for the API, the form and the messages. */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Bytes a .docx may unpack to: a small zip can expand to gigabytes (a "zip bomb"). */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /**
   * Pictures in one document: each is rendered like an upload (up to 12 files, 1–8 s of a core,
   * see the README's image processing figures), all within the one import request.
   */
  maxImages: 20,
  /** Bytes of all a document's pictures together, as stored in the file. */
  maxImageBytes: 40 * 1024 * 1024,
  /**
   * Elements nested in the file's HTML: an article nests at most DOCUMENT_LIMITS.maxDepth, the
   * rest is room for wrappers the cleaning drops (spans, divs). Checked before anything recurses.
   */
  maxHtmlDepth: 256,
} as const;

/** For the file picker's `accept`. */
export const IMPORT_ACCEPT =
  '.docx,.html,.htm,.zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,application/zip';
