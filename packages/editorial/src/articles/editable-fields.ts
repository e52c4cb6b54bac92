import type { EditableArticle } from './editable-article';

/**
 * What the person editing an article changes: the fields a save writes, apart from the lead
 * image (whose form differs between the page and a save). Related entries are as the page shows
 * them; a save takes their stored form (`toRelatedInput`).
 */
export type EditableFields = Pick<
  EditableArticle,
  'title' | 'slug' | 'sectionId' | 'standfirst' | 'markerStyle' | 'publishedAt' | 'related' | 'body'
>;

/** The editable fields of a stored article, and nothing else (no id, version or state). */
export function editableFieldsOf(article: EditableArticle): EditableFields {
  return {
    title: article.title,
    slug: article.slug,
    sectionId: article.sectionId,
    standfirst: article.standfirst,
    markerStyle: article.markerStyle,
    publishedAt: article.publishedAt,
    related: article.related,
    body: article.body,
  };
}
