import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerMalformedPath, hasMalformedPathEscape } from './malformed-path';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (answerMalformedPath(req, res)) return;
    res.end('served');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** node:http's own client: it sends the path as written, where fetch would re-encode it. */
function get(path: string, method = 'GET') {
  return new Promise<{ status: number; type: string | undefined; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('hasMalformedPathEscape', () => {
  it('finds escapes that do not decode, in the path only', () => {
    for (const bad of ['/%C3', '/world/%C3', '/100%', '/api/links/%E0%A4%A', '/%ZZ/stats', '/a%2'])
      expect(hasMalformedPathEscape(bad), bad).toBe(true);
    // NUL: PostgreSQL refuses it in any text it compares (a look-up of `/world/%00` was a 500).
    for (const nul of ['/%00', '/world/a%00b', '/api/newsroom/articles/%00/publish'])
      expect(hasMalformedPathEscape(nul), nul).toBe(true);
    for (const good of [
      '/',
      '/world/caf%C3%A9',
      '/a%2Fb',
      '/x?q=%',
      '/x?q=%C3',
      '/plain',
      '/%2500',
    ])
      expect(hasMalformedPathEscape(good), good).toBe(false);
  });
});

describe('answerMalformedPath', () => {
  it('answers an API path 400 with the error shape', async () => {
    const answer = await get('/api/links/%ZZ/stats');
    expect(answer.status).toBe(400);
    expect(answer.type).toBe('application/json');
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers a page 400 with a small HTML page, and HEAD without a body', async () => {
    const answer = await get('/world/%C3');
    expect(answer.status).toBe(400);
    expect(answer.type).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('This address is not valid');
    expect(await get('/100%', 'HEAD')).toMatchObject({ status: 400, body: '' });
  });

  it('answers a target that is not a path (`*`) 400, where Next.js answered 500', async () => {
    for (const method of ['GET', 'OPTIONS']) {
      const answer = await get('*', method);
      expect(answer.status, method).toBe(400);
      expect(answer.body, method).toContain('This request is not valid');
    }
  });

  it('lets well-formed paths through', async () => {
    expect(await get('/world/caf%C3%A9?q=%')).toMatchObject({ status: 200, body: 'served' });
  });
});

describe('answerMalformedPath with notFound', () => {
  it('answers the paths it names 404', async () => {
    const notFound = createServer((req, res) => {
      if (answerMalformedPath(req, res, { notFound: (path) => !path.includes('/', 1) })) return;
      res.end('served');
    });
    await new Promise<void>((resolve) => notFound.listen(0, '127.0.0.1', resolve));
    const saved = port;
    port = (notFound.address() as AddressInfo).port;
    try {
      expect((await get('/%C3')).status).toBe(404);
      expect((await get('/links/%C3')).status).toBe(400);
    } finally {
      port = saved;
      await new Promise<void>((resolve) => notFound.close(() => resolve()));
    }
  });
});
