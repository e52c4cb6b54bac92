import { assertStorableText, readBodyWithLimit } from '@newsroom/http';
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

/**
 * The import form (`file`, `sectionId`) from a multipart request, read up to the limit and no
 * further (413 past it, however the client declared its length).
 */
export async function readImportForm(request: Request): Promise<ImportForm> {
  const body = await readBodyWithLimit(request, IMPORT_REQUEST_MAX_BYTES);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData();
  } catch {
    throw new ImportError('unsupported_type', 'Send the document as a form upload (multipart)');
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0)
    throw new ImportError('empty', 'Choose a .docx or .html file to import');
  const sectionId = String(form.get('sectionId') ?? '');
  assertStorableText({ sectionId });
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), sectionId };
}
