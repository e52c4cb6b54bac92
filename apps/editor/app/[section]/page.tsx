import { notFound } from 'next/navigation';
import { getDb } from '@newsroom/db';
import { ArticleList } from '../../src/reader/ArticleList';
import { listPublishedArticles } from '../../src/reader/queries';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ section: string }> };

export default async function SectionPage({ params }: Props) {
  const { section: sectionSlug } = await params;
  const section = await getDb().section.findUnique({ where: { slug: sectionSlug } });
  if (!section) notFound();
  const articles = await listPublishedArticles(section.slug);
  return (
    <>
      <h1>{section.name}</h1>
      <ArticleList articles={articles} />
    </>
  );
}
