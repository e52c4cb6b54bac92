import { isApiError, readBodyWithLimit } from '@newsroom/http';
import { describeBytes, MediaError } from '@newsroom/media';

/** Room for the form's other fields and the multipart boundaries around the file. */
export const MULTIPART_ALLOWANCE_BYTES = 64 * 1024;

function tooLarge(maxFileBytes: number) {
  return new MediaError(
    'too_large',
    `The upload is too large: images may be at most ${describeBytes(maxFileBytes)}`,
  );
}

/**
 * Reads a request body, refusing it as soon as it is known to be too large: from Content-Length
 * before a byte is read, or while streaming when the client sends no length. Nothing larger than
 * the limit is ever held in memory.
 */
export async function readBodyWithin(request: Request, maxFileBytes: number): Promise<Buffer> {
  const limit = maxFileBytes + MULTIPART_ALLOWANCE_BYTES;
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(maxFileBytes);
  try {
    return Buffer.from(await readBodyWithLimit(request, limit));
  } catch (error) {
    // The shared reader's 413 speaks of bodies; an editor needs the image limit.
    if (isApiError(error) && error.status === 413) throw tooLarge(maxFileBytes);
    throw error;
  }
}

export interface ImageUpload {
  bytes: Buffer;
  texts: { alt: unknown; caption: unknown; credit: unknown };
}

/** The multipart form of an upload: `file` plus its alt, caption and credit. */
export async function parseImageUpload(
  body: Buffer,
  contentType: string | null,
  maxFileBytes: number,
): Promise<ImageUpload> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType ?? '' },
    }).formData();
  } catch {
    throw new MediaError('invalid_metadata', 'Send the image as multipart/form-data with a file');
  }
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0)
    throw new MediaError('invalid_metadata', 'Choose an image file to upload');
  if (file.size > maxFileBytes) throw tooLarge(maxFileBytes);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    bytes: Buffer.from(await file.arrayBuffer()),
    texts: { alt: text('alt'), caption: text('caption'), credit: text('credit') },
  };
}
