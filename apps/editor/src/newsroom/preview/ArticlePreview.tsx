import { ArticleLayout } from '../../reader/ArticleLayout';

export interface ArticlePreviewProps {
  section: { slug: string; name: string } | null;
  publishedAt: string | null;
  title: string;
  standfirst: string;
  /** From the shared renderer (renderArticle): trusted markup built from a validated document. */
  html: string;
  leadImageHtml?: string | null;
}

/**
 * The article with the reader page's markup, CSS and column (width, typography), rubric and
 * dateline included, so the preview is what readers get.
 */
export function ArticlePreview({ publishedAt, ...article }: ArticlePreviewProps) {
  return (
    <div className="reader-column">
      <article className="article article-preview">
        <ArticleLayout {...article} publishedAt={publishedAt ? new Date(publishedAt) : null} />
      </article>
    </div>
  );
}
