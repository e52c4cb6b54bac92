import { describe, expect, it } from 'vitest';
import { slugify } from '@newsroom/article';

describe('slugify', () => {
  it('makes a readable slug from a headline', () => {
    expect(slugify('Pentagon Report Says Russia’s Role Is “Likely”')).toBe(
      'pentagon-report-says-russias-role-is-likely',
    );
    expect(slugify('Crème brûlée: à la carte!')).toBe('creme-brulee-a-la-carte');
  });

  it('spells letters of other alphabets in Latin ones instead of dropping them', () => {
    expect(slugify('Ça va? Élan — Straße')).toBe('ca-va-elan-strasse');
    expect(slugify('Łódź and Øresund')).toBe('lodz-and-oresund');
    expect(slugify('Москва: переговоры')).toBe('moskva-peregovory');
    expect(slugify('Αθήνα')).toBe('athina');
  });

  it('falls back when nothing is left and cuts long headlines at a word', () => {
    expect(slugify('¿¡!?')).toBe('article');
    const slug = slugify('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(116);
    expect(slug).toMatch(/^word(-word)+$/);
  });
});
