'use server';
import { getDb } from '@newsroom/db';
import { createArticle, EditorialError } from '@newsroom/editorial';
import { redirect } from 'next/navigation';
import { articleEditPath, NEW_ARTICLE_PAGE_PATH } from '../newsroom-paths';
import { staff } from '../staff/staff-shell';

/** The "New article" form: creates the draft and opens it in the editor. */
export async function createArticleAction(formData: FormData) {
  const user = await staff.requireStaff();
  const title = String(formData.get('title') ?? '');
  const sectionId = String(formData.get('sectionId') ?? '');
  let id: string;
  try {
    id = (await createArticle(getDb(), user, { title, sectionId })).id;
  } catch (error) {
    if (!(error instanceof EditorialError)) throw error;
    const params = new URLSearchParams({ error: error.errors[0]?.message ?? error.message, title });
    redirect(`${NEW_ARTICLE_PAGE_PATH}?${params}`);
  }
  redirect(articleEditPath(id));
}
