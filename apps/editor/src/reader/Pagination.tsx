import { listPagePath } from './list-page-path';

/** Newer / older links as plain anchors: paging works without JavaScript. */
export function Pagination({
  basePath,
  page,
  hasNextPage,
}: {
  basePath: string;
  page: number;
  hasNextPage: boolean;
}) {
  if (page === 1 && !hasNextPage) return null;
  const href = (target: number) => listPagePath(basePath, target);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          ← Newer
        </a>
      )}
      {hasNextPage && (
        <a href={href(page + 1)} rel="next">
          Older →
        </a>
      )}
    </nav>
  );
}
