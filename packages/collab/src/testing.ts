// @newsroom/collab/testing: fixtures shared by this package's tests, the editor's and the editor
// bench (its other person typing is a real client over the server); not the runtime API.
import type { CollabArticle } from './document/article-ydoc';

/** A working copy as the collaboration server seeds a shared document from, with `fields` over it. */
export function collabArticleWith(fields: Partial<CollabArticle> = {}): CollabArticle {
  return {
    title: 'Storm reaches the coast',
    slug: 'storm-reaches-the-coast',
    sectionId: 'section-1',
    standfirst: '',
    markerStyle: 'numeric',
    publishedAt: null,
    leadImage: null,
    related: [],
    body: { type: 'doc', content: [{ type: 'paragraph' }] },
    ...fields,
  };
}
export { connectClient, waitForDoc, type TestClient } from './server/test-clients';
