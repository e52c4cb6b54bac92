import type { Metadata } from 'next';
import { canManageShortLink } from '@newsroom/auth';
import { notFound } from 'next/navigation';
import {
  UTM_FIELDS,
  UTM_PARAMETERS,
  clickStats,
  findLink,
  getShortenerRuntime,
  linkChanges,
  linkState,
  visitStats,
  DEFAULT_STATS_RANGE_DAYS,
  MAX_STATS_RANGE_DAYS,
  VISIT_DIMENSIONS,
  VISIT_DIMENSION_LABELS,
} from '@newsroom/links';
import { BreakdownChart } from '../../../src/staff/BreakdownChart';
import { ClickChart } from '../../../src/staff/ClickChart';
import { StaffHeader } from '../../../src/staff/StaffHeader';
import { setDisabledAction } from '../../../src/staff/actions';
import { FIELD_LABELS, describeValue } from '../../../src/staff/field-labels';
import { utcInputValue } from '../../../src/staff/link-form-values';
import { LINK_FIELD_LIMITS } from '../../../src/staff/link-limits';
import { EditLinkForm } from './EditLinkForm';
import { qrSvg } from '../../../src/staff/qr-code';
import { staff } from '../../../src/staff/staff-shell';
import type { SearchParams } from '../../../src/staff/search-param';
import { staffStatsRange } from '../../../src/staff/stats-range';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<SearchParams>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Link /${(await params).code}` };
}

export default async function LinkPage({ params, searchParams }: Props) {
  const { code } = await params;
  const query = await searchParams;
  const saved = query.saved;
  const refused = query.refused !== undefined;
  const { range, isDefault, error: rangeError } = staffStatsRange(query);
  const user = await staff.requireStaff(undefined, `/links/${encodeURIComponent(code)}`);
  const runtime = getShortenerRuntime();
  const link = await findLink(runtime.db, code);
  if (!link) notFound();
  const view = await runtime.viewOf(link);
  const stats = await clickStats(runtime.db, link.id);
  const visits = await visitStats(runtime.db, link.id, range);
  const rangeLabel = isDefault
    ? `over the last ${DEFAULT_STATS_RANGE_DAYS} days`
    : `from ${range.from} to ${range.to}`;
  const csvHref = `/links/${encodeURIComponent(code)}/stats.csv?${new URLSearchParams(range)}`;
  // An article's link goes where the article lives now (the view's address, with its UTM
  // fields, as the redirect sends it), not the address stored when the link was made; the
  // resolver says whether the article is live at all.
  const destination = link.articleId === null ? view.url : view.redirectsTo;
  const articleNotLive =
    link.articleId !== null && (await runtime.resolver.resolve(link.code))?.articleNotLive === true;
  const state =
    articleNotLive && linkState(link) === 'active' ? 'article not live' : linkState(link);
  const changes = await linkChanges(runtime.db, link.id);
  const utm = UTM_FIELDS.filter((field) => link[field]);
  const qrBase = `/links/${encodeURIComponent(code)}/qr`;

  return (
    <>
      <StaffHeader user={user} />
      <h1>
        Short link <code>/{link.code}</code>
      </h1>
      {saved && (
        <p role="status" className="notice">
          Changes saved.
        </p>
      )}
      <dl className="details">
        <dt>Short URL</dt>
        <dd>
          <a href={view.shortUrl}>{view.shortUrl}</a> (<a href={`${view.shortUrl}+`}>preview</a>)
        </dd>
        <dt>Destination</dt>
        <dd className="url" data-testid="destination">
          {articleNotLive ? (
            "the article's address, once it is published"
          ) : (
            <a href={destination} rel="noopener noreferrer">
              {destination}
            </a>
          )}
        </dd>
        {link.articleId === null && view.redirectsTo !== link.url && (
          <>
            <dt>Redirects to</dt>
            <dd className="url" data-testid="redirects-to">
              {view.redirectsTo}
            </dd>
          </>
        )}
        <dt>UTM</dt>
        <dd>
          {utm.length === 0
            ? 'none'
            : utm.map((field) => `${UTM_PARAMETERS[field]}=${link[field]}`).join(', ')}
        </dd>
        <dt>Query string</dt>
        <dd>{link.forwardQuery ? "forwarded (the visitor's parameters are added)" : 'dropped'}</dd>
        <dt>Status</dt>
        <dd data-testid="link-status">{state}</dd>
        <dt>Redirect</dt>
        <dd>{link.redirectType}</dd>
        <dt>Expires</dt>
        <dd>{view.expiresAt ?? 'never'}</dd>
        <dt>Clicks</dt>
        <dd data-testid="click-total">{stats.total}</dd>
      </dl>

      {refused && (
        <p role="alert" className="error">
          Writers can change only the links they created, and never an article&apos;s own link.
        </p>
      )}
      {canManageShortLink(user, link) ? (
        <form action={setDisabledAction}>
          <input type="hidden" name="code" value={link.code} />
          <input type="hidden" name="disabled" value={link.disabled ? 'false' : 'true'} />
          <button type="submit">{link.disabled ? 'Enable link' : 'Disable link'}</button>
        </form>
      ) : (
        <p>
          {link.articleId
            ? 'This is an article’s own link: only editors and admins can change it.'
            : 'Only the writer who created this link, editors and admins can change it.'}
        </p>
      )}

      {canManageShortLink(user, link) && (
        <>
          <h2 id="edit-heading">Edit</h2>
          <EditLinkForm
            key={link.updatedAt.toISOString()}
            code={link.code}
            limits={LINK_FIELD_LIMITS}
            followsArticle={link.articleId !== null}
            current={{
              url: link.url,
              redirectType: String(link.redirectType),
              expiresAt: utcInputValue(link.expiresAt),
              forwardQuery: link.forwardQuery ? 'on' : '',
              ...Object.fromEntries(UTM_FIELDS.map((field) => [field, link[field] ?? ''])),
            }}
          />
        </>
      )}

      <h2>Changes</h2>
      {changes.length === 0 ? (
        <p>No changes since the link was created.</p>
      ) : (
        // Focusable and named: a keyboard user can scroll it when it is wider than the screen.
        <div className="table-scroll" role="region" aria-label="Changes" tabIndex={0}>
          <table data-testid="link-changes">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change, index) => (
                <tr key={index}>
                  <td>{change.at.slice(0, 19).replace('T', ' ')}</td>
                  <td>
                    {change.actor.name}
                    {change.actor.type === 'api_key' ? ' (API key)' : ''}
                  </td>
                  <td>
                    <ul className="changes">
                      {Object.entries(change.changes).map(([field, { from, to }]) => (
                        <li key={field} className="url">
                          {FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? field}:{' '}
                          {describeValue(from)} → {describeValue(to)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Clicks</h2>
      <p>
        Human clicks only (bots and HEAD requests are not counted); written every{' '}
        {runtime.config.clickFlushIntervalMs / 1000} s, so the latest may take that long to show.
        Per referrer host, device type, browser, operating system and country; no address or user
        agent is stored.
      </p>
      <form method="get" className="inline" aria-label="Date range of the statistics">
        <label>
          From <input type="date" name="from" defaultValue={range.from} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={range.to} />
        </label>
        <button type="submit">Show</button>
        <span>(UTC days, at most {MAX_STATS_RANGE_DAYS})</span>
      </form>
      {rangeError && (
        <p role="alert" className="error" data-testid="range-error">
          {rangeError} Showing the last {DEFAULT_STATS_RANGE_DAYS} days instead.
        </p>
      )}
      <p>
        <a href={csvHref} download>
          Download CSV
        </a>{' '}
        (one row per day, dimension and value, {range.from} to {range.to})
      </p>
      <p data-testid="range-total">
        {`${visits.total} ${visits.total === 1 ? 'click' : 'clicks'} ${rangeLabel}.`}
      </p>
      <ClickChart days={visits.days} label={rangeLabel} />
      {VISIT_DIMENSIONS.map((dimension) => (
        <BreakdownChart
          key={dimension}
          id={dimension}
          title={VISIT_DIMENSION_LABELS[dimension]}
          values={visits.breakdowns[dimension]}
          total={visits.total}
        />
      ))}

      <h2>QR code</h2>
      <div
        className="qr"
        role="img"
        aria-label={`QR code for ${view.shortUrl}`}
        dangerouslySetInnerHTML={{ __html: await qrSvg(view.shortUrl) }}
      />
      <p>
        Download: <a href={`${qrBase}?format=svg`}>SVG</a> ·{' '}
        <a href={`${qrBase}?format=png`}>PNG</a>
      </p>
    </>
  );
}
