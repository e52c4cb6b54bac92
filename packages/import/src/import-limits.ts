/** What an import accepts: one place for the API, the form and the messages. */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Bytes a .docx may unpack to: a small zip can expand to gigabytes (a "zip bomb"). */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /**
   * Bytes of XML a .docx's text (its main document, footnotes, endnotes and comments, with the
   * styles, numbering and relationships read with them) may unpack to, together: refused before
   * anything parses them (see openDocx). Each megabyte costs seconds of a core and up to a gigabyte of memory on the way to an
   * article (mammoth, then the cleaning's DOM): a 5 MB document.xml, 18 KB zipped, took 12 s;
   * 1 MB of one-letter paragraphs, the costliest shape measured, 7.5 s on a busy machine. An
   * article at the text limit (DOCUMENT_LIMITS.maxTextChars, 200,000 characters, far longer
   * than any real one) as the tests write it has 256 KB of document.xml, measured; Word writes a
   * few hundred bytes more per paragraph and run (revision ids, fonts, language), so even a very
   * long real article (10,000 words) should need well under half of this (estimated, not measured
   * on a Word file).
   */
  maxDocumentXmlBytes: 1024 * 1024,
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
  /**
   * Elements in the HTML a document becomes (a web page's own, or mammoth's of a .docx), counted
   * as start tags before the DOM is built (see checkHtmlElements). Bytes cannot bound that work:
   * happy-dom takes 3–8 KB of memory a node, so 10 MB of tiny paragraphs could need gigabytes,
   * while one `data:` picture of the same bytes is a single element. A very long real article
   * (10,000 words, some 500 paragraphs) is a few thousand elements in Google Docs' HTML (a
   * `<span>` per run, links, notes), and one at the text limit (DOCUMENT_LIMITS.maxTextChars,
   * 200,000 characters, some 3,000 paragraphs) about 15,000 (estimated, not measured on a real
   * file). At 50,000, measured on the shared 2-core machine: 50,000 one-letter paragraphs take
   * 321 MB of happy-dom's heap, and a page of 50,000 one-word spans imports in 19 s.
   */
  maxHtmlElements: 50_000,
} as const;

/** For the file picker's `accept`. */
export const IMPORT_ACCEPT =
  '.docx,.html,.htm,.zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,application/zip';
