/**
 * Another person typing in the article from their own computer: a Yjs client over the real
 * collaboration server (as a browser connects: session cookie, Origin, awareness with a caret),
 * inserting a letter at the start of the article every `everyMs`, as the second browser's
 * `typeElsewhere` does. Their editor's rendering runs on their machine, so it is not charged to
 * this one's two cores, where it would compete with the browser being measured.
 */
import { bodyFragment, colorFor } from '@newsroom/collab';
import { connectClient } from '@newsroom/collab/testing';
import * as Y from 'yjs';
import type { CollabFixture } from './collab-fixture';

export interface RemoteTypist {
  /** Stops typing: how many letters were typed, and the text where they were typed. */
  stopTyping(): { typed: number; text: string };
  close(): void;
}

export async function startRemoteTypist(
  fixture: CollabFixture,
  articleId: string,
  origin: string,
  everyMs: number,
): Promise<RemoteTypist> {
  const client = connectClient({
    url: fixture.url,
    articleId,
    sessionToken: fixture.cookie.value,
    origin,
  });
  await client.authenticated;
  await new Promise<void>((resolve) => {
    if (client.provider.isSynced) return resolve();
    client.provider.on('synced', () => resolve());
  });
  client.provider.setAwarenessField('user', { name: 'Other', color: colorFor('other') });
  const firstText = firstTextOf(bodyFragment(client.doc));
  let typed = 0;
  const typeOne = () => {
    firstText.insert(0, 'x');
    typed++;
    // Their caret after the letter, as y-prosemirror announces it (relative positions).
    const caret = Y.createRelativePositionFromTypeIndex(firstText, 1);
    client.provider.setAwarenessField('cursor', { anchor: caret, head: caret });
  };
  const timer = setInterval(typeOne, everyMs);
  return {
    stopTyping() {
      clearInterval(timer);
      const text = firstText
        .toDelta()
        .map((part: { insert: unknown }) => (typeof part.insert === 'string' ? part.insert : ''))
        .join('');
      return { typed, text };
    },
    close: () => {
      clearInterval(timer);
      client.provider.destroy();
    },
  };
}

/** The text of the article's first paragraph (where the second browser types too). */
function firstTextOf(fragment: Y.XmlFragment): Y.XmlText {
  const first = fragment.get(0);
  const text = first instanceof Y.XmlElement ? first.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error('the article does not start with text');
  return text;
}
