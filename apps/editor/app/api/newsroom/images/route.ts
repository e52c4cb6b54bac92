import { getDb } from '@newsroom/db';
import { ApiError } from '@newsroom/http';
import { isMediaError, storeImage } from '@newsroom/media';
import { getMediaLimits, getMediaStorage } from '../../../../src/media/media-runtime';
import { parseImageUpload, readBodyWithin } from '../../../../src/media/read-upload';
import { json, withStaff } from '../../../../src/newsroom/api/with-staff';

/**
 * Upload an image (staff only, same-origin): multipart `file`, `alt` (required), `caption`,
 * `credit`. 201 with the stored image; 413 too large, 415 not an accepted type (SVG included),
 * 422 damaged file or missing alt, all as `{ error: { code, message } }`.
 */
export const POST = withStaff(async ({ request, user }) => {
  const limits = getMediaLimits();
  try {
    const body = await readBodyWithin(request, limits.maxUploadBytes);
    const upload = await parseImageUpload(
      body,
      request.headers.get('content-type'),
      limits.maxUploadBytes,
    );
    const image = await storeImage({
      db: getDb(),
      storage: getMediaStorage(),
      limits,
      uploadedById: user.id,
      bytes: upload.bytes,
      texts: upload.texts,
    });
    return json({ image }, 201);
  } catch (error) {
    if (isMediaError(error)) throw new ApiError(error.status, error.code, error.message);
    throw error;
  }
});
