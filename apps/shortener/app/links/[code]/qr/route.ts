import { findLink, getShortenerRuntime, toLinkView } from '@newsroom/links';
import { qrPng, qrSvg } from '../../../../src/staff/qr-code';
import { errorResponse, toErrorResponse } from '@newsroom/http';
import { staff } from '../../../../src/staff/staff-shell';

/** The QR code of a link as a download: `?format=svg` (default) or `?format=png`. Staff only. */
export async function GET(request: Request, context: { params: Promise<{ code: string }> }) {
  try {
    return await qrDownload(request, context);
  } catch (error) {
    return toErrorResponse(error);
  }
}

async function qrDownload(request: Request, { params }: { params: Promise<{ code: string }> }) {
  if (!(await staff.currentStaff())) {
    return errorResponse(401, 'unauthorized', 'Log in to download QR codes.');
  }
  const { code } = await params;
  const runtime = getShortenerRuntime();
  const link = await findLink(runtime.db, code);
  if (!link) {
    return errorResponse(404, 'not_found', `There is no short link "${code}".`);
  }
  const { shortUrl } = toLinkView(link, runtime.config.baseUrl);
  const format = new URL(request.url).searchParams.get('format') ?? 'svg';
  if (format !== 'svg' && format !== 'png') {
    return errorResponse(400, 'validation_failed', 'format must be svg or png.', {
      fields: { format: 'format must be svg or png.' },
    });
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
