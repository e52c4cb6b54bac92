/** The one Article.status readers may see; everything else (drafts) is invisible to them. */
export const PUBLISHED = 'published';
