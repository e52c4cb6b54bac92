'use client';
import { useState } from 'react';
import { ArticlePreview } from '../preview/ArticlePreview';
import { articlePreviewPath } from '../newsroom-paths';
import type { Section } from './section';
import { renderPreview } from './api-client';
import type { ArticleDraft } from './draft';

type Rendered = { draft: ArticleDraft; html: string; leadImageHtml: string | null };

/**
 * The current (even unsaved) article through the reader renderer, shown in place of the
 * writing canvas: the canvas is the reader's column, so the preview has the reader's exact
 * width, markup and CSS. `onOpenChange` lets the page hide the editor (kept mounted) meanwhile.
 */
export function PreviewPanel({
  articleId,
  read,
  sections,
  onOpenChange,
}: {
  articleId: string;
  read: () => ArticleDraft;
  sections: Section[];
  onOpenChange?: (open: boolean) => void;
}) {
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function show() {
    const draft = read();
    try {
      setRendered({ draft, ...(await renderPreview(draft)) });
      setError(null);
      onOpenChange?.(true);
    } catch (failure) {
      setError(`Preview failed: ${(failure as Error).message}`);
    }
  }

  function hide() {
    setRendered(null);
    onOpenChange?.(false);
  }

  return (
    <section className="preview-panel" aria-label="Preview">
      <div className="preview-controls">
        <button type="button" onClick={show}>
          {rendered ? 'Refresh preview' : 'Show preview'}
        </button>
        {rendered && (
          <button type="button" onClick={hide}>
            Hide preview
          </button>
        )}
        <a href={articlePreviewPath(articleId)} target="_blank" rel="noopener">
          Open the saved version
        </a>
      </div>
      {error && <p role="alert">{error}</p>}
      {rendered && (
        <div className="preview-frame" data-testid="preview">
          <ArticlePreview
            section={sections.find((section) => section.id === rendered.draft.sectionId) ?? null}
            publishedAt={rendered.draft.publishedAt}
            title={rendered.draft.title}
            standfirst={rendered.draft.standfirst}
            html={rendered.html}
            leadImageHtml={rendered.leadImageHtml}
          />
        </div>
      )}
    </section>
  );
}
