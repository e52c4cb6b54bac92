/** What an import accepts: one place for the API, the form and the messages. */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Bytes a .docx may unpack to: a small zip can expand to gigabytes (a "zip bomb"). */
  maxUnpackedBytes: 100 * 1024 * 1024,
} as const;

/** For the file picker's `accept`. */
export const IMPORT_ACCEPT =
  '.docx,.html,.htm,.zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,application/zip';
