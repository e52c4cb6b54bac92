'use client';
import { ARTICLE_STATUS, latestScheduleTime } from '@newsroom/article';
import type { EditableArticle } from '@newsroom/editorial';
import { useEffect, useId, useRef, useState } from 'react';
import { GetShortUrlButton } from '../../short-links/GetShortUrlButton';
import { articleAction, type PublishingAction } from './api-client';
import {
  addressChangeWarning,
  describeMoment,
  futureDatelineWarning,
  isoToLocalInput,
  localTimeWithZone,
  publicationText,
  readPublishAt,
  type Publication,
  type PublishAtReading,
} from './publication';

export interface PublishingPanelProps {
  articleId: string;
  publication: Publication;
  canPublish: boolean;
  /** Where the working copy would be read (its current slug and section), or null. */
  draftPath: string | null;
  /** The working copy's dateline (ISO), to warn when it is in the future. */
  dateline: string | null;
  /** Saves pending edits first; a reason when they could not be saved (nothing is published). */
  saveFirst: () => Promise<string | null>;
  baseVersion: () => number;
  /** The action worked: the stored article as it now is. */
  onDone: (article: EditableArticle, action: PublishingAction) => void;
  /** Someone saved first: nothing happened. */
  onConflict: (current: EditableArticle) => void;
}

const DONE: Record<PublishingAction, string> = {
  publish: 'Published.',
  unpublish: 'Unpublished: readers no longer see it.',
  discard: 'Changes discarded: the working copy is the live version again.',
  schedule: 'Scheduled.',
  unschedule: 'Unscheduled: it is a draft again.',
};

const VERB: Record<PublishingAction, string> = {
  publish: 'published',
  unpublish: 'unpublished',
  discard: 'discarded',
  schedule: 'scheduled',
  unschedule: 'unscheduled',
};

/**
 * Status and publication controls of one article: Publish now / Update, Discard changes,
 * Publish at / Update at / Unschedule, Unpublish, the live address with its short URL, and warnings about
 * an address change or a future dateline. First in the edit page's side panel.
 */
export function PublishingPanel(props: PublishingPanelProps) {
  const { articleId, publication, canPublish, draftPath, dateline } = props;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The button pressed is often gone afterwards ("Publish now" becomes "Update"): a keyboard or
  // screen-reader user would be thrown back to the top of the page. The outcome takes the focus.
  useEffect(() => {
    if (notice && (!document.activeElement || document.activeElement === document.body)) {
      noticeRef.current?.focus();
    }
  }, [notice]);
  const [publishAt, setPublishAt] = useState('');
  // When the time typed happens twice (the clocks go back), which of the two the editor chose:
  // none at first (Schedule waits for it), and kept while they adjust the minutes.
  const [occurrence, setOccurrence] = useState<Occurrence | null>(null);
  const publishAtId = useId();
  const isLive = publication.status === ARTICLE_STATUS.published;
  const isScheduled = publication.scheduledAt !== null;
  // "Publish at" a draft, or "Update at" a live article with changes to publish.
  const canSchedule = !isLive || publication.hasUnpublishedChanges;
  const publishAtReading = readPublishAt(publishAt);
  const publishAtIso = chosenMoment(publishAtReading, occurrence);

  async function run(action: PublishingAction, extra: Record<string, unknown> = {}) {
    setBusy(true);
    setNotice(null);
    try {
      const unsaved = await props.saveFirst();
      if (unsaved) return setNotice(`Not ${VERB[action]}: save your changes first (${unsaved})`);
      const result = await articleAction(articleId, action, props.baseVersion(), extra);
      if (result.kind === 'conflict') props.onConflict(result.current);
      else if (result.kind === 'failed') setNotice(`Not ${VERB[action]}: ${result.reason}`);
      else {
        props.onDone(result.article, action);
        if (action === 'publish' && isLive) setNotice('Updated: readers now see your changes.');
        else setNotice(DONE[action]);
        if (action === 'schedule') setPublishAt('');
      }
    } finally {
      setBusy(false);
    }
  }

  const addressWarning = addressChangeWarning(publication, draftPath);
  const datelineWarning = canPublish ? futureDatelineWarning(publication, dateline) : null;

  return (
    <section
      className="panel publication-panel publishing-panel"
      aria-labelledby="publication-heading"
    >
      <h2 id="publication-heading">
        Publishing{' '}
        <span className={`status status-${publication.status}`}>{publication.status}</span>
      </h2>
      <p className="publication-state">
        <span className="publication-text" data-testid="publication-text">
          {publicationText(publication)}
        </span>
      </p>

      {publication.live && (
        <p className="publication-live">
          <a href={publication.live.path} target="_blank" rel="noopener">
            View on site
          </a>{' '}
          <GetShortUrlButton articleId={articleId} />
        </p>
      )}

      {addressWarning && (
        <p className="publishing-warning" role="note" data-testid="address-warning">
          {addressWarning}
        </p>
      )}
      {datelineWarning && (
        <p className="publishing-warning" role="note" data-testid="dateline-warning">
          {datelineWarning}
        </p>
      )}

      {canPublish && (
        <div className="panel-actions">
          {isLive ? (
            <>
              <button
                type="button"
                disabled={busy || !publication.hasUnpublishedChanges}
                onClick={() => run('publish')}
              >
                Update
              </button>
              <button
                type="button"
                disabled={busy || !publication.hasUnpublishedChanges}
                onClick={() => run('discard')}
              >
                Discard changes
              </button>
              <button type="button" disabled={busy} onClick={() => run('unpublish')}>
                Unpublish
              </button>
            </>
          ) : (
            <button type="button" disabled={busy} onClick={() => run('publish')}>
              Publish now
            </button>
          )}
          {isScheduled && (
            <button type="button" disabled={busy} onClick={() => run('unschedule')}>
              Unschedule
            </button>
          )}
          {canSchedule && (
            <div className="publish-at">
              <label htmlFor={publishAtId}>
                {isLive ? 'Update at' : 'Publish at'} (your local time)
              </label>
              <input
                id={publishAtId}
                type="datetime-local"
                step={1}
                value={publishAt}
                min={isoToLocalInput(new Date().toISOString())}
                max={isoToLocalInput(latestScheduleTime(new Date()).toISOString())}
                onChange={(event) => setPublishAt(event.target.value)}
              />
              {publishAtIso && (
                <span className="publish-at-gmt" data-testid="publish-at-gmt">
                  = {describeMoment(publishAtIso).gmt}
                </span>
              )}
              <ClockChangeHint
                reading={publishAtReading}
                occurrence={occurrence}
                onChoose={setOccurrence}
              />
              <button
                type="button"
                disabled={busy || !publishAtIso}
                onClick={() => run('schedule', { publishAt: publishAtIso })}
              >
                {isScheduled ? 'Reschedule' : 'Schedule'}
              </button>
            </div>
          )}
        </div>
      )}

      {notice && (
        <p role="alert" className="editor-notice" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      )}
    </section>
  );
}

/** The first or the second of a time that happens twice. */
type Occurrence = 0 | 1;

function chosenMoment(reading: PublishAtReading, occurrence: Occurrence | null): string | null {
  switch (reading.kind) {
    case 'none':
      return null;
    case 'repeated':
      return occurrence === null ? null : reading.choices[occurrence];
    default:
      return reading.iso;
  }
}

/** When the clocks change at the time typed: what it will be, or which of its two occurrences. */
function ClockChangeHint(props: {
  reading: PublishAtReading;
  occurrence: Occurrence | null;
  onChoose: (occurrence: Occurrence) => void;
}) {
  const { reading } = props;
  const name = useId();
  if (reading.kind === 'skipped') {
    return (
      <p className="publish-at-hint" role="status">
        {reading.hint}
      </p>
    );
  }
  if (reading.kind !== 'repeated') return null;
  return (
    <fieldset className="publish-at-hint">
      <legend>The clocks go back that night: this time happens twice. Which one?</legend>
      {reading.choices.map((iso, index) => (
        <label key={iso}>
          <input
            type="radio"
            name={name}
            checked={props.occurrence === index}
            onChange={() => props.onChoose(index === 0 ? 0 : 1)}
          />{' '}
          {localTimeWithZone(iso)} ({index === 0 ? 'before' : 'after'} the change,{' '}
          {describeMoment(iso).gmt})
        </label>
      ))}
    </fieldset>
  );
}
