// What a section may be, for the server and the admin page's form alike (no database here:
// `@newsroom/editorial/browser` exports it).
import { oneLineVisibleText, SLUG_PATTERN } from '@newsroom/article';
import { z } from 'zod';

/**
 * First path segments the reader site and the newsroom answer themselves: a section there would
 * never be reached (`/newsroom` is the newsroom, `/media/…` the pictures).
 */
export const RESERVED_SECTION_SLUGS = ['newsroom', 'api', 'media', 'sitemaps'] as const;

export const SECTION_NAME_MAX_LENGTH = 80;

export const newSectionSchema = z.object({
  // Every reader page's navigation shows it: one line of visible text, as a headline.
  name: oneLineVisibleText(
    'name',
    'section name',
    z
      .string()
      .trim()
      .min(1, 'name is required: what readers see, e.g. "World"')
      .max(SECTION_NAME_MAX_LENGTH, `name can have at most ${SECTION_NAME_MAX_LENGTH} characters`),
  ),
  slug: z
    .string()
    .regex(SLUG_PATTERN, 'slug must be lowercase letters, digits and single hyphens')
    .refine((slug) => !(RESERVED_SECTION_SLUGS as readonly string[]).includes(slug), {
      message: `slug cannot be one of ${RESERVED_SECTION_SLUGS.join(', ')}: those addresses are taken`,
    }),
});
/** A new section: its name, and its slug when it should not be made from the name. */
export type NewSection = { name: string; slug?: string };

export const sectionNameSchema = newSectionSchema.shape.name;

/** Why a section's slug cannot be edited (the admin page says it too). */
export const SLUG_STAYS_MESSAGE =
  "a section's slug stays: it is the address of the section and of every article in it";

/** Where a section moves in the order: one step, as the admin page's buttons send it. */
export const SECTION_MOVES = ['up', 'down'] as const;
export type SectionMove = (typeof SECTION_MOVES)[number];

/**
 * A change to a section: its name (readers see it; the slug, every article's address, stays),
 * its place in the order (0 is first), or one step up or down. At least one of them.
 */
export const sectionChangeSchema = z
  .object({
    name: sectionNameSchema.optional(),
    slug: z.never({ message: SLUG_STAYS_MESSAGE }).optional(),
    position: z
      .number({ message: 'position must be a whole number from 0 (first)' })
      .int('position must be a whole number from 0 (first)')
      .min(0, 'position must be a whole number from 0 (first)')
      .optional(),
    move: z
      .enum(SECTION_MOVES, { message: `move must be one of: ${SECTION_MOVES.join(', ')}` })
      .optional(),
  })
  .refine((change) => change.position === undefined || change.move === undefined, {
    message: 'give either position or move, not both',
    path: ['move'],
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: 'nothing to change: give name, position or move',
  });
export type SectionChange = z.infer<typeof sectionChangeSchema>;

/**
 * The body of "Add section" (the API and the admin page's form): a name, and a slug that may be
 * left empty to make it from the name. createSection checks both against newSectionSchema.
 */
export const newSectionRequestSchema = z.object({
  name: z.string({ message: 'name is required: what readers see, e.g. "World"' }),
  slug: z
    .string({ message: 'slug must be text' })
    .trim()
    .optional()
    .transform((slug) => (slug === '' ? undefined : slug)),
});
