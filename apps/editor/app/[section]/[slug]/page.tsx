import { notFound } from 'next/navigation';
import { findPublishedArticle } from '../../../src/reader/queries';
import { formatDateline } from '../../../src/reader/dateline';
import { GetShortUrlButton } from '../../../src/short-links/GetShortUrlButton';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ section: string; slug: string }> };

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await findPublishedArticle(section, slug);
  if (!article) notFound();
  return (
    <article>
      <a className="rubric" href={`/${article.section.slug}`}>
        {article.section.name}
      </a>
      <GetShortUrlButton articleId={article.id} />
      {article.publishedAt && (
        <p className="dateline">
          <time dateTime={article.publishedAt.toISOString()}>
            {formatDateline(article.publishedAt)}
          </time>
        </p>
      )}
      <h1 className="headline">{article.title}</h1>
      {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
    </article>
  );
}
