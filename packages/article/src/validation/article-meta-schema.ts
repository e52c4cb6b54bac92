import { z } from 'zod';
import { MARKER_STYLES } from '../footnotes/markers';
import { MAX_HREF_LENGTH } from '../href';
import { describesSomething } from '../images/alt-text-needed';
import { IMAGE_ID_PATTERN } from '../images/image-renditions';
import { controlCharacterProblem } from './plain-text';
import { parseLinkAddress, RELATED_LINK } from './link-address';

export const ARTICLE_LIMITS = {
  maxTitleLength: 200,
  maxSlugLength: 120,
  maxStandfirstLength: 600,
  maxRelatedLinks: 20,
  maxRelatedTitleLength: 300,
  maxIdLength: 64,
} as const;

/** Lowercase words joined by single hyphens: no leading, trailing or doubled '-'. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A section's or an article's id. Never with NUL: PostgreSQL refuses it in any text it compares,
 * and a look-up failed the whole save (a co-edited document's every store) instead of a field.
 */
export const entityId = z
  .string()
  .min(1)
  .max(ARTICLE_LIMITS.maxIdLength)
  .refine((id) => !id.includes('\0'), 'no id holds a NUL character (\\u0000)');

/** A plain text field: refused with a clear message when it holds a control character. */
export const plainText = <T extends z.ZodType<string>>(what: string, schema: T) =>
  schema.superRefine((text, context) => {
    const problem = controlCharacterProblem(what, text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** Breaks a headline across lines: it is one line everywhere (page title, feeds, lists). */
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;

/**
 * One line of visible text (a headline, a section name): no control characters, line breaks or
 * tabs, and not spaces or invisible characters alone (a zero-width space would publish a name
 * that shows nothing). `field` names it in control-character messages, `label` in the others.
 */
export const oneLineVisibleText = <T extends z.ZodType<string>>(
  field: string,
  label: string,
  schema: T,
) =>
  plainText(field, schema)
    .refine((text) => !LINE_BREAK_OR_TAB.test(text), {
      message: `Keep the ${label} on one line: remove the line break or tab`,
      abort: true,
    })
    .refine((text) => text === '' || describesSomething(text), {
      message: `The ${label} has no visible characters: write one with letters or digits`,
    });

/** The headline, as both "New article" and saving take it. */
export const headlineSchema = oneLineVisibleText(
  'title',
  'headline',
  z
    .string()
    .trim()
    .min(1, 'Give the article a headline')
    .max(
      ARTICLE_LIMITS.maxTitleLength,
      `Keep the headline under ${ARTICLE_LIMITS.maxTitleLength} characters`,
    ),
);

export const relatedLinkSchema = z.union([
  z.strictObject({
    title: plainText(
      'title',
      z
        .string()
        .trim()
        .min(1, 'Give the link a title')
        .max(
          ARTICLE_LIMITS.maxRelatedTitleLength,
          `Keep the link title under ${ARTICLE_LIMITS.maxRelatedTitleLength} characters`,
        ),
    ),
    // Refined, then transformed: a refinement's issue keeps its path inside the union.
    url: z
      .string()
      .superRefine((url, context) => {
        const parsed = parseLinkAddress(url, RELATED_LINK);
        if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.problem });
      })
      .transform((url) => {
        const parsed = parseLinkAddress(url, RELATED_LINK);
        return parsed.ok ? parsed.href : url;
      }),
  }),
  // An internal link is stored as the target's id. The newsroom API returns it with the target's
  // current `title` and `href` (resolved at read time), so an article fetched with GET can be
  // sent back with PUT unchanged: those two are accepted and dropped, never stored.
  z
    .strictObject({
      articleId: entityId,
      title: z.string().max(ARTICLE_LIMITS.maxRelatedTitleLength).optional(),
      href: z.string().max(MAX_HREF_LENGTH).nullable().optional(),
    })
    .transform(({ articleId }) => ({ articleId })),
]);

export type RelatedLinkInput = z.output<typeof relatedLinkSchema>;

/**
 * The title an internal related link shows for an article that is not live, to whoever may not
 * see that draft, and in the shared document that everyone on the article reads: the headline of
 * a draft is the draft's own, like the rest of it.
 */
export const UNPUBLISHED_RELATED_TITLE = 'An unpublished article';

/** The ids of the articles a related list links to (its internal entries), in list order. */
export function linkedArticleIds(
  related: readonly ({ articleId: string } | { url: string })[],
): string[] {
  return related.flatMap((entry) => ('articleId' in entry ? [entry.articleId] : []));
}

/** Why a related link that repeats an earlier one (same address or article) is refused. */
export const REPEATED_RELATED_LINK = 'This link is already in the list';

/**
 * What makes two related links the same one: the article for an internal link, the stored
 * (normalised) address for an external one.
 */
export const relatedLinkKey = (link: { articleId: string } | { url: string }): string =>
  'url' in link ? `url:${link.url}` : `article:${link.articleId}`;

/** The same address (or article) twice in one article's related links. */
function refuseRepeatedLinks(links: RelatedLinkInput[], context: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const [index, link] of links.entries()) {
    const key = relatedLinkKey(link);
    if (seen.has(key))
      context.addIssue({
        code: 'custom',
        message: REPEATED_RELATED_LINK,
        path: [index, 'url' in link ? 'url' : 'articleId'],
      });
    seen.add(key);
  }
}

export const articleMetaSchema = z.object({
  title: headlineSchema,
  slug: z
    .string()
    .max(ARTICLE_LIMITS.maxSlugLength)
    .regex(SLUG_PATTERN, 'slug must be lowercase letters, digits and single hyphens'),
  sectionId: entityId,
  standfirst: plainText(
    'standfirst',
    z.string().trim().max(ARTICLE_LIMITS.maxStandfirstLength),
  ).default(''),
  markerStyle: z.enum(MARKER_STYLES).default('numeric'),
  related: z
    .array(relatedLinkSchema)
    .max(
      ARTICLE_LIMITS.maxRelatedLinks,
      `Keep to ${ARTICLE_LIMITS.maxRelatedLinks} related links or fewer`,
    )
    .superRefine(refuseRepeatedLinks)
    .default([]),
  /** The lead image: an id, null for none; left out, the stored one stays. */
  leadImageId: z
    .string()
    .regex(IMAGE_ID_PATTERN, 'leadImageId must be a stored image id')
    .nullable()
    .optional(),
});

export type ArticleMeta = z.infer<typeof articleMetaSchema>;
