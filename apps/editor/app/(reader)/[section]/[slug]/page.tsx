import { withVisitorQuery } from '@newsroom/reader-cache';
import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '../../../../src/reader/ArticleView';
import { articleMetadata } from '../../../../src/reader/article-metadata';
import { getCurrentArticlePath, getPublishedArticle, queryOf } from '../../../../src/reader/data';
import { articlePageDependsOn } from '../../../../src/reader/page-dependencies';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ section: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await getPublishedArticle(section, slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { section, slug } = await params;
  const article = await getPublishedArticle(section, slug);
  if (!article) {
    // Every address a live article has had (old slugs, old sections) → its current one (308).
    const currentPath = await getCurrentArticlePath(slug);
    // The visitor's query string (utm_source on a shared link…) goes along.
    if (currentPath) permanentRedirect(withVisitorQuery(currentPath, queryOf(await searchParams)));
    notFound(); // drafts, unpublished and unknown articles alike
  }
  await articlePageDependsOn(article);
  return <ArticleView article={article} />;
}
