'use client';
import { GetShortUrlButton } from '../../short-links/GetShortUrlButton';

interface Props {
  articleId: string;
  status: 'draft' | 'published';
  canPublish: boolean;
  busy: boolean;
  notice: string | null;
  readerPath: string | null;
  onPublish: () => void;
  onUnpublish: () => void;
}

/**
 * Publishing, first in the side panel. A self-contained block so a richer publishing component
 * (update, discard, publish at a time) can take its place without touching the page layout.
 */
export function PublicationPanel({
  articleId,
  status,
  canPublish,
  busy,
  notice,
  readerPath,
  onPublish,
  onUnpublish,
}: Props) {
  return (
    <section className="panel publication-panel" aria-labelledby="publication-heading">
      <h2 id="publication-heading">
        Publishing <span className={`status status-${status}`}>{status}</span>
      </h2>
      <div className="panel-actions">
        {canPublish &&
          (status === 'published' ? (
            <button type="button" disabled={busy} onClick={onUnpublish}>
              Unpublish
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={onPublish}>
              Publish
            </button>
          ))}
        {status === 'published' && readerPath && (
          <a href={readerPath} target="_blank" rel="noopener">
            View on site
          </a>
        )}
      </div>
      {status === 'published' && <GetShortUrlButton articleId={articleId} />}
      {notice && (
        <p role="alert" className="editor-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
