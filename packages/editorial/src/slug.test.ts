import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it('makes a readable slug from a headline', () => {
    expect(slugify('Pentagon Report Says Russia’s Role Is “Likely”')).toBe(
      'pentagon-report-says-russias-role-is-likely',
    );
    expect(slugify('Crème brûlée: à la carte!')).toBe('creme-brulee-a-la-carte');
  });

  it('falls back when nothing is left and cuts long headlines at a word', () => {
    expect(slugify('¿¡!?')).toBe('article');
    const slug = slugify('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(116);
    expect(slug).toMatch(/^word(-word)+$/);
  });
});
