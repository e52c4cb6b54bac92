// Read-only API keys against the real shortener (server.ts + the built app, a real SQLite file,
// real HTTP): a `read` key sees everything a `write` key sees and is refused every change with
// 403, leaving the links exactly as they were; a `write` key (the default) still does everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createApiClient } from '../testing/api-client';
import {
  NO_RATE_LIMITS,
  startShortenerWithClients,
  type ApiClient,
  type ShortenerWithClients,
} from '../testing/shortener-clients';

let testDb: TestDatabase;
let shortener: ShortenerWithClients;
/** The default key of startShortenerWithClients: scope `write`. */
let writer: ApiClient;
let reader: ApiClient;
let readKey: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  shortener = await startShortenerWithClients(testDb, 'writer', NO_RATE_LIMITS);
  writer = shortener.api;
  readKey = (await createApiKey(testDb.db, 'dashboard', { scope: 'read' })).key;
  reader = createApiClient(shortener.server.url, readKey);
});

afterAll(async () => {
  await shortener?.stop();
  await testDb?.cleanup();
});

/** Everything about a link the API shows, to prove a refused request changed nothing. */
async function snapshot(code: string) {
  const link = await writer('GET', `/api/links/${code}`);
  const all = await writer('GET', '/api/links?pageSize=100');
  return { link: link.json, total: all.json.total };
}

describe('a read-only API key', () => {
  it('reads the list, a link, its stats and its CSV like a write key', async () => {
    const made = await writer('POST', '/api/links', {
      url: 'https://example.com/report',
      alias: 'report-me',
    });
    expect(made.status).toBe(201);

    const list = await reader('GET', '/api/links?q=report-me');
    expect(list.status).toBe(200);
    expect(list.json.links.map((link: { code: string }) => link.code)).toEqual(['report-me']);

    const one = await reader('GET', '/api/links/report-me');
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ code: 'report-me', url: 'https://example.com/report' });
    expect(one.json).toEqual((await writer('GET', '/api/links/report-me')).json);

    const stats = await reader('GET', '/api/links/report-me/stats');
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ code: 'report-me', total: 0 });

    const csv = await fetch(`${shortener.server.url}/api/links/report-me/stats?format=csv`, {
      headers: { authorization: `Bearer ${readKey}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('is refused every change with 403 forbidden, and nothing changes', async () => {
    expect(
      (await writer('POST', '/api/links', { url: 'https://example.com/a', alias: 'keep-me' }))
        .status,
    ).toBe(201);
    const before = await snapshot('keep-me');

    const attempts = {
      create: await reader('POST', '/api/links', {
        url: 'https://example.com/b',
        alias: 'not-made',
      }),
      edit: await reader('PATCH', '/api/links/keep-me', { url: 'https://example.com/c' }),
      disable: await reader('PATCH', '/api/links/keep-me', { disabled: true }),
      delete: await reader('DELETE', '/api/links/keep-me'),
      // Refused before the body is read: a broken body is still a 403, never a 400.
      brokenBody: await reader('POST', '/api/links', undefined, '{"url":'),
    };
    for (const [attempt, refused] of Object.entries(attempts)) {
      expect({ attempt, status: refused.status }).toEqual({ attempt, status: 403 });
      expect(refused.json.error.code).toBe('forbidden');
      expect(refused.json.error.message).toMatch(
        /^This API key can only read: (POST|PATCH|DELETE) \/api\/links/,
      );
      expect(Object.keys(refused.json)).toEqual(['error']);
    }
    expect(attempts.delete.json.error.message).toContain('DELETE /api/links/keep-me');

    expect(await snapshot('keep-me')).toEqual(before);
    expect(before.link).toMatchObject({
      url: 'https://example.com/a',
      disabled: false,
      changes: [],
    });
    expect((await writer('GET', '/api/links/not-made')).status).toBe(404);
    expect((await shortener.http.request('/keep-me')).headers.location).toBe(
      'https://example.com/a',
    );
  });
});

describe('a write API key (the default)', () => {
  it('still creates, edits, disables and deletes', async () => {
    expect(
      (await writer('POST', '/api/links', { url: 'https://example.com/w', alias: 'write-ok' }))
        .status,
    ).toBe(201);
    const edited = await writer('PATCH', '/api/links/write-ok', { url: 'https://example.com/w2' });
    expect([edited.status, edited.json.url]).toEqual([200, 'https://example.com/w2']);
    const disabled = await writer('PATCH', '/api/links/write-ok', { disabled: true });
    expect([disabled.status, disabled.json.disabled]).toEqual([200, true]);
    expect((await writer('DELETE', '/api/links/write-ok')).status).toBe(204);
    expect((await reader('GET', '/api/links/write-ok')).status).toBe(404);
  });
});
