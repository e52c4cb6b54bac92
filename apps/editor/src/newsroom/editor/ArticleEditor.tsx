'use client';
import type { EditableArticle } from '@newsroom/editorial';
import { useEffect, useState } from 'react';
import { backupKey, chooseStartingPoint, type StartingPoint } from '../autosave/draft-backup';
import { ArticleEditorForm } from './ArticleEditorForm';
import type { Section } from './section';
import { draftOf, type ArticleDraft } from './draft';

export interface ArticleEditorProps {
  article: EditableArticle;
  sections: Section[];
  canPublish: boolean;
}

/**
 * Opens the editor on the right starting point: the server's article, or the unsaved copy this
 * browser kept (known only after mount: localStorage does not exist during server rendering).
 */
export function ArticleEditor({ article, sections, canPublish }: ArticleEditorProps) {
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
