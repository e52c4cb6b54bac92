export const isBlankText = (text: string | null | undefined) => !text || /^\s*$/.test(text);

/** Lone UTF-16 surrogates (which the newsroom API refuses in a save) become U+FFFD. */
export const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
