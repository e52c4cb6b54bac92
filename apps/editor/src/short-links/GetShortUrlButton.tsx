'use client';
import { apiErrorMessage } from '@newsroom/http/browser';
import { useId, useRef, useState, type FormEvent } from 'react';
import { shortLinkRequestPath } from './paths';

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; shortUrl: string; copied: boolean }
  | { kind: 'error'; message: string };

/**
 * Marks the form once React has taken it over (`data-enhanced`): from then on a click stays on
 * the page. Set on the element, not rendered, so the cached server HTML stays as it is.
 */
function markEnhanced(form: HTMLFormElement | null): void {
  form?.setAttribute('data-enhanced', '');
}

/**
 * "Get short URL". A plain form first: before the page has hydrated, or without JavaScript, the
 * browser posts it and the server answers with a page showing the short URL. Once hydrated, the
 * submit is taken over: the link is fetched and shown here with a Copy button.
 */
export function GetShortUrlButton({ articleId }: { articleId: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  async function fetchShortUrl() {
    setState({ kind: 'loading' });
    try {
      const response = await fetch(shortLinkRequestPath(articleId), {
        method: 'POST',
        headers: { accept: 'application/json' },
      });
      const body = (await response.json().catch(() => null)) as { shortUrl?: string } | null;
      if (!response.ok || !body?.shortUrl) {
        throw new Error(
          apiErrorMessage(body, response.status, 'Could not get a short URL; please try again.'),
        );
      }
      setState({ kind: 'ready', shortUrl: body.shortUrl, copied: false });
    } catch (error) {
      const message =
        error instanceof TypeError
          ? 'You seem to be offline; please try again.'
          : (error as Error).message;
      setState({ kind: 'error', message });
    }
  }

  async function copy(shortUrl: string) {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(shortUrl);
    } catch {
      // Clipboard API unavailable (e.g. plain http): the selected text can still be copied.
      document.execCommand('copy');
    }
    setState({ kind: 'ready', shortUrl, copied: true });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.kind !== 'loading') void fetchShortUrl();
  }

  return (
    <form
      className="short-url"
      method="post"
      action={shortLinkRequestPath(articleId)}
      onSubmit={onSubmit}
      ref={markEnhanced}
    >
      {state.kind === 'ready' ? (
        <>
          <label htmlFor={inputId}>Short URL</label>{' '}
          <input
            id={inputId}
            ref={inputRef}
            type="text"
            readOnly
            value={state.shortUrl}
            onFocus={(event) => event.currentTarget.select()}
            size={Math.max(20, state.shortUrl.length)}
          />{' '}
          <button type="button" onClick={() => void copy(state.shortUrl)}>
            Copy
          </button>
        </>
      ) : (
        <button
          type="submit"
          disabled={state.kind === 'loading'}
          aria-busy={state.kind === 'loading'}
        >
          {state.kind === 'loading' ? 'Getting short URL…' : 'Get short URL'}
        </button>
      )}
      <span role="status" aria-live="polite">
        {state.kind === 'ready' && state.copied ? ' Copied to clipboard.' : ''}
      </span>
      {state.kind === 'error' && (
        <p role="alert" className="short-url-error">
          {state.message}
        </p>
      )}
    </form>
  );
}
