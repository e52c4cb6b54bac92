'use client';
import type { EditableArticle } from '@newsroom/editorial';
import { useEffect, useState } from 'react';
import { backupKey, chooseStartingPoint, type StartingPoint } from '../autosave/draft-backup';
import type { CollabUser } from '@newsroom/collab';
import { CollabEditorForm } from '../collab/CollabEditorForm';
import { useCollabSession } from '../collab/use-collab-session';
import { ArticleEditorForm } from './ArticleEditorForm';
import type { Section } from './section';
import { draftOf, type ArticleDraft } from './draft';

/** The collaboration server's URL, and who is connecting (shown to others; owns the local copy). */
export type CollabConnection = { url: string; user: CollabUser; userId: string };

export interface ArticleEditorProps {
  article: EditableArticle;
  sections: Section[];
  canPublish: boolean;
  /** Live co-editing (the collaboration server answered): its address and who is editing. */
  collab: CollabConnection | null;
}

export function ArticleEditor({ article, sections, canPublish, collab }: ArticleEditorProps) {
  if (collab) return <CollabEditor {...{ article, sections, canPublish, collab }} />;
  return <RestEditor {...{ article, sections, canPublish }} />;
}

/** Everything in the shared document: the collaboration server writes the working copy. */
function CollabEditor({
  article,
  sections,
  canPublish,
  collab,
}: ArticleEditorProps & { collab: CollabConnection }) {
  const { session, snapshot } = useCollabSession(collab.url, article, collab.user, collab.userId);
  if (snapshot?.refused)
    return (
      <p role="alert">
        The collaboration server refused this page ({snapshot.refused}); log in again.
      </p>
    );
  if (!session || !snapshot?.ready) return <p aria-busy="true">Loading the editor…</p>;
  return (
    <CollabEditorForm
      {...{ article, sections, canPublish, session, snapshot }}
      user={collab.user}
    />
  );
}

/**
 * Without a collaboration server: autosave over the REST API, with its conflict panel. Opens on
 * the right starting point: the server's article, or the unsaved copy this browser kept (known
 * only after mount: localStorage does not exist during server rendering).
 */
function RestEditor({ article, sections, canPublish }: Omit<ArticleEditorProps, 'collab'>) {
  const [start, setStart] = useState<StartingPoint<ArticleDraft> | null>(null);
  useEffect(() => {
    setStart(
      chooseStartingPoint(window.localStorage, backupKey(article.id), {
        snapshot: draftOf(article),
        version: article.version,
      }),
    );
  }, [article]);
  if (!start) return <p aria-busy="true">Loading the editor…</p>;
  return (
    <ArticleEditorForm
      article={article}
      sections={sections}
      canPublish={canPublish}
      start={start}
    />
  );
}
