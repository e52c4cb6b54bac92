import { getDb } from '@newsroom/db';
import { listArticles, listSections } from '@newsroom/editorial';
import type { Metadata } from 'next';
import { staff } from '../../../../src/newsroom/staff/staff-shell';
import { ARTICLE_STATUS, formatDateline } from '@newsroom/article';
import {
  articleEditPath,
  DRAFT_DELETED_PARAM,
  IMPORT_PAGE_PATH,
} from '../../../../src/newsroom/newsroom-paths';
import { SectionOptions } from '../../../../src/newsroom/SectionOptions';

export const metadata: Metadata = { title: 'Articles' };

type Props = {
  searchParams: Promise<{
    status?: string;
    sectionId?: string;
    q?: string;
    page?: string;
    [DRAFT_DELETED_PARAM]?: string;
  }>;
};

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await staff.requireStaff();
  const { [DRAFT_DELETED_PARAM]: deleted, ...query } = await searchParams;
  const db = getDb();
  const [list, sections] = await Promise.all([listArticles(db, user, query), listSections(db)]);
  const pageHref = (page: number) =>
    `?${new URLSearchParams({ ...definedOnly(query), page: String(page) })}`;
  return (
    <section>
      <div className="newsroom-heading">
        <h1>Articles</h1>
        <div className="newsroom-actions">
          <a className="button" href="/newsroom/articles/new">
            New article
          </a>
          <a className="button" href={IMPORT_PAGE_PATH}>
            Import a document
          </a>
        </div>
      </div>
      {deleted && (
        <p role="status" className="newsroom-notice">
          Draft deleted.
        </p>
      )}
      <form className="article-filters" role="search">
        <label>
          Status
          <select name="status" defaultValue={query.status ?? ''}>
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="scheduled">Scheduled</option>
            <option value="published">Published</option>
          </select>
        </label>
        <label>
          Section
          <select name="sectionId" defaultValue={query.sectionId ?? ''}>
            <option value="">Any</option>
            <SectionOptions sections={sections} />
          </select>
        </label>
        <label>
          Title
          <input name="q" type="search" defaultValue={query.q ?? ''} />
        </label>
        <button type="submit">Filter</button>
      </form>
      {list.items.length === 0 ? (
        <p>No articles match.</p>
      ) : (
        <table className="article-table">
          <thead>
            <tr>
              <th>Headline</th>
              <th>Section</th>
              <th>Status</th>
              <th>Author</th>
              <th>Updated (GMT)</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((article) => (
              <tr key={article.id}>
                <td>
                  <a href={articleEditPath(article.id)}>{article.title}</a>
                </td>
                <td>{article.section.name}</td>
                <td>
                  <span className={`status status-${article.status}`}>
                    {article.status === ARTICLE_STATUS.published && article.hasUnpublishedChanges
                      ? 'published, with unpublished changes'
                      : article.status}
                  </span>
                  {article.scheduledAt && (
                    <>
                      {' '}
                      {article.status === ARTICLE_STATUS.published
                        ? 'update scheduled for'
                        : 'for'}{' '}
                      {formatDateline(new Date(article.scheduledAt))}
                    </>
                  )}
                </td>
                <td>{article.author.name}</td>
                <td>{formatDateline(new Date(article.updatedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.pages > 1 && (
        <nav className="pagination" aria-label="Pages">
          {list.page > 1 && <a href={pageHref(list.page - 1)}>Newer</a>}
          <span>
            Page {list.page} of {list.pages}
          </span>
          {list.page < list.pages && <a href={pageHref(list.page + 1)}>Older</a>}
        </nav>
      )}
    </section>
  );
}

function definedOnly(query: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]),
  );
}
