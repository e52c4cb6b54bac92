import { findLink, getShortenerRuntime, toLinkView } from '@newsroom/links';
import { qrPng, qrSvg } from '../../../../src/staff/qr-code';
import { getStaffUser } from '../../../../src/staff/session';

/** The QR code of a link as a download: `?format=svg` (default) or `?format=png`. Staff only. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  if (!(await getStaffUser())) {
    return Response.json(
      { error: { code: 'unauthorized', message: 'Log in to download QR codes.' } },
      { status: 401 },
    );
  }
  const { code } = await params;
  const runtime = getShortenerRuntime();
  const link = await findLink(runtime.db, code);
  if (!link) {
    return Response.json(
      { error: { code: 'not_found', message: `There is no short link "${code}".` } },
      { status: 404 },
    );
  }
  const { shortUrl } = toLinkView(link, runtime.config.baseUrl);
  const format = new URL(request.url).searchParams.get('format') ?? 'svg';
  if (format !== 'svg' && format !== 'png') {
    return Response.json(
      { error: { code: 'validation_failed', message: 'format must be svg or png.' } },
      { status: 400 },
    );
  }
  const headers = {
    'Content-Disposition': `attachment; filename="qr-${link.code}.${format}"`,
    'Cache-Control': 'private, no-store',
  };
  return format === 'png'
    ? new Response(new Uint8Array(await qrPng(shortUrl)), {
        headers: { ...headers, 'Content-Type': 'image/png' },
      })
    : new Response(await qrSvg(shortUrl), {
        headers: { ...headers, 'Content-Type': 'image/svg+xml' },
      });
}
