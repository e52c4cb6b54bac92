import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './paths';

describe('safeNextPath', () => {
  it('keeps newsroom paths with their query', () => {
    expect(safeNextPath('/newsroom/articles/abc?x=1')).toBe('/newsroom/articles/abc?x=1');
  });

  it('refuses anything that could leave the newsroom', () => {
    for (const raw of [
      'https://evil.example/newsroom',
      '//evil.example/newsroom',
      '/\\evil.example',
      '/newsroom\\..\\..\\x',
      '/',
      '/newsroom/login?next=/newsroom',
      '/newsroom\n/x',
      null,
    ])
      expect(safeNextPath(raw)).toBe('/newsroom/articles');
  });

  it('builds the login URL with a next parameter only when useful', () => {
    expect(loginPath('/newsroom/articles/1')).toBe(
      '/newsroom/login?next=%2Fnewsroom%2Farticles%2F1',
    );
    expect(loginPath(undefined)).toBe('/newsroom/login');
  });
});
