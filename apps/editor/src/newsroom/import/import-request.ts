import { IMPORT_LIMITS, ImportError } from '@newsroom/import';

/** Room for the multipart envelope and the section field around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** The largest import request read; next.config.ts lets the proxy pass at least this much. */
export const IMPORT_REQUEST_MAX_BYTES = IMPORT_LIMITS.maxFileBytes + FORM_OVERHEAD_BYTES;

export interface ImportForm {
  fileName: string;
  bytes: Uint8Array;
  sectionId: string;
}

const tooLarge = () =>
  new ImportError(
    'too_large',
    `The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB`,
  );

/**
 * The request body, read up to the limit and no further: a client that sends more (or lies in
 * Content-Length, or sends no length at all) is cut off with 413, not buffered.
 */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    total += next.value.byteLength;
    if (total > limit) {
      await reader?.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The import form (`file`, `sectionId`) from a multipart request. */
export async function readImportForm(request: Request): Promise<ImportForm> {
  const body = await readLimited(request, IMPORT_REQUEST_MAX_BYTES);
  let form: FormData;
  try {
    form = await new Response(body, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData();
  } catch {
    throw new ImportError('unsupported_type', 'Send the document as a form upload (multipart)');
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0)
    throw new ImportError('empty', 'Choose a .docx or .html file to import');
  return {
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    sectionId: String(form.get('sectionId') ?? ''),
  };
}
