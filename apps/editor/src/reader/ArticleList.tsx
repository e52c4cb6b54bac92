import { articlePath } from './queries';
import { formatDateline } from './dateline';

type Listed = {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date | null;
  section: { slug: string; name: string };
};

export function ArticleList({ articles }: { articles: Listed[] }) {
  if (articles.length === 0) return <p>No articles published yet.</p>;
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.id}>
          <a className="rubric" href={`/${article.section.slug}`}>
            {article.section.name}
          </a>
          <h2>
            <a href={articlePath(article)}>{article.title}</a>
          </h2>
          {article.standfirst && <p>{article.standfirst}</p>}
          {article.publishedAt && (
            <time className="dateline" dateTime={article.publishedAt.toISOString()}>
              {formatDateline(article.publishedAt)}
            </time>
          )}
        </li>
      ))}
    </ul>
  );
}
