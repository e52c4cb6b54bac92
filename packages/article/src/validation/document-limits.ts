/** Bounds on a stored body; generous for journalism, small enough to keep saves and renders cheap. */
export const DOCUMENT_LIMITS = {
  maxTextChars: 200_000,
  maxNodes: 50_000,
  maxDepth: 24,
  maxNoteIdLength: 64,
  maxLinkTitleLength: 500,
  /** Validation stops collecting after this many errors. */
  maxErrors: 50,
} as const;

/**
 * Largest article save (the JSON sent to the API): 200,000 characters of text in a document with
 * marks and notes. Live co-editing bounds one message by it too.
 */
export const ARTICLE_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** The one wording of the depth refusal (a save, a preview, an import). */
export const NESTED_TOO_DEEP = `document is nested deeper than ${DOCUMENT_LIMITS.maxDepth} levels`;
