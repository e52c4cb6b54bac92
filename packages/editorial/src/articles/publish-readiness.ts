import {
  altTextNeededMessage,
  emptyNoteNumbers,
  emptyNotesMessage,
  imagesNeedingAltText,
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
 * What must hold before readers may see the working copy (now, or at a scheduled time): it
 * passes the save validation again (rows may predate a rule), the body says something, every
 * image is described (no ALT_TEXT_NEEDED placeholder), and the slug is not another article's
 * URL history. Throws a 422 naming each problem, or the 409.
 */
export async function requireReadyToPublish(db: Db, id: string): Promise<void> {
  const article = await db.article.findUnique({
    where: { id },
    include: { relatedLinks: { orderBy: { position: 'asc' } } },
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
  const emptyNotes = checked.ok ? emptyNoteNumbers(checked.value.body) : [];
  if (emptyNotes.length) errors.push({ path: 'body', message: emptyNotesMessage(emptyNotes) });
  if (errors.length) throw invalid(errors, 'not_ready');
  const slugOwner = await db.articlePath.findUnique({
    where: { slug: article.slug },
    select: { articleId: true },
  });
  if (slugOwner && slugOwner.articleId !== id) throw slugTaken();
}
