import { describe, expect, it } from 'vitest';
import nextConfig from '../../../next.config';
import { IMPORT_REQUEST_MAX_BYTES, readImportForm } from './import-request';

function multipart(file: Blob, name = 'story.docx', sectionId = 'sec-1'): Request {
  const form = new FormData();
  form.set('file', file, name);
  form.set('sectionId', sectionId);
  return new Request('http://localhost/api/newsroom/articles/import', {
    method: 'POST',
    body: form,
  });
}

describe('reading the import form', () => {
  it('reads the file and the section', async () => {
    const form = await readImportForm(multipart(new Blob([new Uint8Array([1, 2, 3])])));
    expect(form).toEqual({
      fileName: 'story.docx',
      bytes: new Uint8Array([1, 2, 3]),
      sectionId: 'sec-1',
    });
  });

  it('answers 413 past the limit, whatever Content-Length claims', async () => {
    const big = new Blob([new Uint8Array(IMPORT_REQUEST_MAX_BYTES + 1)]);
    await expect(readImportForm(multipart(big))).rejects.toMatchObject({ status: 413 });
    const request = multipart(big);
    const lying = new Request(request.url, {
      method: 'POST',
      headers: { 'content-type': request.headers.get('content-type')!, 'content-length': '10' },
      body: await request.arrayBuffer(),
    });
    await expect(readImportForm(lying)).rejects.toMatchObject({ status: 413 });
  });

  it('refuses a form without a file, and a body that is not a form', async () => {
    const form = new FormData();
    form.set('sectionId', 'sec-1');
    const noFile = new Request('http://localhost/x', { method: 'POST', body: form });
    await expect(readImportForm(noFile)).rejects.toMatchObject({ code: 'empty', status: 422 });
    const json = new Request('http://localhost/x', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    await expect(readImportForm(json)).rejects.toMatchObject({ code: 'unsupported_type' });
  });

  it('refuses a section id holding NUL (PostgreSQL failed its look-up with a 500)', async () => {
    const nul = multipart(new Blob([new Uint8Array([1])]), 'story.docx', 'sec\u00001');
    await expect(readImportForm(nul)).rejects.toMatchObject({ status: 400, code: 'invalid_text' });
  });

  it('is let through whole by the proxy (Next cuts larger bodies silently)', () => {
    const limit = nextConfig.experimental?.proxyClientMaxBodySize;
    const bytes =
      typeof limit === 'string' ? Number(/^(\d+)mb$/i.exec(limit)?.[1]) * 1024 * 1024 : limit;
    expect(bytes).toBeGreaterThan(IMPORT_REQUEST_MAX_BYTES);
  });
});
