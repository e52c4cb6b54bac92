'use client';
import { fallbackRenditionPath, type ValidationError } from '@newsroom/article';
import type { EditableArticle } from '@newsroom/editorial';
import type { JSONContent } from '@tiptap/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { statusLabel } from '../autosave/autosave-controller';
import type { StartingPoint } from '../autosave/draft-backup';
import { backupKey } from '../autosave/draft-backup';
import { useAutosave } from '../autosave/use-autosave';
import { ArticleBodyEditor, type ArticleBodyEditorHandle } from '../body-editor/ArticleBodyEditor';
import { articleAction, saveDraft, type ArticleActionResult } from './api-client';
import { ConflictPanel } from './ConflictPanel';
import { draftOf, slugFollowsTitle, type ArticleDraft, type DraftMeta } from './draft';
import { CanvasFields } from './CanvasFields';
import { HistoryPanel } from './HistoryPanel';
import { LeadImagePanel } from './LeadImagePanel';
import { MetadataFields } from './MetadataFields';
import { PreviewPanel } from './PreviewPanel';
import { PublicationPanel } from './PublicationPanel';
import { RelatedLinksPanel } from './RelatedLinksPanel';
import type { Section } from './section';

interface Props {
  article: EditableArticle;
  sections: Section[];
  canPublish: boolean;
  start: StartingPoint<ArticleDraft>;
}

export function ArticleEditorForm({ article, sections, canPublish, start }: Props) {
  const { body: initialBody, ...initialMeta } = start.snapshot;
  const [meta, setMeta] = useState<DraftMeta>(initialMeta);
  const metaRef = useRef(meta);
  const readBody = useRef<() => JSONContent>(() => initialBody);
  const editorRef = useRef<ArticleBodyEditorHandle | null>(null);
  const [slugFollows, setSlugFollows] = useState(() => slugFollowsTitle(article));
  const [publication, setPublication] = useState({ status: article.status });
  const [fieldErrors, setFieldErrors] = useState<ValidationError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [previewing, setPreviewing] = useState(false);

  const readSnapshot = useCallback(
    (): ArticleDraft => ({ ...metaRef.current, body: readBody.current() }),
    [],
  );

  const onAnswer = useCallback((result: ArticleActionResult) => {
    setFieldErrors(result.kind === 'failed' ? result.errors : []);
    if (result.kind === 'saved') setPublication({ status: result.article.status });
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
      save: (draft, baseVersion) => saveDraft(article.id, draft, baseVersion, onAnswer),
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
      editorRef.current?.setContent(body);
      readBody.current = () => body;
      metaRef.current = storedMeta;
      setMeta(storedMeta);
      setSlugFollows(slugFollowsTitle(stored));
      setPublication({ status: stored.status });
      setFieldErrors([]);
      controller.acceptStored(stored.version, draft);
    },
    [controller],
  );

  async function changePublication(action: 'publish' | 'unpublish') {
    setBusy(true);
    setNotice(null);
    try {
      const flushed = await controller.flush();
      if (flushed !== 'saved') {
        setNotice(
          `Not ${action}ed: save your changes first (${statusLabel(controller.getStatus())})`,
        );
        return;
      }
      const result = await articleAction(article.id, action, controller.baseVersion);
      if (result.kind === 'conflict') controller.reportConflict(result.current);
      else if (result.kind === 'failed') setNotice(`Not ${action}ed: ${result.reason}`);
      else {
        controller.baseVersion = result.article.version;
        // Keep the dateline the server set on first publication, without a new save.
        metaRef.current = { ...metaRef.current, publishedAt: result.article.publishedAt };
        setMeta(metaRef.current);
        setPublication({ status: result.article.status });
        setSlugFollows(false);
        setNotice(action === 'publish' ? 'Published.' : 'Unpublished: readers no longer see it.');
      }
    } finally {
      setBusy(false);
    }
  }

  const section = sections.find((candidate) => candidate.id === meta.sectionId) ?? null;
  const readerPath = section ? `/${section.slug}/${meta.slug}` : null;

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
          {meta.leadImage && (
            <figure className="lead-image edit-lead-image">
              <img
                src={fallbackRenditionPath(meta.leadImage.id, meta.leadImage.width, 800)}
                alt={meta.leadImage.alt}
                width={meta.leadImage.width}
                height={meta.leadImage.height}
              />
              {(meta.leadImage.caption || meta.leadImage.credit) && (
                <figcaption>
                  <span className="image-caption">{meta.leadImage.caption}</span>
                  <span className="image-credit">{meta.leadImage.credit}</span>
                </figcaption>
              )}
            </figure>
          )}
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
        <PublicationPanel
          articleId={article.id}
          status={publication.status}
          canPublish={canPublish}
          busy={busy}
          notice={notice}
          readerPath={readerPath}
          onPublish={() => changePublication('publish')}
          onUnpublish={() => changePublication('unpublish')}
        />
        <section className="panel" aria-label="Details">
          <MetadataFields
            meta={meta}
            sections={sections}
            errors={fieldErrors}
            onChange={updateMeta}
            onSlugEdited={() => setSlugFollows(false)}
          />
        </section>
        <LeadImagePanel
          leadImage={meta.leadImage ?? null}
          onChange={(leadImage) => updateMeta({ leadImage })}
        />
        <RelatedLinksPanel
          articleId={article.id}
          related={meta.related}
          onChange={(related) => updateMeta({ related })}
        />
        <HistoryPanel
          articleId={article.id}
          sections={sections}
          beforeRestore={() => controller.flush()}
          baseVersion={() => controller.baseVersion}
          onRestored={showStored}
          onConflict={(current) => controller.reportConflict(current)}
        />
      </aside>
    </div>
  );
}
