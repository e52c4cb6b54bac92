import { describe, expect, it } from 'vitest';
import { audienceOf } from './audience';

describe('audienceOf', () => {
  it.each([
    ['/newsroom', 'staff'],
    ['/newsroom/login?next=%2Fnewsroom', 'staff'],
    ['/api/newsroom/articles', 'staff'],
    ['/', 'public'],
    ['/world/story', 'public'],
    ['/newsroomx', 'public'],
    ['/api/articles/a1/short-link', 'public'],
    ['/_next/static/chunks/a.js', 'public'],
    ['/world/../newsroom/articles', 'staff'],
    ['/world/%2e%2e/newsroom/articles', 'staff'],
    ['/world/%2E%2E/api/newsroom/articles', 'staff'],
    ['/newsroom/./articles', 'staff'],
    ['http://localhost:3000/newsroom/articles', 'staff'],
  ] as const)('%s → %s', (url, audience) => expect(audienceOf(url)).toBe(audience));
});
