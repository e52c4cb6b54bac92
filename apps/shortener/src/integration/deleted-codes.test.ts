// A deleted alias is not reusable at once, against the real shortener (server.ts + the built app,
// a real SQLite file, real HTTP): the old short URL answers 410 (deleted, not counted as a guess)
// and a new link cannot take its code, in any case, for the reservation period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { DEFAULT_DELETED_CODE_RESERVE_DAYS } from '@newsroom/links';
import { backdateDeletion } from '@newsroom/links/testing';
import {
  NO_RATE_LIMITS,
  startShortenerWithClients,
  type ShortenerWithClients,
} from '../testing/shortener-clients';

/** Small, so that counting the deleted code's visits as guesses would show. */
const UNKNOWN_LIMIT = 3;
let testDb: TestDatabase;
let shortener: ShortenerWithClients;

beforeAll(async () => {
  testDb = await createTestDatabase();
  shortener = await startShortenerWithClients(testDb, 'deleted codes', {
    ...NO_RATE_LIMITS,
    SHORTENER_UNKNOWN_LIMIT_PER_MINUTE: String(UNKNOWN_LIMIT),
  });
});

afterAll(async () => {
  await shortener?.stop();
  await testDb?.cleanup();
});

/** Creates a link with `alias` through the API and deletes it: its code is now reserved. */
async function deletedAlias(alias: string, url: string) {
  expect((await shortener.api('POST', '/api/links', { url, alias })).status).toBe(201);
  expect((await shortener.api('DELETE', `/api/links/${alias}`)).status).toBe(204);
}

describe('a deleted alias', () => {
  it('answers 410 and cannot be taken by a new link in any case, with 409 saying until when', async () => {
    const { api, http } = shortener;
    const made = await api('POST', '/api/links', {
      url: 'https://example.com/spring',
      alias: 'spring',
    });
    expect(made.status).toBe(201);
    expect((await http.request('/spring')).headers.location).toBe('https://example.com/spring');

    expect((await api('DELETE', '/api/links/spring')).status).toBe(204);
    const gone = await http.request('/spring');
    expect(gone.status).toBe(410);
    expect(gone.body).toContain('The short link <code>/spring</code> has been deleted');
    expect((await http.request('/SPRING')).status).toBe(410);
    expect((await http.request('/spring+')).status).toBe(410);
    expect((await api('GET', '/api/links/spring')).status).toBe(404);

    for (const alias of ['SPRING', 'spring', 'Spring']) {
      const refused = await api('POST', '/api/links', { url: 'https://example.com/other', alias });
      expect(refused.status).toBe(409);
      expect(refused.json.error.code).toBe('alias_taken');
      expect(refused.json.error.message).toMatch(
        new RegExp(
          `^The alias "${alias}" belonged to a link deleted recently.* on \\d{4}-\\d\\d-\\d\\dT.*: it stays reserved until \\d{4}-\\d\\d-\\d\\dT`,
        ),
      );
      expect(refused.json.error.fields).toEqual({ alias: refused.json.error.message });
    }
    // Nothing was made and the old short URL still leads nowhere.
    expect((await api('GET', '/api/links?q=spring')).json.total).toBe(0);
    expect((await http.request('/Spring')).status).toBe(410);
  });

  it('is not counted against the unknown-code limit: readers with the old URL are not guessing', async () => {
    const { http } = shortener;
    await deletedAlias('poster', 'https://example.com/p');
    const visits = [];
    for (let index = 0; index < 3 * UNKNOWN_LIMIT; index += 1)
      visits.push((await http.request('/poster')).status);
    expect(visits).toEqual(Array(3 * UNKNOWN_LIMIT).fill(410));
    // The client's budget for real guesses is untouched.
    expect((await http.request('/never-made')).status).toBe(404);
  });

  it('becomes free once the reservation has ended', async () => {
    const { api, http } = shortener;
    await deletedAlias('old-sale', 'https://example.com/a');
    await backdateDeletion(testDb.db, 'old-sale', DEFAULT_DELETED_CODE_RESERVE_DAYS);
    const reused = await api('POST', '/api/links', {
      url: 'https://example.com/b',
      alias: 'OLD-SALE',
    });
    expect(reused.status).toBe(201);
    expect((await http.request('/old-sale')).headers.location).toBe('https://example.com/b');
  });
});
