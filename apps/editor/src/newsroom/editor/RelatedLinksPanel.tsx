'use client';
import { ARTICLE_LIMITS, linkedArticleIds } from '@newsroom/article';
import type { RelatedEntry } from '@newsroom/editorial';
import { useEffect, useState } from 'react';
import { DismissibleNotice } from '../notice/DismissibleNotice';
import { searchPublished, type PublishedMatch } from './api-client';
import { relatedUrlProblem } from './draft';

interface Props {
  articleId: string;
  related: RelatedEntry[];
  onChange: (related: RelatedEntry[]) => void;
  /** Entries left out on opening the article (their address is now refused), and why. */
  notice: string | null;
  onDismissNotice: () => void;
  /** The title to show for an entry (by default its own). */
  titleOf?: (entry: RelatedEntry) => string;
}

const MAX_RELATED = ARTICLE_LIMITS.maxRelatedLinks;

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

export function RelatedLinksPanel({
  articleId,
  related,
  onChange,
  notice,
  onDismissNotice,
  titleOf = (entry) => entry.title,
}: Props) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PublishedMatch[]>([]);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [externalError, setExternalError] = useState<string | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);

  useEffect(() => {
    if (!query.trim()) {
      setMatches([]);
      return;
    }
    const timer = setTimeout(() => {
      searchPublished(query, articleId)
        .then((results) => {
          setMatches(results);
          setSearchError(null);
        })
        .catch((error: Error) => setSearchError(`Search failed: ${error.message}`));
    }, 250);
    return () => clearTimeout(timer);
  }, [query, articleId]);

  const linkedIds = new Set(linkedArticleIds(related));
  const full = related.length >= MAX_RELATED;

  function addExternal() {
    const problem = relatedUrlProblem(url) ?? (title.trim() ? null : 'Give the link a title');
    setExternalError(problem);
    if (problem || full) return;
    onChange([...related, { url: url.trim(), title: title.trim() }]);
    setUrl('');
    setTitle('');
  }

  return (
    <section className="panel related-panel" aria-labelledby="related-panel-heading">
      <h2 id="related-panel-heading">Related links</h2>
      <DismissibleNotice className="related-notice" notice={notice} onDismiss={onDismissNotice} />
      {related.length === 0 ? (
        <p>No related links yet.</p>
      ) : (
        <ol className="related-list">
          {related.map((entry, index) => (
            <li
              key={'articleId' in entry ? `a:${entry.articleId}` : `u:${entry.url}:${index}`}
              draggable
              onDragStart={() => setDragged(index)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={() => {
                if (dragged !== null) onChange(move(related, dragged, index));
                setDragged(null);
              }}
            >
              <span className="related-title">{titleOf(entry)}</span>{' '}
              <span className="related-kind">
                {'articleId' in entry
                  ? entry.href
                    ? 'article'
                    : 'article (not published)'
                  : entry.url}
              </span>
              <span className="related-actions">
                <button
                  type="button"
                  aria-label={`Move up: ${titleOf(entry)}`}
                  disabled={index === 0}
                  onClick={() => onChange(move(related, index, index - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move down: ${titleOf(entry)}`}
                  disabled={index === related.length - 1}
                  onClick={() => onChange(move(related, index, index + 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`Remove: ${titleOf(entry)}`}
                  onClick={() => onChange(related.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {full && <p>The list is full ({MAX_RELATED} links).</p>}

      <div className="related-add">
        <label>
          Find a published article
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        {searchError && <p role="alert">{searchError}</p>}
        {matches.length > 0 && (
          <ul className="related-matches" aria-label="Matching articles">
            {matches.map((match) => (
              <li key={match.id}>
                {match.title} <small>({match.section})</small>{' '}
                <button
                  type="button"
                  aria-label={`Add: ${match.title}`}
                  disabled={linkedIds.has(match.id) || full}
                  onClick={() =>
                    onChange([
                      ...related,
                      { articleId: match.id, title: match.title, href: match.href },
                    ])
                  }
                >
                  {linkedIds.has(match.id) ? 'Added' : 'Add'}
                </button>
              </li>
            ))}
          </ul>
        )}
        {query.trim() && matches.length === 0 && !searchError && (
          <p>No published article matches.</p>
        )}
      </div>

      <div className="related-add">
        <label>
          External URL
          <input
            type="url"
            value={url}
            placeholder="https://"
            onChange={(event) => setUrl(event.target.value)}
            aria-describedby="external-error"
          />
        </label>
        <label>
          Link title
          <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <button type="button" onClick={addExternal} disabled={full}>
          Add link
        </button>
        {externalError && (
          <span id="external-error" className="field-error" role="alert">
            {externalError}
          </span>
        )}
      </div>
    </section>
  );
}
