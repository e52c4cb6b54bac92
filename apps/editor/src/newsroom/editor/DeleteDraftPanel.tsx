'use client';
import type { EditableArticle } from '@newsroom/editorial';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ARTICLES_AFTER_DELETE_PATH } from '../newsroom-paths';
import { deleteDraftRequest } from './api-client';

export interface DeleteDraftPanelProps {
  articleId: string;
  /** Lets saves in flight land first, so the delete is based on the version really stored. */
  settle: () => Promise<unknown>;
  baseVersion: () => number;
  /** Someone saved since: nothing was deleted. */
  onConflict: (current: EditableArticle) => void;
  /** Deleted: forget what this page keeps of it (backups) before leaving. */
  onDeleted?: () => void;
}

/**
 * "Delete draft", for a draft never published nor scheduled. Asks first, in place: the button
 * becomes "Really delete this draft? Yes, delete / No, keep it", with the focus on the answer
 * (Escape or No puts it back on the button). Deleted, the page goes to the article list.
 */
export function DeleteDraftPanel(props: DeleteDraftPanelProps) {
  const { articleId } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (confirming) yesButton.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  async function deleteNow() {
    setBusy(true);
    setNotice(null);
    try {
      await props.settle();
      const result = await deleteDraftRequest(articleId, props.baseVersion());
      if (result.kind === 'deleted') {
        props.onDeleted?.();
        window.location.assign(ARTICLES_AFTER_DELETE_PATH);
        return;
      }
      setConfirming(false);
      if (result.kind === 'conflict') {
        props.onConflict(result.current);
        setNotice(
          'Not deleted: someone saved this draft since you opened it. Look at it again, then delete it if you still want to.',
        );
      } else setNotice(`Not deleted: ${result.reason}`);
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) setConfirming(false);
  };

  return (
    <section className="panel delete-draft-panel" aria-label="Delete draft">
      {confirming ? (
        <div role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
          <p id={questionId}>
            Really delete this draft? Its text and history are gone for good; its images stay.
          </p>
          <div className="panel-actions">
            <button
              type="button"
              className="danger"
              ref={yesButton}
              disabled={busy}
              onClick={() => void deleteNow()}
            >
              Yes, delete
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              No, keep it
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          ref={deleteButton}
          onClick={() => {
            setNotice(null);
            setConfirming(true);
          }}
        >
          Delete draft
        </button>
      )}
      {notice && (
        <p role="alert" className="editor-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
