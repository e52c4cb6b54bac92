import { ArticleList } from '../src/reader/ArticleList';
import { listPublishedArticles } from '../src/reader/queries';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const articles = await listPublishedArticles();
  return (
    <>
      <h1 className="visually-hidden">Latest news</h1>
      <ArticleList articles={articles} />
    </>
  );
}
