'use client';
import { ARTICLE_STATUS, articlePath, normalizeFootnotes } from '@newsroom/article';
import { bodyFragment } from '@newsroom/collab';
import type { EditableArticle } from '@newsroom/editorial';
import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArticleBodyEditor } from '../body-editor/ArticleBodyEditor';
import { ArticleDetailPanels } from '../editor/ArticleDetailPanels';
import { fetchArticle, type PublishingAction } from '../editor/api-client';
import { CanvasFields } from '../editor/CanvasFields';
import {
  followingSlug,
  nextSlugToTry,
  shownRelated,
  slugFollowsTitle,
  type ArticleDraft,
  type DraftMeta,
} from '../editor/draft';
import { HistoryPanel } from '../editor/HistoryPanel';
import { LeadImageFigure } from '../editor/LeadImageFigure';
import { PreviewPanel } from '../editor/PreviewPanel';
import { DeleteDraftPanel } from '../editor/DeleteDraftPanel';
import { isDeletableDraft, publicationOf, publicationText } from '../editor/publication';
import { PublishingPanel } from '../editor/PublishingPanel';
import type { Section } from '../editor/section';
import type { CollabUser } from '@newsroom/collab';
import type { CollabSession, CollabSnapshot } from './collab-session';
import { PeopleHere } from './PeopleHere';
import { NOTE_REMOVED_EVENT, type RemovedNote } from './removed-note';
import { relatedTitlesFor } from './related-titles';
import {
  markSlugTypedByHand,
  observeSharedMeta,
  readSharedMeta,
  slugTypedByHand,
  writeSharedMeta,
} from './shared-fields';
import { syncLabel, syncStatusText } from './sync-status';
import { useTextFieldsShowingSharedText } from './text-field-caret';

/** How often an open edit page reads the article's state (someone else may publish it). */
const PUBLICATION_CHECK_MS = 10_000;

interface Props {
  article: EditableArticle;
  sections: Section[];
  canPublish: boolean;
  user: CollabUser;
  session: CollabSession;
  snapshot: CollabSnapshot;
}

/**
 * The edit page under live co-editing: the canvas fields, the details and the body all live in
 * the shared document, so there is no save request and no conflict panel; the collaboration
 * server writes the working copy. Publishing and restoring wait until it has written it.
 */
export function CollabEditorForm({
  article,
  sections,
  canPublish,
  user,
  session,
  snapshot,
}: Props) {
  const { doc } = session;
  const [meta, setMeta] = useState<DraftMeta>(() => readSharedMeta(doc));
  // The server repairs the shared related list (refused or repeated entries go, titles are
  // mended); this tells which entries went (as the body editor does for links in the text).
  const [relatedNotice, setRelatedNotice] = useState(() => shownRelated(article.related).notice);
  const relatedTitleOf = useMemo(() => relatedTitlesFor(article.related), [article.related]);
  // On opening, a shared slug that is not its headline's counts as typed by hand too (documents
  // from before the mark do not have it); later such a slug may just lag behind someone's typing
  // in the headline, which the slug-following effect below catches up with.
  const [slugFollows, setSlugFollows] = useState(
    () =>
      slugFollowsTitle(article) && slugFollowsTitle(readSharedMeta(doc)) && !slugTypedByHand(doc),
  );
  const [publication, setPublication] = useState(() => publicationOf(article));
  const [previewing, setPreviewing] = useState(false);
  const writing = useRef<HTMLDivElement>(null);
  const canvasFields = useRef<HTMLFieldSetElement>(null);
  useTextFieldsShowingSharedText(doc, canvasFields);
  /** The note someone else removed while this person wrote in it (its text, to put back). */
  const [removedNote, setRemovedNote] = useState<RemovedNote | null>(null);
  useEffect(() => {
    const element = writing.current;
    if (!element) return;
    const onRemoved = (event: Event) => setRemovedNote((event as CustomEvent<RemovedNote>).detail);
    element.addEventListener(NOTE_REMOVED_EVENT, onRemoved);
    return () => element.removeEventListener(NOTE_REMOVED_EVENT, onRemoved);
  }, []);
  /** A writer's draft that someone published meanwhile: theirs to read only now. */
  const [publishedByOthers, setPublishedByOthers] = useState(false);

  // Someone else may publish, unpublish or schedule the article: the page follows its state.
  useEffect(() => {
    const follow = async () => {
      if (document.visibilityState !== 'visible') return;
      const stored = await fetchArticle(article.id);
      if (!stored) return;
      const now = publicationOf(stored);
      setPublication((current) =>
        JSON.stringify(current) === JSON.stringify(now) ? current : now,
      );
      if (stored.publishedAt) setSlugFollows(false);
      setPublishedByOthers(!canPublish && stored.status !== ARTICLE_STATUS.draft);
    };
    const timer = setInterval(() => void follow(), PUBLICATION_CHECK_MS);
    return () => clearInterval(timer);
  }, [article.id, canPublish]);

  useEffect(
    () =>
      observeSharedMeta(doc, () => {
        const shared = readSharedMeta(doc);
        setMeta(shared);
        // Someone else typed a slug by hand, or published: their slug must not be replaced here.
        if (shared.publishedAt || slugTypedByHand(doc)) setSlugFollows(false);
      }),
    [doc],
  );
  useEffect(() => {
    setPublication((current) =>
      current.hasUnpublishedChanges === snapshot.hasUnpublishedChanges || !current.live
        ? current
        : { ...current, hasUnpublishedChanges: snapshot.hasUnpublishedChanges },
    );
  }, [snapshot.hasUnpublishedChanges]);

  const updateMeta = useCallback((patch: Partial<DraftMeta>) => writeSharedMeta(doc, patch), [doc]);
  const editable = !snapshot.readOnly && !publishedByOthers;

  // Letters someone else typed into the headline arrive without a slug made from the whole
  // merged headline (theirs was made from what they had then): while the slug follows, each
  // page makes it from the headline it shows, and all pages end on the same one.
  useEffect(() => {
    if (!slugFollows || !editable) return;
    const shared = readSharedMeta(doc); // the freshest (more may have arrived since the render)
    const slug = followingSlug(shared.slug, shared.title);
    if (slug !== shared.slug) writeSharedMeta(doc, { slug });
  }, [meta.slug, meta.title, slugFollows, editable, doc]);

  // A headline whose slug another article has: while the slug follows the headline, take the
  // next suffix (as "New article" does) instead of refusing every save of the draft.
  // (Each refusal is a new list: "storm-2" refused in turn moves on to "storm-3".)
  useEffect(() => {
    if (!slugFollows || !snapshot.errors.some((error) => error.path === 'slug')) return;
    const shared = readSharedMeta(doc);
    writeSharedMeta(doc, { slug: nextSlugToTry(shared.slug, shared.title) });
  }, [snapshot.errors, slugFollows, doc]);

  const readSnapshot = useCallback(
    (): ArticleDraft => ({
      ...readSharedMeta(doc),
      body: normalizeFootnotes(yXmlFragmentToProsemirrorJSON(bodyFragment(doc)) as JSONContent),
    }),
    [doc],
  );

  const onPublishingDone = useCallback(
    (stored: EditableArticle, action: PublishingAction) => {
      setPublication(publicationOf(stored));
      if (stored.live) setSlugFollows(false);
      // Discard replaced the working copy: the server puts it into the shared document.
      if (action === 'discard') session.takeWorkingCopy();
      else if (stored.publishedAt && !readSharedMeta(doc).publishedAt)
        writeSharedMeta(doc, { publishedAt: stored.publishedAt });
    },
    [doc, session],
  );

  const section = sections.find((candidate) => candidate.id === meta.sectionId) ?? null;
  const readerPath = section ? articlePath({ slug: meta.slug, section }) : null;
  // Read-only now, the server takes none of what was typed since: not "Syncing…" for ever.
  const refusedEdits = !editable && syncLabel(snapshot.sync) === 'syncing';
  const syncStatus = (
    <p
      className={`save-status sync-${refusedEdits ? 'invalid' : syncLabel(snapshot.sync)}`}
      role="status"
      aria-live="polite"
    >
      {refusedEdits
        ? 'Not saved: the article is read-only for you now'
        : syncStatusText(snapshot.sync)}
    </p>
  );

  return (
    <div className="article-editor edit-page">
      <div className="edit-canvas">
        <PreviewPanel
          articleId={article.id}
          read={readSnapshot}
          sections={sections}
          onOpenChange={setPreviewing}
        />
        <div className="edit-writing" hidden={previewing} ref={writing}>
          {publishedByOthers && (
            <p role="alert" className="editor-notice">
              An editor has{' '}
              {publication.status === ARTICLE_STATUS.scheduled ? 'scheduled' : 'published'} this
              article ({publicationText(publication)}): it is read-only for you now.
            </p>
          )}
          <fieldset disabled={!editable} className="collab-fields" ref={canvasFields}>
            <CanvasFields
              meta={meta}
              section={section}
              slugFollows={slugFollows}
              errors={snapshot.errors}
              onChange={updateMeta}
            />
          </fieldset>
          {meta.leadImage && <LeadImageFigure image={meta.leadImage} />}
          {removedNote && (
            <div role="alert" className="editor-notice removed-note">
              <p>
                Someone else removed the note you were writing (they deleted its reference). Its
                text, to put back if it is still needed:
              </p>
              <blockquote>{removedNote.text || '(empty)'}</blockquote>
              <button type="button" onClick={() => setRemovedNote(null)}>
                Dismiss
              </button>
            </div>
          )}
          <ArticleBodyEditor
            initialContent={article.body}
            markerStyle={meta.markerStyle}
            onChange={() => undefined}
            editable={editable}
            chromeStart={syncStatus}
            collaboration={{
              doc,
              awareness: session.provider.awareness,
              user,
              writes: session.writes,
            }}
          />
        </div>
      </div>

      <aside className="edit-side" aria-label="Article settings">
        <section className="panel" aria-label="People here">
          <PeopleHere peers={snapshot.peers} />
        </section>
        <PublishingPanel
          articleId={article.id}
          publication={publication}
          canPublish={canPublish}
          draftPath={readerPath}
          dateline={meta.publishedAt}
          saveFirst={() => session.whenSaved()}
          baseVersion={() => session.snapshot.version}
          onDone={onPublishingDone}
          onConflict={() => session.takeWorkingCopy()}
        />
        {editable && isDeletableDraft(publication) && (
          <DeleteDraftPanel
            articleId={article.id}
            settle={() => session.whenSaved()}
            baseVersion={() => session.snapshot.version}
            onConflict={() => session.takeWorkingCopy()}
          />
        )}
        <fieldset disabled={!editable} className="collab-fields">
          <ArticleDetailPanels
            articleId={article.id}
            meta={meta}
            sections={sections}
            errors={snapshot.errors}
            onChange={updateMeta}
            onSlugEdited={() => {
              setSlugFollows(false);
              markSlugTypedByHand(doc);
            }}
            relatedNotice={relatedNotice}
            onDismissRelatedNotice={() => setRelatedNotice(null)}
            relatedTitleOf={relatedTitleOf}
          />
        </fieldset>
        <HistoryPanel
          articleId={article.id}
          sections={sections}
          read={readSnapshot}
          beforeRestore={async () => ((await session.whenSaved()) === null ? 'saved' : 'failed')}
          baseVersion={() => session.snapshot.version}
          onRestored={() => session.takeWorkingCopy()}
          onConflict={() => session.takeWorkingCopy()}
        />
      </aside>
    </div>
  );
}
