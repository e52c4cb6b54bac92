import {
  altTextNeededMessage,
  emptyNoteNumbers,
  emptyNotesMessage,
  imagesNeedingAltText,
  needsAltText,
  validateArticle,
  type ValidationError,
} from '@newsroom/article';
import type { Db } from '@newsroom/db';
import type { JSONContent } from '@tiptap/core';
import { invalid, notFound, slugTaken } from '../errors';
import { relatedInputsOf } from './live-version';

function hasText(node: JSONContent): boolean {
  if (node.type === 'footnotes') return false;
  if (typeof node.text === 'string' && node.text.trim() !== '') return true;
  return (node.content ?? []).some(hasText);
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/**
 * The lead image's alt text is its upload's (og:image:alt, the page top): an imported picture
 * stored with the placeholder can still be made the lead image through the API.
 */
const LEAD_IMAGE_ALT_TEXT_NEEDED =
  'the lead image has no alt text: replace it (“Replace lead image”, describing it) or remove it before publishing';

/** How far past the moment it goes live a dateline may lie (a story written ahead of an event). */
const DATELINE_MAX_AHEAD_MS = 24 * 3_600_000;
const EARLIEST_DATELINE = new Date(Date.UTC(1900, 0, 1));
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A dateline readers would find absurd, or one that would pin the story on top of the home page,
 * the feeds and the Google News sitemap (they sort by it) until a year typed as 2062 comes.
 */
function datelineProblem(dateline: Date | null, goesLiveAt: Date): string | null {
  if (!dateline) return null;
  if (dateline < EARLIEST_DATELINE)
    return `the dateline ${day(dateline)} is before 1900: check the year`;
  if (dateline.getTime() - goesLiveAt.getTime() > DATELINE_MAX_AHEAD_MS)
    return `the dateline ${day(dateline)} is more than a day after the article goes live (${day(goesLiveAt)}): lists and feeds sort by it, so the story would stay on top until then. Correct it, or schedule the article for that time`;
  return null;
}

/**
 * What must hold before readers may see the working copy (now, or at a scheduled time): it
 * passes the save validation again (rows may predate a rule), the body says something, every
 * image, the lead image included, is described (no ALT_TEXT_NEEDED placeholder), the dateline
 * is plausible for the moment it goes live (`goesLiveAt`), and the slug is not another
 * article's URL history. Throws a 422 naming each problem, or the 409.
 */
export async function requireReadyToPublish(
  db: Db,
  id: string,
  goesLiveAt: Date = new Date(),
): Promise<void> {
  const article = await db.article.findUnique({
    where: { id },
    include: {
      relatedLinks: { orderBy: { position: 'asc' } },
      leadImage: { select: { alt: true } },
    },
  });
  if (!article) throw notFound('The article');
  const body = parseBody(article.body);
  const checked = validateArticle({
    title: article.title,
    slug: article.slug,
    sectionId: article.sectionId,
    standfirst: article.standfirst,
    markerStyle: article.markerStyle,
    body,
    related: relatedInputsOf(article.relatedLinks),
  });
  const errors: ValidationError[] = checked.ok ? [] : [...checked.errors];
  if (checked.ok && !hasText(checked.value.body))
    errors.push({
      path: 'body',
      message: 'write the article before publishing it: the body is empty',
    });
  // An imported picture that came without alt text holds a placeholder (the draft stays
  // savable): readers never get it until someone describes it.
  const needAltText = checked.ok ? imagesNeedingAltText(checked.value.body) : [];
  if (needAltText.length) errors.push({ path: 'body', message: altTextNeededMessage(needAltText) });
  if (article.leadImage && needsAltText(article.leadImage.alt))
    errors.push({ path: 'leadImageId', message: LEAD_IMAGE_ALT_TEXT_NEEDED });
  const emptyNotes = checked.ok ? emptyNoteNumbers(checked.value.body) : [];
  if (emptyNotes.length) errors.push({ path: 'body', message: emptyNotesMessage(emptyNotes) });
  const dateline = datelineProblem(article.publishedAt, goesLiveAt);
  if (dateline) errors.push({ path: 'publishedAt', message: dateline });
  if (errors.length) throw invalid(errors, 'not_ready');
  const slugOwner = await db.articlePath.findUnique({
    where: { slug: article.slug },
    select: { articleId: true },
  });
  if (slugOwner && slugOwner.articleId !== id) throw slugTaken();
}
