import Heading from '@tiptap/extension-heading';

/** The headline is the page's h1, so body headings start at h2. */
export const ARTICLE_HEADING_LEVELS = [2, 3, 4] as const;

export const ArticleHeading = Heading.configure({ levels: [...ARTICLE_HEADING_LEVELS] });
