import { ARTICLE_LIMITS } from '@newsroom/article';
import { getDb } from '@newsroom/db';
import { listSections } from '@newsroom/editorial';
import type { Metadata } from 'next';
import { createArticleAction } from '../../../../../src/newsroom/articles/actions';
import { IMPORT_PAGE_PATH } from '../../../../../src/newsroom/newsroom-paths';
import { staff } from '../../../../../src/newsroom/staff/staff-shell';
import { SectionOptions } from '../../../../../src/newsroom/SectionOptions';

export const metadata: Metadata = { title: 'New article' };

type Props = { searchParams: Promise<{ error?: string; title?: string }> };

export default async function NewArticlePage({ searchParams }: Props) {
  await staff.requireStaff();
  const { error, title } = await searchParams;
  const sections = await listSections(getDb());
  return (
    <section>
      <h1>New article</h1>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <form action={createArticleAction} className="stacked-form">
        <label>
          Headline
          <input
            name="title"
            required
            maxLength={ARTICLE_LIMITS.maxTitleLength}
            defaultValue={title ?? ''}
            autoFocus
          />
        </label>
        <label>
          Section
          <select name="sectionId" required defaultValue="">
            <option value="" disabled>
              Choose a section
            </option>
            <SectionOptions sections={sections} />
          </select>
        </label>
        <button type="submit">Create draft</button>
      </form>
      <p>
        Or <a href={IMPORT_PAGE_PATH}>import a Word or Google Docs document</a> as a new draft.
      </p>
    </section>
  );
}
