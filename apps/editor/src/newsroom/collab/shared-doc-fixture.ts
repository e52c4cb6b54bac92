// Test helper (not part of the app): a shared document holding `body`, as the collaboration
// server seeds it from a working copy.
import { articleToYDoc } from '@newsroom/collab';
import type { JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';

export function sharedDocWithBody(body: JSONContent): Y.Doc {
  return articleToYDoc({
    title: 'Shared',
    slug: 'shared',
    sectionId: 'section',
    standfirst: '',
    markerStyle: 'numeric',
    publishedAt: null,
    leadImage: null,
    body,
    related: [],
  });
}
