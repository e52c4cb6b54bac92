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
  ] as const)('%s → %s', (url, audience) => expect(audienceOf(url)).toBe(audience));
});
