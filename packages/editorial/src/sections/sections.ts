import { SLUG_PATTERN, slugify } from '@newsroom/article';
import { isUniqueViolation, type Db } from '@newsroom/db';
import { z } from 'zod';
import { EditorialError, invalid } from '../errors';

/**
 * First path segments the reader site and the newsroom answer themselves: a section there would
 * never be reached (`/newsroom` is the newsroom, `/media/…` the pictures).
 */
export const RESERVED_SECTION_SLUGS = ['newsroom', 'api', 'media', 'sitemaps'] as const;

export const SECTION_NAME_MAX_LENGTH = 80;

export const newSectionSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'name is required: what readers see, e.g. "World"')
    .max(SECTION_NAME_MAX_LENGTH, `name can have at most ${SECTION_NAME_MAX_LENGTH} characters`),
  slug: z
    .string()
    .regex(SLUG_PATTERN, 'slug must be lowercase letters, digits and single hyphens')
    .refine((slug) => !(RESERVED_SECTION_SLUGS as readonly string[]).includes(slug), {
      message: `slug cannot be one of ${RESERVED_SECTION_SLUGS.join(', ')}: those addresses are taken`,
    }),
});
/** A new section: its name, and its slug when it should not be made from the name. */
export type NewSection = { name: string; slug?: string };

/**
 * Adds a section (its address is `/<slug>`, from the name unless given), listed after the
 * existing ones. A slug in use gets 409: sections are addresses readers have.
 */
export async function createSection(db: Db, input: NewSection) {
  const parsed = newSectionSchema.safeParse({
    name: input.name,
    slug: input.slug ?? slugify(input.name.trim()),
  });
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  const { name, slug } = parsed.data;
  const last = await db.section.findFirst({ orderBy: { position: 'desc' } });
  try {
    return await db.section.create({
      data: { name, slug, position: (last?.position ?? -1) + 1 },
      select: { id: true, slug: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new EditorialError(
        409,
        `A section already has the address /${slug}: give another slug`,
      );
    throw error;
  }
}
