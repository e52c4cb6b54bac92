import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@newsroom/testing';
import { describe, expect, it } from 'vitest';
import { collabConnectSources, reachableCollabUrl, readCollabUrl } from './collab-url';

describe('COLLAB_URL', () => {
  it('takes ws:// and wss:// addresses only', () => {
    expect(readCollabUrl('ws://newsroom.test:3002')?.origin).toBe('ws://newsroom.test:3002');
    expect(readCollabUrl(' wss://newsroom.test/collab ')?.host).toBe('newsroom.test');
    for (const value of [undefined, '', 'http://newsroom.test:3002', 'not a url', 'javascript:x'])
      expect(readCollabUrl(value)).toBeNull();
  });

  it('is what staff pages may connect to, besides themselves', () => {
    expect(collabConnectSources('ws://newsroom.test:3002/')).toEqual(['ws://newsroom.test:3002']);
    expect(collabConnectSources(undefined)).toEqual([]);
  });

  it('is used when the server answers, and not when nothing listens there', async () => {
    const server = createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await reachableCollabUrl(`ws://127.0.0.1:${port}`)).toBe(`ws://127.0.0.1:${port}/`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await reachableCollabUrl(`ws://127.0.0.1:${await freePort()}`)).toBeNull();
    expect(await reachableCollabUrl(undefined)).toBeNull();
  });
});
