import type { ArticleSummary } from '@newsroom/publishing';
import { Dateline } from './Dateline';
import { Rubric } from './Rubric';

export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return <p className="empty">No articles published yet.</p>;
  return (
    <ol className="article-list">
      {articles.map((article) => (
        <li key={article.id} className="article-teaser">
          <Rubric section={article.section} />
          <h2 className="teaser-headline">
            <a href={article.path}>{article.title}</a>
          </h2>
          {article.standfirst && <p className="teaser-standfirst">{article.standfirst}</p>}
          <Dateline date={article.publishedAt} />
        </li>
      ))}
    </ol>
  );
}
