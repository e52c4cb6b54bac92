'use client';
import { articlePath, normalizeFootnotes } from '@newsroom/article';
import type { EditableArticle } from '@newsroom/editorial';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { bodyFragment } from '@newsroom/collab';
import { useCallback, useEffect, useState } from 'react';
import { ArticleBodyEditor } from '../body-editor/ArticleBodyEditor';
import type { Section } from '../editor/ArticleEditorForm';
import type { PublishingAction } from '../editor/api-client';
import { slugFollowsTitle, type ArticleDraft, type DraftMeta } from '../editor/draft';
import { HistoryPanel } from '../editor/HistoryPanel';
import { MetadataFields } from '../editor/MetadataFields';
import { PreviewPanel } from '../editor/PreviewPanel';
import { publicationOf } from '../editor/publication';
import { PublishingPanel } from '../editor/PublishingPanel';
import { RelatedLinksPanel } from '../editor/RelatedLinksPanel';
import type { CollabUser } from './collab-carets';
import type { CollabSession, CollabSnapshot } from './collab-session';
import { PeopleHere } from './PeopleHere';
import { observeSharedMeta, readSharedMeta, writeSharedMeta } from './shared-fields';
import { syncLabel, syncStatusText } from './sync-status';

interface Props {
  article: EditableArticle;
  sections: Section[];
  canPublish: boolean;
  user: CollabUser;
  session: CollabSession;
  snapshot: CollabSnapshot;
}

/**
 * The edit page under live co-editing: every field and the body live in the shared document,
 * so there is no save request and no conflict panel; the collaboration server writes the
 * working copy. Publishing actions work on the version it last wrote.
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
  const [slugFollows, setSlugFollows] = useState(() => slugFollowsTitle(article));
  const [publication, setPublication] = useState(() => publicationOf(article));

  useEffect(() => observeSharedMeta(doc, () => setMeta(readSharedMeta(doc))), [doc]);
  useEffect(() => {
    setPublication((current) =>
      current.hasUnpublishedChanges === snapshot.hasUnpublishedChanges || !current.live
        ? current
        : { ...current, hasUnpublishedChanges: snapshot.hasUnpublishedChanges },
    );
  }, [snapshot.hasUnpublishedChanges]);

  const updateMeta = useCallback((patch: Partial<DraftMeta>) => writeSharedMeta(doc, patch), [doc]);

  const readSnapshot = useCallback(
    (): ArticleDraft => ({
      ...readSharedMeta(doc),
      body: normalizeFootnotes(yXmlFragmentToProsemirrorJSON(bodyFragment(doc))),
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
  const label = syncLabel(snapshot.sync);
  const editable = !snapshot.readOnly;

  return (
    <div className="article-editor">
      <div className="editor-toolbar-row">
        <p className={`save-status sync-${label}`} role="status" aria-live="polite">
          {syncStatusText(snapshot.sync)}
        </p>
        <PeopleHere peers={snapshot.peers} />
      </div>

      <PublishingPanel
        articleId={article.id}
        publication={publication}
        canPublish={canPublish}
        draftPath={readerPath}
        dateline={meta.publishedAt}
        saveFirst={() => session.whenSaved()}
        baseVersion={() => session.snapshot.version}
        onDone={onPublishingDone}
        onConflict={() => undefined}
      />

      <fieldset disabled={!editable} className="collab-fields">
        <MetadataFields
          meta={meta}
          sections={sections}
          slugFollows={slugFollows}
          errors={[]}
          onChange={updateMeta}
          onSlugEdited={() => setSlugFollows(false)}
        />
      </fieldset>

      <div className="body-field">
        <span className="field-label" id="body-label">
          Body
        </span>
        <ArticleBodyEditor
          initialContent={article.body}
          markerStyle={meta.markerStyle}
          onChange={() => undefined}
          editable={editable}
          collaboration={{ doc, awareness: session.provider.awareness, user }}
        />
      </div>

      <RelatedLinksPanel
        articleId={article.id}
        related={meta.related}
        onChange={(related) => updateMeta({ related })}
      />

      <PreviewPanel articleId={article.id} read={readSnapshot} sections={sections} />

      <HistoryPanel
        articleId={article.id}
        sections={sections}
        beforeRestore={async () => ((await session.whenSaved()) === null ? 'saved' : 'failed')}
        baseVersion={() => session.snapshot.version}
        onRestored={() => session.takeWorkingCopy()}
        onConflict={() => undefined}
      />
    </div>
  );
}
