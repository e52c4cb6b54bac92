'use client';
import { useState } from 'react';
import { ArticlePreview } from '../preview/ArticlePreview';
import type { Section } from './section';
import { renderDraft } from './api-client';
import type { ArticleDraft } from './draft';

type Rendered = { draft: ArticleDraft; html: string };

/** The current (even unsaved) article through the reader renderer. */
export function PreviewPanel({
  articleId,
  read,
  sections,
}: {
  articleId: string;
  read: () => ArticleDraft;
  sections: Section[];
}) {
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function show() {
    const draft = read();
    try {
      setRendered({ draft, html: await renderDraft(draft) });
      setError(null);
    } catch (failure) {
      setError(`Preview failed: ${(failure as Error).message}`);
    }
  }

  return (
    <section className="panel preview-panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <button type="button" onClick={show}>
        {rendered ? 'Refresh preview' : 'Show preview'}
      </button>{' '}
      {rendered && (
        <button type="button" onClick={() => setRendered(null)}>
          Hide preview
        </button>
      )}{' '}
      <a href={`/newsroom/articles/${articleId}/preview`} target="_blank" rel="noopener">
        Open the saved version
      </a>
      {error && <p role="alert">{error}</p>}
      {rendered && (
        <div className="preview-frame" data-testid="preview">
          <ArticlePreview
            section={sections.find((section) => section.id === rendered.draft.sectionId) ?? null}
            publishedAt={rendered.draft.publishedAt}
            title={rendered.draft.title}
            standfirst={rendered.draft.standfirst}
            html={rendered.html}
          />
        </div>
      )}
    </section>
  );
}
