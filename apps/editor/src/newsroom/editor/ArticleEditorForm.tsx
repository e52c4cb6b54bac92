'use client';
import { articlePath, type ValidationError } from '@newsroom/article';
import type { EditableArticle } from '@newsroom/editorial';
import type { JSONContent } from '@tiptap/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { statusLabel } from '../autosave/autosave-controller';
import type { StartingPoint } from '../autosave/draft-backup';
import { backupKey } from '../autosave/draft-backup';
import { useAutosave } from '../autosave/use-autosave';
import { ArticleBodyEditor, type ArticleBodyEditorHandle } from '../body-editor/ArticleBodyEditor';
import { ArticleDetailPanels } from './ArticleDetailPanels';
import { saveDraft, type ArticleActionResult, type PublishingAction } from './api-client';
import { ConflictPanel } from './ConflictPanel';
import { DeleteDraftPanel } from './DeleteDraftPanel';
import {
  draftOf,
  shownRelated,
  slugFollowsTitle,
  withoutDroppedRelated,
  type ArticleDraft,
  type DraftMeta,
} from './draft';
import { CanvasFields } from './CanvasFields';
import { HistoryPanel } from './HistoryPanel';
import { LeadImageFigure } from './LeadImageFigure';
import { PreviewPanel } from './PreviewPanel';
import { isDeletableDraft, publicationOf } from './publication';
import { PublishingPanel } from './PublishingPanel';
import type { Section } from './section';

interface Props {
  article: EditableArticle;
  sections: Section[];
  canPublish: boolean;
  start: StartingPoint<ArticleDraft>;
}

export function ArticleEditorForm({ article, sections, canPublish, start }: Props) {
  const { body: initialBody, ...startMeta } = start.snapshot;
  // The related list repaired so the validator accepts it (the body editor does the same).
  const [opened] = useState(() => shownRelated(startMeta.related));
  const [relatedNotice, setRelatedNotice] = useState(opened.notice);
  const [meta, setMeta] = useState<DraftMeta>(() => ({ ...startMeta, related: opened.related }));
  const metaRef = useRef(meta);
  const editorRef = useRef<ArticleBodyEditorHandle | null>(null);
  // The editor's body, not the stored one: it leaves out links the validator now refuses.
  const readBody = useRef<() => JSONContent>(() => editorRef.current?.getDocument() ?? initialBody);
  const [slugFollows, setSlugFollows] = useState(() => slugFollowsTitle(article));
  const [publication, setPublication] = useState(() => publicationOf(article));
  const [fieldErrors, setFieldErrors] = useState<ValidationError[]>([]);
  const [previewing, setPreviewing] = useState(false);

  const readSnapshot = useCallback(
    (): ArticleDraft => ({ ...metaRef.current, body: readBody.current() }),
    [],
  );

  const onAnswer = useCallback((result: ArticleActionResult, sent: ArticleDraft) => {
    setFieldErrors(result.kind === 'failed' ? result.errors : []);
    if (result.kind !== 'saved') return;
    setPublication(publicationOf(result.article));
    // Saved without related drafts deleted since: shown so too, with no new save (the stored
    // list already lacks them).
    const related = withoutDroppedRelated(
      metaRef.current.related,
      sent.related,
      result.article.related,
    );
    if (!related) return;
    metaRef.current = { ...metaRef.current, related };
    setMeta(metaRef.current);
  }, []);

  const restored = useMemo(
    () => (start.restored ? { read: readSnapshot } : null),
    [start.restored, readSnapshot],
  );
  const { status, controller } = useAutosave<ArticleDraft, EditableArticle>(
    {
      storageKey: backupKey(article.id),
      baseVersion: start.baseVersion,
      savedSnapshot: start.restored ? undefined : start.snapshot,
      save: (draft, baseVersion) =>
        saveDraft(article.id, draft, baseVersion, (result) => onAnswer(result, draft)),
    },
    restored,
  );

  const updateMeta = useCallback(
    (patch: Partial<DraftMeta>) => {
      metaRef.current = { ...metaRef.current, ...patch };
      setMeta(metaRef.current);
      controller.change(readSnapshot);
    },
    [controller, readSnapshot],
  );

  const onBodyChange = useCallback(
    (readDocument: () => JSONContent) => {
      readBody.current = readDocument;
      controller.change(readSnapshot);
    },
    [controller, readSnapshot],
  );

  /** The page now shows exactly `stored` (take theirs, restore). */
  const showStored = useCallback(
    (stored: EditableArticle) => {
      const draft = draftOf(stored);
      const { body, ...storedMeta } = draft;
      const shown = editorRef.current?.setContent(body) ?? body;
      readBody.current = () => shown;
      const related = shownRelated(storedMeta.related);
      if (related.notice) setRelatedNotice(related.notice);
      metaRef.current = { ...storedMeta, related: related.related };
      setMeta(metaRef.current);
      setSlugFollows(slugFollowsTitle(stored));
      setPublication(publicationOf(stored));
      setFieldErrors([]);
      controller.acceptStored(stored.version, draft);
    },
    [controller],
  );

  const saveFirst = useCallback(async () => {
    const flushed = await controller.flush();
    return flushed === 'saved' ? null : statusLabel(controller.getStatus());
  }, [controller]);

  const onPublishingDone = useCallback(
    (stored: EditableArticle, action: PublishingAction) => {
      // Discard changes replaced the working copy: show it. The others changed only its state.
      if (action === 'discard') return showStored(stored);
      controller.baseVersion = stored.version;
      // Keep the dateline the server set on first publication, without a new save.
      metaRef.current = { ...metaRef.current, publishedAt: stored.publishedAt };
      setMeta(metaRef.current);
      setPublication(publicationOf(stored));
      if (stored.live) setSlugFollows(false);
    },
    [controller, showStored],
  );

  const section = sections.find((candidate) => candidate.id === meta.sectionId) ?? null;
  const readerPath = section ? articlePath({ slug: meta.slug, section }) : null;

  const saveStatus = (
    <p className={`save-status save-${status.state}`} role="status" aria-live="polite">
      {statusLabel(status)}
    </p>
  );

  // One canvas in the reader's column and typography (rubric, dateline, headline, standfirst,
  // body); everything about the article rather than in it lives in the side panel.
  return (
    <div className="article-editor edit-page">
      <div className="edit-canvas">
        {status.state === 'conflict' && (
          <ConflictPanel
            mine={readSnapshot()}
            stored={status.current}
            sections={sections}
            onKeepMine={() => controller.keepMine(status.current.version)}
            onTakeStored={() => showStored(status.current)}
          />
        )}
        <PreviewPanel
          articleId={article.id}
          read={readSnapshot}
          sections={sections}
          onOpenChange={setPreviewing}
        />
        <div className="edit-writing" hidden={previewing}>
          <CanvasFields
            meta={meta}
            section={section}
            slugFollows={slugFollows}
            errors={fieldErrors}
            onChange={updateMeta}
          />
          {meta.leadImage && <LeadImageFigure image={meta.leadImage} />}
          <ArticleBodyEditor
            initialContent={initialBody}
            markerStyle={meta.markerStyle}
            onChange={onBodyChange}
            editorRef={editorRef}
            chromeStart={saveStatus}
          />
        </div>
      </div>

      <aside className="edit-side" aria-label="Article settings">
        <PublishingPanel
          articleId={article.id}
          publication={publication}
          canPublish={canPublish}
          draftPath={readerPath}
          dateline={meta.publishedAt}
          saveFirst={saveFirst}
          baseVersion={() => controller.baseVersion}
          onDone={onPublishingDone}
          onConflict={(current) => controller.reportConflict(current)}
        />
        {isDeletableDraft(publication) && (
          <DeleteDraftPanel
            articleId={article.id}
            settle={() => controller.flush()}
            baseVersion={() => controller.baseVersion}
            onConflict={(current) => controller.reportConflict(current)}
            onDeleted={() => controller.acceptStored(controller.baseVersion, readSnapshot())}
          />
        )}
        <ArticleDetailPanels
          articleId={article.id}
          meta={meta}
          sections={sections}
          errors={fieldErrors}
          onChange={updateMeta}
          onSlugEdited={() => setSlugFollows(false)}
          relatedNotice={relatedNotice}
          onDismissRelatedNotice={() => setRelatedNotice(null)}
        />
        <HistoryPanel
          articleId={article.id}
          sections={sections}
          read={readSnapshot}
          beforeRestore={() => controller.flush()}
          baseVersion={() => controller.baseVersion}
          onRestored={showStored}
          onConflict={(current) => controller.reportConflict(current)}
        />
      </aside>
    </div>
  );
}
