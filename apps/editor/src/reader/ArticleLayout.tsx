import type { ReactNode } from 'react';
import { Dateline } from './Dateline';
import { Rubric } from './Rubric';

export interface ArticleLayoutProps {
  section: { slug: string; name: string } | null;
  publishedAt: Date | null;
  title: string;
  standfirst: string;
  /** From the shared renderer, which escapes every text and attribute of the stored document. */
  html: string;
  /** The lead image's `<figure>`, from the same renderer (see `renderLeadImage`). */
  leadImageHtml?: string | null;
  /** Shown under the rubric and dateline, e.g. the "Get short URL" button. */
  actions?: ReactNode;
}

/**
 * The markup of an article as readers see it. The reader page and the newsroom's previews both
 * use it, so a preview is exactly the published page.
 */
export function ArticleLayout({
  section,
  publishedAt,
  title,
  standfirst,
  html,
  leadImageHtml,
  actions,
}: ArticleLayoutProps) {
  return (
    <>
      <header className="article-header">
        <p className="article-kicker">
          {section && <Rubric section={section} />}
          {publishedAt && <Dateline date={publishedAt} />}
        </p>
        {actions}
        <h1 className="headline">{title}</h1>
        {standfirst && <p className="standfirst">{standfirst}</p>}
      </header>
      {leadImageHtml && <div dangerouslySetInnerHTML={{ __html: leadImageHtml }} />}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
