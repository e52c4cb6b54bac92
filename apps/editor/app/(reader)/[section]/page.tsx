import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { pageNumber } from '@newsroom/http';
import { withVisitorQuery } from '@newsroom/reader-cache';
import { sectionPath } from '@newsroom/article';
import { ArticleList } from '../../../src/reader/ArticleList';
import { listMetadata } from '../../../src/reader/article-metadata';
import {
  getArticlePage,
  getSection,
  getSectionInOtherCase,
  queryOf,
} from '../../../src/reader/data';
import { listPageDependsOn } from '../../../src/reader/page-dependencies';
import { Pagination } from '../../../src/reader/Pagination';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ section: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const section = await getSection((await params).section);
  if (!section) return {};
  // An invalid page number answers 404 from the page itself.
  const page = pageNumber((await searchParams).page) ?? 1;
  return listMetadata(section.name, sectionPath(section), `The latest from ${section.name}.`, {
    section,
    page,
  });
}

export default async function SectionPage({ params, searchParams }: Props) {
  const slug = (await params).section;
  const section = await getSection(slug);
  if (!section) {
    const sameInOtherCase = await getSectionInOtherCase(slug);
    if (sameInOtherCase) {
      permanentRedirect(
        withVisitorQuery(sectionPath(sameInOtherCase), queryOf(await searchParams)),
      );
    }
    notFound();
  }
  const page = pageNumber((await searchParams).page);
  if (page === null) notFound();
  const { articles, hasNextPage } = await getArticlePage(page, section.slug);
  if (page > 1 && articles.length === 0) notFound();
  await listPageDependsOn(section.slug, articles);
  return (
    <>
      <h1 className="page-title">{section.name}</h1>
      <ArticleList articles={articles} />
      <Pagination basePath={sectionPath(section)} page={page} hasNextPage={hasNextPage} />
    </>
  );
}
