import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { clickStats, findLink, getShortenerRuntime, linkState, toLinkView } from '@newsroom/links';
import { ClickChart } from '../../../src/staff/ClickChart';
import { StaffHeader } from '../../../src/staff/StaffHeader';
import { setDisabledAction } from '../../../src/staff/actions';
import { qrSvg } from '../../../src/staff/qr-code';
import { requireStaff } from '../../../src/staff/session';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Link /${(await params).code}` };
}

export default async function LinkPage({ params }: Props) {
  const { code } = await params;
  const user = await requireStaff(`/links/${encodeURIComponent(code)}`);
  const runtime = getShortenerRuntime();
  const link = await findLink(runtime.db, code);
  if (!link) notFound();
  const view = toLinkView(link, runtime.config.baseUrl);
  const stats = await clickStats(runtime.db, link.id);
  const state = linkState(link);
  const qrBase = `/links/${encodeURIComponent(code)}/qr`;

  return (
    <>
      <StaffHeader user={user} />
      <h1>
        Short link <code>/{link.code}</code>
      </h1>
      <dl className="details">
        <dt>Short URL</dt>
        <dd>
          <a href={view.shortUrl}>{view.shortUrl}</a> (<a href={`${view.shortUrl}+`}>preview</a>)
        </dd>
        <dt>Destination</dt>
        <dd className="url">
          <a href={link.url} rel="noopener noreferrer">
            {link.url}
          </a>
        </dd>
        <dt>Status</dt>
        <dd data-testid="link-status">{state}</dd>
        <dt>Redirect</dt>
        <dd>{link.redirectType}</dd>
        <dt>Expires</dt>
        <dd>{view.expiresAt ?? 'never'}</dd>
        <dt>Clicks</dt>
        <dd data-testid="click-total">{stats.total}</dd>
      </dl>

      <form action={setDisabledAction}>
        <input type="hidden" name="code" value={link.code} />
        <input type="hidden" name="disabled" value={link.disabled ? 'false' : 'true'} />
        <button type="submit">{link.disabled ? 'Enable link' : 'Disable link'}</button>
      </form>

      <h2>Clicks</h2>
      <p>
        Human clicks only (bots and HEAD requests are not counted); written about once a second.
      </p>
      <ClickChart days={stats.days} />

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
