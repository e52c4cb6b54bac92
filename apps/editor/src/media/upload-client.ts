import type { StoredImage } from '@newsroom/media';

/** The upload API's address (also used by the e2e tests through the UI). */
export const IMAGE_UPLOAD_PATH = '/api/newsroom/images';

export type UploadResult = { ok: true; image: StoredImage } | { ok: false; message: string };

/** Reads `{ error: { code, message } }` and the older `{ error: "…" }` alike. */
function errorMessage(data: unknown, status: number): string {
  const error = (data as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return error;
  if (error && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return status === 413 ? 'The file is too large' : `Upload failed (HTTP ${status})`;
}

/** Sends one image with its texts; never throws (offline is a message too). */
export async function uploadImage(
  file: Blob,
  texts: { alt: string; caption: string; credit: string },
): Promise<UploadResult> {
  const form = new FormData();
  form.set('file', file);
  form.set('alt', texts.alt);
  form.set('caption', texts.caption);
  form.set('credit', texts.credit);
  let response: Response;
  try {
    response = await fetch(IMAGE_UPLOAD_PATH, { method: 'POST', body: form });
  } catch {
    return { ok: false, message: 'You seem to be offline: the image was not uploaded' };
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.status === 201) return { ok: true, image: (data as { image: StoredImage }).image };
  return { ok: false, message: errorMessage(data, response.status) };
}
