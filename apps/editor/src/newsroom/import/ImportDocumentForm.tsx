'use client';

import { apiErrorMessage } from '@newsroom/http/browser';
import type { ImportNotice } from '@newsroom/import';
import { type FormEvent, type ReactNode, useState } from 'react';
import { articleEditPath, IMPORT_API_PATH } from '../newsroom-paths';

export interface ImportDocumentFormProps {
  /** The section `<option>`s (rendered by the server page). */
  sectionOptions: ReactNode;
  /** From @newsroom/import's limits, passed down so the browser bundle does not load the importer. */
  accept: string;
  maxBytes: number;
  /** The message of a failed plain (no-JavaScript) form post. */
  initialError?: string;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'failed'; message: string }
  | { kind: 'imported'; id: string; notices: ImportNotice[] };

interface ImportAnswer {
  article?: { id: string };
  notices?: ImportNotice[];
}

function errorMessage(answer: ImportAnswer, status: number): string {
  return apiErrorMessage(answer, status, `The import failed (HTTP ${status})`);
}

/**
 * "Import .docx": a plain multipart form that works without JavaScript (the API then answers
 * with redirects); with JavaScript it stays on the page to show errors and what was left out.
 */
export function ImportDocumentForm({
  sectionOptions,
  accept,
  maxBytes,
  initialError,
}: ImportDocumentFormProps) {
  const [outcome, setOutcome] = useState<Outcome>(
    initialError ? { kind: 'failed', message: initialError } : { kind: 'idle' },
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (file instanceof File && file.size > maxBytes) {
      setOutcome({
        kind: 'failed',
        message: `The file is larger than ${maxBytes / 1024 / 1024} MB`,
      });
      return;
    }
    setOutcome({ kind: 'busy' });
    try {
      const response = await fetch(IMPORT_API_PATH, {
        method: 'POST',
        body: data,
        headers: { accept: 'application/json' },
      });
      const answer = (await response.json().catch(() => ({}))) as ImportAnswer;
      if (!response.ok || !answer.article) {
        setOutcome({ kind: 'failed', message: errorMessage(answer, response.status) });
        return;
      }
      const notices = answer.notices ?? [];
      if (notices.length === 0) window.location.assign(articleEditPath(answer.article.id));
      else setOutcome({ kind: 'imported', id: answer.article.id, notices });
    } catch {
      setOutcome({ kind: 'failed', message: 'The import did not reach the server; try again' });
    }
  }

  return (
    <form
      action={IMPORT_API_PATH}
      method="post"
      encType="multipart/form-data"
      className="stacked-form"
      onSubmit={submit}
      aria-label="Import a document"
    >
      <label>
        Word (.docx) or Google Docs web page (.html or .zip)
        <input type="file" name="file" accept={accept} required />
      </label>
      <label>
        Section
        <select name="sectionId" required defaultValue="">
          <option value="" disabled>
            Choose a section
          </option>
          {sectionOptions}
        </select>
      </label>
      <button type="submit" disabled={outcome.kind === 'busy'}>
        {outcome.kind === 'busy' ? 'Importing…' : 'Import as a new draft'}
      </button>
      {outcome.kind === 'failed' && (
        <p role="alert" className="form-error">
          {outcome.message}
        </p>
      )}
      {outcome.kind === 'imported' && (
        <div role="status">
          <p>The draft was created. Before publishing, note:</p>
          <ul>
            {outcome.notices.map((notice) => (
              <li key={notice.code}>{notice.message}</li>
            ))}
          </ul>
          <a href={articleEditPath(outcome.id)}>Open the draft</a>
        </div>
      )}
    </form>
  );
}
