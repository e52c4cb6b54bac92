import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageNumber } from '@newsroom/http';
import { ArticleList } from '../../src/reader/ArticleList';
import { listMetadata } from '../../src/reader/article-metadata';
import { getArticlePage } from '../../src/reader/data';
import { listPageDependsOn } from '../../src/reader/page-dependencies';
import { Pagination } from '../../src/reader/Pagination';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  // An invalid page number answers 404 from the page itself.
  const page = pageNumber((await searchParams).page) ?? 1;
  return listMetadata(undefined, '/', 'The latest news, with notes and sources.', { page });
}

export default async function HomePage({ searchParams }: Props) {
  const page = pageNumber((await searchParams).page);
  if (page === null) notFound();
  const { articles, hasNextPage } = await getArticlePage(page);
  if (page > 1 && articles.length === 0) notFound();
  await listPageDependsOn(null, articles);
  return (
    <>
      <h1 className="page-title">Latest news</h1>
      <ArticleList articles={articles} />
      <Pagination basePath="/" page={page} hasNextPage={hasNextPage} />
    </>
  );
}
