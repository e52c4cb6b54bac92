import { getDb } from '@newsroom/db';
import { listSections } from '@newsroom/editorial';
import { IMPORT_ACCEPT, IMPORT_LIMITS } from '@newsroom/import';
import type { Metadata } from 'next';
import { createArticleAction } from '../../../../../src/newsroom/articles/actions';
import { requireStaff } from '../../../../../src/newsroom/auth/staff';
import { ImportDocumentForm } from '../../../../../src/newsroom/import/ImportDocumentForm';
import { IMPORT_PAGE_PATH } from '../../../../../src/newsroom/import/import-paths';
import { SectionOptions } from '../../../../../src/newsroom/SectionOptions';

export const metadata: Metadata = { title: 'New article' };

type Props = { searchParams: Promise<{ error?: string; title?: string; importError?: string }> };

export default async function NewArticlePage({ searchParams }: Props) {
  await requireStaff();
  const { error, title, importError } = await searchParams;
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
          <input name="title" required maxLength={200} defaultValue={title ?? ''} autoFocus />
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
      <h2>Import a document</h2>
      <p className="field-hint">
        A Word file or a Google Docs &ldquo;Download &rarr; Web page&rdquo; becomes a new draft:
        headline from its title or first heading, headings, lists, links, bold and italic, footnotes
        and endnotes as notes.
      </p>
      <ImportDocumentForm
        sectionOptions={<SectionOptions sections={sections} />}
        accept={IMPORT_ACCEPT}
        maxBytes={IMPORT_LIMITS.maxFileBytes}
        {...(importError && { initialError: importError })}
      />
    </section>
  );
}
