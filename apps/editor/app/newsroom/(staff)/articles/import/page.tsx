import { getDb } from '@newsroom/db';
import { listSections } from '@newsroom/editorial';
import { IMPORT_ACCEPT, IMPORT_LIMITS } from '@newsroom/import';
import type { Metadata } from 'next';
import { staff } from '../../../../../src/newsroom/staff/staff-shell';
import { ImportDocumentForm } from '../../../../../src/newsroom/import/ImportDocumentForm';
import { SectionOptions } from '../../../../../src/newsroom/SectionOptions';

export const metadata: Metadata = { title: 'Import a document' };

type Props = { searchParams: Promise<{ importError?: string }> };

export default async function ImportDocumentPage({ searchParams }: Props) {
  await staff.requireStaff();
  const { importError } = await searchParams;
  const sections = await listSections(getDb());
  return (
    <section>
      <h1>Import a document</h1>
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
