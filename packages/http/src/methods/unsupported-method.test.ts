import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerUnsupportedMethod } from './unsupported-method';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (answerUnsupportedMethod(req, res)) return;
    res.end('served');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** node:http's own client: fetch refuses to send TRACE at all. */
function send(method: string) {
  return new Promise<{ status: number; allow: string | undefined; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path: '/x' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('answerUnsupportedMethod', () => {
  it('answers TRACE and other unserved methods 405 with Allow, and lets the rest through', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL']) {
      const answer = await send(method);
      expect(answer).toEqual({
        status: 405,
        allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        body: `The method ${method} is not served here.\n`,
      });
    }
    for (const method of ['GET', 'POST', 'DELETE', 'OPTIONS'])
      expect((await send(method)).status).toBe(200);
  });
});
