import { headlineSchema, type MarkerStyle, validateDocument } from '@newsroom/article';
import type { Actor } from '@newsroom/auth';
import { isUniqueViolation, type Db } from '@newsroom/db';
import type { JSONContent } from '@tiptap/core';
import { z } from 'zod';
import { invalid, validationErrorsOf } from '../errors';
import { findFreeSlug, slugify } from '../slug';
import { findEditableArticle, type EditableArticle } from './editable-article';

export const newArticleSchema = z.object({
  // The rules saving applies: a draft is never created with a headline it could not save.
  title: headlineSchema,
  sectionId: z.string().min(1, 'Choose a section'),
});
export type NewArticle = z.input<typeof newArticleSchema>;

const emptyBody = { type: 'doc', content: [{ type: 'paragraph' }] };

/** What a draft starts with other than an empty body (an imported document). */
export interface NewArticleContent {
  body: JSONContent;
  markerStyle: MarkerStyle;
}
const SLUG_ATTEMPTS = 5;

/**
 * A new draft by `actor`, its slug derived from the headline and made unique. With `content`
 * (an import) the body is validated first and written in the same insert: never half a draft.
 */
export async function createArticle(
  db: Db,
  actor: Actor,
  input: NewArticle,
  content?: NewArticleContent,
): Promise<EditableArticle> {
  const parsed = newArticleSchema.safeParse(input);
  if (!parsed.success) throw invalid(validationErrorsOf(parsed.error.issues));
  const { title, sectionId } = parsed.data;
  if (content) {
    const valid = validateDocument(content.body);
    if (!valid.ok) throw invalid(valid.errors);
  }
  if (!(await db.section.findUnique({ where: { id: sectionId } })))
    throw invalid([{ path: 'sectionId', message: 'no section has this id' }]);

  const base = slugify(title);
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await db.article.create({
        data: {
          title,
          sectionId,
          slug: await findFreeSlug(db, base),
          body: JSON.stringify(content?.body ?? emptyBody),
          markerStyle: content?.markerStyle ?? 'symbols',
          authorId: actor.id,
        },
      });
      return (await findEditableArticle(db, created.id, actor))!;
    } catch (error) {
      // Someone took the same free slug between our look-up and insert: look again.
      if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
    }
  }
}
