import type { Metadata } from 'next';
import { pageNumber } from '@newsroom/http';
import { getShortenerRuntime, linkState, listLinks } from '@newsroom/links';
import { StaffHeader } from '../../src/staff/StaffHeader';
import { searchParam, type SearchParams } from '../../src/staff/search-param';
import { staff } from '../../src/staff/staff-shell';

export const metadata: Metadata = { title: 'Links' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<SearchParams> };

export default async function LinksPage({ searchParams }: Props) {
  const query = await searchParams;
  const q = searchParam(query, 'q') ?? '';
  const user = await staff.requireStaff(
    undefined,
    `/links${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  );
  const page = pageNumber(searchParam(query, 'page')) ?? 1;
  const runtime = getShortenerRuntime();
  const { links, total } = await listLinks(runtime.db, {
    q: q.slice(0, 200),
    page,
    pageSize: PAGE_SIZE,
  });
  const views = await runtime.viewsOf(links);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (target: number) =>
    `/links?${new URLSearchParams({ ...(q && { q }), page: String(target) })}`;

  return (
    <>
      <StaffHeader user={user} />
      <h1>Short links</h1>
      <form role="search" method="get" action="/links" className="inline">
        <label>
          Search by destination or code <input type="search" name="q" defaultValue={q} />
        </label>
        <button type="submit">Search</button>
      </form>
      <p>
        {total} link{total === 1 ? '' : 's'}
        {q && <> matching “{q}”</>}. <a href="/links/new">Create a link</a>
      </p>
      {links.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Destination</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link, index) => (
                <tr key={link.id}>
                  <td>
                    <a href={`/links/${encodeURIComponent(link.code)}`}>{link.code}</a>
                  </td>
                  <td className="url">{views[index]!.url}</td>
                  <td>{linkState(link)}</td>
                  <td>
                    <time dateTime={link.createdAt.toISOString()}>
                      {link.createdAt.toISOString().slice(0, 10)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="inline">
          {page > 1 && <a href={pageHref(page - 1)}>Previous</a>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <a href={pageHref(page + 1)}>Next</a>}
        </nav>
      )}
    </>
  );
}
