import { formatDateline } from '../../reader/dateline';

export interface ArticlePreviewProps {
  section: { slug: string; name: string } | null;
  publishedAt: string | null;
  title: string;
  standfirst: string;
  /** From the shared renderer (renderArticle): trusted markup built from a validated document. */
  html: string;
}

/** The article with the reader page's markup and CSS, so the preview is what readers get. */
export function ArticlePreview({
  section,
  publishedAt,
  title,
  standfirst,
  html,
}: ArticlePreviewProps) {
  return (
    <article className="article-preview">
      {section && (
        <a className="rubric" href={`/${section.slug}`}>
          {section.name}
        </a>
      )}
      {publishedAt && (
        <p className="dateline">
          <time dateTime={publishedAt}>{formatDateline(new Date(publishedAt))}</time>
        </p>
      )}
      <h1 className="headline">{title}</h1>
      {standfirst && <p className="standfirst">{standfirst}</p>}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
