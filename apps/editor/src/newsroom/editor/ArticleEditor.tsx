'use client';
import type { EditableArticle } from '@newsroom/editorial';
import { useEffect, useMemo, useState } from 'react';
import { backupKey, chooseStartingPoint, type StartingPoint } from '../autosave/draft-backup';
import { collabUserOf } from '@newsroom/collab';
import { CollabEditorForm } from '../collab/CollabEditorForm';
import { useCollabSession } from '../collab/use-collab-session';
import { ArticleEditorForm } from './ArticleEditorForm';
import type { Section } from './section';
import { ARTICLES_PAGE_PATH, articleEditPath, loginPagePath } from '../newsroom-paths';
import { draftOf, type ArticleDraft } from './draft';

/**
 * The collaboration server's URL, and who is connecting (shown to others; owns the local copy).
 * Their name and colour are worked out here, not on the server page: the page would otherwise
 * load Yjs into the server components' bundle as well, a second copy in the process beside the
 * one this component's server rendering loads (Yjs warns of that: its type checks fail across
 * copies).
 */
export type CollabConnection = { url: string; userId: string; userName: string };

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
  const user = useMemo(
    () => collabUserOf({ id: collab.userId, name: collab.userName }),
    [collab.userId, collab.userName],
  );
  const { session, snapshot } = useCollabSession(collab.url, article, user, collab.userId);
  if (snapshot?.refused) return <Refused reason={snapshot.refused} articleId={article.id} />;
  if (!session || !snapshot?.ready) return <p aria-busy="true">Loading the editor…</p>;
  return <CollabEditorForm {...{ article, sections, canPublish, session, snapshot, user }} />;
}

/** Why the collaboration server ended this page, and what the person can do about it. */
function Refused({ reason, articleId }: { reason: string; articleId: string }) {
  if (reason === 'unknown-document')
    return (
      <p role="alert">
        You can no longer edit this article: it has been deleted, your role has changed, or it is no
        longer one you may open. What this page had not saved yet was not saved.{' '}
        <a href={ARTICLES_PAGE_PATH}>Back to the articles</a>.
      </p>
    );
  return (
    <p role="alert">
      {reason === 'no-session'
        ? 'Your session has ended: '
        : 'The collaboration server did not accept this page: '}
      <a href={loginPagePath(articleEditPath(articleId))}>log in again</a>. Edits this page had not
      saved yet are kept in this browser and saved when you are back, unless the session ended with
      a log out, which deletes them.
    </p>
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
