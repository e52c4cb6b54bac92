/** Node names are part of the stored format: the seed data and the editor depend on them. */
export const FOOTNOTE_REFERENCE = 'footnoteReference';
export const FOOTNOTES = 'footnotes';
export const FOOTNOTE = 'footnote';
