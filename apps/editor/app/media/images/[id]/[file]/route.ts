import { getDb } from '@newsroom/db';
import { isMediaError, readRendition } from '@newsroom/media';
import { getMediaStorage } from '../../../../../src/media/media-runtime';

/** A rendition never changes: its URL names the image and the exact file. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Props = { params: Promise<{ id: string; file: string }> };

/** `/media/images/<id>/<width>.<avif|webp|jpg>`: public, cached for a year by browsers and CDNs. */
export async function GET(_request: Request, { params }: Props): Promise<Response> {
  const { id, file } = await params;
  try {
    const rendition = await readRendition({ storage: getMediaStorage(), db: getDb() }, id, file);
    return new Response(new Uint8Array(rendition.bytes), {
      headers: {
        'content-type': rendition.contentType,
        'content-length': String(rendition.bytes.length),
        'cache-control': IMMUTABLE,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
      },
    });
  } catch (error) {
    if (isMediaError(error) && error.status === 404)
      return new Response('No such image', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    throw error;
  }
}
