'use client';
import type { EditableArticle } from '@newsroom/editorial';
import { useEffect, useState } from 'react';
import { ArticlePreview } from '../preview/ArticlePreview';
import type { Section } from './section';
import { renderDraft } from './api-client';
import { draftOf, type ArticleDraft } from './draft';

interface Props {
  mine: ArticleDraft;
  stored: EditableArticle;
  sections: Section[];
  onKeepMine: () => void;
  onTakeStored: () => void;
}

function RenderedVersion({
  heading,
  draft,
  sections,
}: {
  heading: string;
  draft: ArticleDraft;
  sections: Section[];
}) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    renderDraft(draft)
      .then(setHtml)
      .catch((failure: Error) => setError(failure.message));
  }, [draft]);
  return (
    <section className="conflict-version" aria-label={heading}>
      <h3>{heading}</h3>
      {error && <p role="alert">Could not render: {error}</p>}
      {html === null && !error ? (
        <p>Rendering…</p>
      ) : (
        <ArticlePreview
          section={sections.find((section) => section.id === draft.sectionId) ?? null}
          publishedAt={draft.publishedAt}
          title={draft.title}
          standfirst={draft.standfirst}
          html={html ?? ''}
        />
      )}
    </section>
  );
}

/** Both versions side by side; nothing is overwritten until the user picks one. */
export function ConflictPanel({ mine, stored, sections, onKeepMine, onTakeStored }: Props) {
  // Snapshot "mine" once: the panel compares what was there when the conflict appeared.
  const [mineAtConflict] = useState(mine);
  const [storedDraft] = useState(() => draftOf(stored));
  return (
    <section className="panel conflict-panel" role="alertdialog" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved this article while you were editing</h2>
      <p>
        Your changes are kept in this browser and were not saved. Compare the two versions and
        choose which one to keep. Version {stored.version} is stored now.
      </p>
      <div className="conflict-actions">
        <button type="button" onClick={onKeepMine}>
          Keep mine (save over the stored version)
        </button>
        <button type="button" onClick={onTakeStored}>
          Take the stored version (drop my changes)
        </button>
      </div>
      <div className="conflict-versions">
        <RenderedVersion heading="Your version" draft={mineAtConflict} sections={sections} />
        <RenderedVersion heading="Stored version" draft={storedDraft} sections={sections} />
      </div>
    </section>
  );
}
