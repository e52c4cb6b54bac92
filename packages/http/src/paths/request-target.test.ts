import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOriginForm } from './request-target';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    toOriginForm(req);
    res.end(req.url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The target as the server sees it after toOriginForm (node:http sends `path` as written). */
function targetSeen(path: string) {
  return new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('toOriginForm', () => {
  it('turns an absolute-form target into the path and query it asks for', async () => {
    expect(await targetSeen('http://localhost:3001/spring?utm_source=x')).toBe(
      '/spring?utm_source=x',
    );
    expect(await targetSeen('HTTPS://example.com')).toBe('/');
    expect(await targetSeen('http://example.com/a/../b#top')).toBe('/b');
  });

  it('leaves paths, and targets that are not URLs of the web, as they are', async () => {
    expect(await targetSeen('/world/caf%C3%A9?q=1')).toBe('/world/caf%C3%A9?q=1');
    expect(await targetSeen('*')).toBe('*');
    expect(await targetSeen('ftp://example.com/x')).toBe('ftp://example.com/x');
  });
});
