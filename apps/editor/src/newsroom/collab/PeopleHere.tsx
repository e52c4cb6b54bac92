'use client';
import { safeColor } from '@newsroom/collab';
import type { Peer } from './collab-session';

/** Who else has the article open, in their caret colours. */
export function PeopleHere({ peers }: { peers: Peer[] }) {
  if (peers.length === 0) return <p className="people-here">Only you are in this article</p>;
  return (
    <div className="people-here">
      <span>Also here:</span>
      <ul aria-label="Also in this article">
        {peers.map((peer) => (
          <li key={peer.clientId} style={{ color: safeColor(peer.user.color) }}>
            {peer.user.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
