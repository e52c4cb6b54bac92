import { describe, expect, it } from 'vitest';
import type { EditableArticle } from './editable-article';
import { editableFieldsOf } from './editable-fields';

const article: EditableArticle = {
  id: 'article-1',
  slug: 'floods-return',
  title: 'Floods return',
  standfirst: 'The river rose again overnight.',
  sectionId: 'section-world',
  section: { slug: 'world', name: 'World' },
  markerStyle: 'numeric',
  status: 'published',
  publishedAt: '2026-01-02T08:00:00.000Z',
  scheduledAt: null,
  live: {
    path: '/world/floods-return',
    publishedAt: '2026-01-02T08:00:00.000Z',
    updatedAt: '2026-01-03T09:00:00.000Z',
  },
  hasUnpublishedChanges: true,
  wasPublished: true,
  version: 7,
  authorId: 'user-1',
  updatedAt: '2026-01-03T10:00:00.000Z',
  body: { type: 'doc', content: [{ type: 'paragraph' }] },
  related: [
    { articleId: 'article-2', title: 'The first floods', href: '/world/first-floods' },
    { url: 'https://example.org/rain', title: 'Rainfall records' },
  ],
  leadImage: { id: 'image-1', width: 1200, height: 800, alt: 'A river', caption: '', credit: '' },
};

describe('editableFieldsOf', () => {
  it('takes the fields a person edits, as stored, and leaves out identity, state and lead image', () => {
    expect(editableFieldsOf(article)).toStrictEqual({
      title: 'Floods return',
      slug: 'floods-return',
      sectionId: 'section-world',
      standfirst: 'The river rose again overnight.',
      markerStyle: 'numeric',
      publishedAt: '2026-01-02T08:00:00.000Z',
      related: article.related,
      body: article.body,
    });
  });
});
