import { getDb } from '@newsroom/db';
import { findVisibleArticle, toRelatedInput } from '@newsroom/editorial';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { staff } from '../../../../../../src/newsroom/staff/staff-shell';
import { articleEditPath } from '../../../../../../src/newsroom/newsroom-paths';
import { ArticlePreview } from '../../../../../../src/newsroom/preview/ArticlePreview';
import {
  renderLeadImagePreview,
  renderPreviewHtml,
} from '../../../../../../src/newsroom/preview/render-preview';

export const metadata: Metadata = { title: 'Preview' };

type Props = { params: Promise<{ id: string }> };

/** The last saved version, rendered like the reader page (drafts included). */
export default async function PreviewPage({ params }: Props) {
  const user = await staff.requireStaff();
  const { id } = await params;
  const db = getDb();
  const article = await findVisibleArticle(db, user, id);
  if (!article) notFound();
  const html = await renderPreviewHtml(db, {
    body: article.body,
    markerStyle: article.markerStyle,
    related: article.related.map(toRelatedInput),
    leadImageId: article.leadImage?.id ?? null,
  });
  const leadImageHtml = await renderLeadImagePreview(db, article.leadImage?.id);
  return (
    <>
      <p className="preview-banner">
        Preview of the saved {article.status} version.{' '}
        <a href={articleEditPath(article.id)}>Back to editing</a>
      </p>
      <ArticlePreview
        section={article.section}
        publishedAt={article.publishedAt}
        title={article.title}
        standfirst={article.standfirst}
        html={html}
        leadImageHtml={leadImageHtml}
      />
    </>
  );
}
