'use client';
import type { EditableArticle, RevisionDetail, RevisionSummary } from '@newsroom/editorial';
import { useState } from 'react';
import type { FlushResult } from '../autosave/autosave-controller';
import { formatDateline } from '@newsroom/article';
import { ArticlePreview } from '../preview/ArticlePreview';
import type { ArticleDraft } from './draft';
import type { Section } from './section';
import { fetchRevision, fetchRevisions, restoreRevisionRequest } from './api-client';

interface Props {
  articleId: string;
  sections: Section[];
  /** The article as edited now: a revision is shown under its current rubric and dateline. */
  read: () => ArticleDraft;
  beforeRestore: () => Promise<FlushResult>;
  baseVersion: () => number;
  onRestored: (article: EditableArticle) => void;
  onConflict: (current: EditableArticle) => void;
}

const REASONS: Record<string, string> = {
  autosave: 'Autosave',
  publish: 'Published',
  restore: 'Restored',
  discard: 'Discarded changes (kept here)',
  replaced: 'Before a restore (kept here)',
  'schedule-cancelled':
    'Schedule cancelled at its time: it could not be published then (an empty body or note, a picture without alt text, an implausible dateline, or whoever scheduled it may no longer publish)',
};

export function HistoryPanel({
  articleId,
  sections,
  read,
  beforeRestore,
  baseVersion,
  onRestored,
  onConflict,
}: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [shown, setShown] = useState<{ revision: RevisionDetail; html: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function load() {
    try {
      setRevisions(await fetchRevisions(articleId));
      setMessage(null);
    } catch (error) {
      setMessage(`Could not load the history: ${(error as Error).message}`);
    }
  }

  async function show(id: string) {
    try {
      setShown(await fetchRevision(articleId, id));
    } catch (error) {
      setMessage(`Could not open the revision: ${(error as Error).message}`);
    }
  }

  async function restore(revision: RevisionSummary) {
    const flushed = await beforeRestore();
    if (flushed === 'conflict') return; // the conflict panel takes over
    if (flushed === 'failed') {
      setMessage('Not restored: your latest changes are not saved yet.');
      return;
    }
    const result = await restoreRevisionRequest(articleId, revision.id, baseVersion());
    if (result.kind === 'conflict') return onConflict(result.current);
    if (result.kind === 'failed') return setMessage(`Not restored: ${result.reason}`);
    onRestored(result.article);
    setShown(null);
    await load(); // clears old messages, so the confirmation comes after it
    setMessage(`Restored version ${revision.version}.`);
  }

  return (
    <section className="panel history-panel" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <button type="button" onClick={load}>
        {revisions ? 'Refresh history' : 'Show history'}
      </button>
      {message && <p role="status">{message}</p>}
      {revisions && revisions.length === 0 && <p>No revisions yet.</p>}
      {revisions && revisions.length > 0 && (
        <ol className="revision-list">
          {revisions.map((revision) => (
            <li key={revision.id}>
              <span>
                {REASONS[revision.reason] ?? revision.reason} · version {revision.version} ·{' '}
                {revision.author.name} · {formatDateline(new Date(revision.createdAt))}
              </span>{' '}
              <button type="button" onClick={() => show(revision.id)}>
                Show
              </button>{' '}
              <button type="button" onClick={() => restore(revision)}>
                Restore
              </button>
            </li>
          ))}
        </ol>
      )}
      {shown && (
        <div className="preview-frame" aria-label={`Revision ${shown.revision.version}`}>
          <p>
            Version {shown.revision.version} by {shown.revision.author.name}{' '}
            <button type="button" onClick={() => setShown(null)}>
              Close
            </button>
          </p>
          <ArticlePreview
            section={sections.find((section) => section.id === read().sectionId) ?? null}
            publishedAt={read().publishedAt}
            title={shown.revision.title}
            standfirst={shown.revision.standfirst}
            html={shown.html}
          />
        </div>
      )}
    </section>
  );
}
