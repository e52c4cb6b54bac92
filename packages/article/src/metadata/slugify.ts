// Pure and browser-safe: the edit page derives the
// slug live with the same function the server uses.
import transliterate from '@sindresorhus/transliterate';
import { ARTICLE_LIMITS } from '../validation/article-meta-schema';

/**
 * "Pentagon Report: Russia’s role" → "pentagon-report-russias-role"; letters from other
 * scripts are transliterated first ("Straße" → "strasse", "Москва" → "moskva"), not dropped.
 */
export function slugify(title: string): string {
  const words = transliterate(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, once NFKD split them off
    .toLowerCase()
    .replace(/['’‘`]/g, '') // "Russia’s" reads better as "russias" than "russia-s"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return trimToLength(words, ARTICLE_LIMITS.maxSlugLength - 4) || 'article';
}

/**
 * Whether `slug` is the one `title` gives, or that one with the "-2" made for uniqueness: a slug
 * that still follows its headline (rather than one typed by hand).
 */
export function isSlugOfTitle(slug: string, title: string): boolean {
  const base = slugify(title);
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug);
}

/** Cuts at a hyphen so a long headline doesn't end in half a word; room is left for "-99". */
function trimToLength(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut.replace(/-+$/, '');
}
