import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '../../../../src/reader/ArticleView';
import { articleMetadata } from '../../../../src/reader/article-metadata';
import { getPublishedArticle, getPublishedArticlePath } from '../../../../src/reader/data';
import { articlePageDependsOn } from '../../../../src/reader/page-dependencies';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await getPublishedArticle(section, slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getPublishedArticle(section, slug);
  if (!article) {
    // An article that moved section keeps working links: old URL → its current one.
    const currentPath = await getPublishedArticlePath(slug);
    if (currentPath) permanentRedirect(currentPath);
    notFound(); // drafts, unpublished and unknown articles alike
  }
  await articlePageDependsOn(article);
  return <ArticleView article={article} />;
}
