/**
 * The page the editor benchmark types into. `?editor=react` mounts the real ArticleBodyEditor
 * (React 19, production build); `?editor=bare` mounts a plain Tiptap Editor with the same
 * extensions and CSS and no React, as the baseline; `?editor=collab&collab=<ws url>&article=<id>`
 * mounts ArticleBodyEditor on the shared document through the edit page's own CollabSession
 * (provider + IndexedDB copy). `&doc=long|empty` picks the article (collab: the server's).
 */
import type { Editor, JSONContent } from '@tiptap/core';
import { Editor as TiptapEditor } from '@tiptap/core';
import { footnoteEditorCss } from '@newsroom/article';
import { colorFor } from '@newsroom/collab';
import { createRoot } from 'react-dom/client';
import { ArticleBodyEditor } from '../../../apps/editor/src/newsroom/body-editor/ArticleBodyEditor';
import { CollabSession } from '../../../apps/editor/src/newsroom/collab/collab-session';
import { createBodyEditorExtensions } from '../../../apps/editor/src/newsroom/body-editor/body-editor-extensions';
import { buildLongArticle, EMPTY_ARTICLE } from '../long-article';
import { startKeyLatencyProbe, type KeyLatencyProbe } from './key-latency';
import { startRemoteLatency, type RemoteLatency } from './remote-latency';

declare global {
  interface Window {
    bench: {
      ready: Promise<void>;
      /** Puts the caret in the middle of the document and scrolls it to mid-window. */
      placeCaretMid(): Promise<void>;
      probe(): KeyLatencyProbe;
      remote(): RemoteLatency;
      /** Another person typing: a letter at the start of the article every `everyMs`. */
      typeElsewhere(everyMs: number): void;
    };
  }
}

const params = new URLSearchParams(location.search);
const content: JSONContent =
  params.get('doc') === 'long'
    ? buildLongArticle({ images: Number(params.get('images') ?? 20) }).doc
    : EMPTY_ARTICLE;
const host = document.getElementById('root') as HTMLElement;

function mountReact(): void {
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  createRoot(host).render(
    <ArticleBodyEditor
      initialContent={content}
      markerStyle="symbols"
      // What the edit page does on a change: (re)arm the autosave timer, nothing more.
      onChange={(readDocument) => {
        clearTimeout(autosaveTimer);
        autosaveTimer = setTimeout(() => readDocument(), 60_000);
      }}
    />,
  );
}

/** As the edit page under co-editing: the body comes from the server, never from `content`. */
function mountCollab(url: string, articleId: string): void {
  const name = params.get('name') ?? 'Bench';
  const user = { name, color: colorFor(name) };
  const session = new CollabSession(
    url,
    { id: articleId, version: 1, hasUnpublishedChanges: false },
    user,
    user.name,
  );
  const unsubscribe = session.subscribe(() => {
    if (!session.snapshot.ready) return;
    unsubscribe();
    createRoot(host).render(
      <ArticleBodyEditor
        initialContent={EMPTY_ARTICLE}
        markerStyle="symbols"
        onChange={() => undefined}
        collaboration={{
          doc: session.doc,
          awareness: session.provider.awareness,
          user,
          writes: session.writes,
        }}
      />,
    );
  });
}

function mountBare(): void {
  const style = document.createElement('style');
  style.textContent = footnoteEditorCss;
  document.head.append(style);
  host.innerHTML = '<div class="body-editor"><div class="body-editor-surface"></div></div>';
  const noop = () => undefined;
  new TiptapEditor({
    element: host.querySelector('.body-editor-surface') as HTMLElement,
    extensions: createBodyEditorExtensions({
      markerStyle: 'symbols',
      shortcuts: { openLinkDialog: noop, openNotePicker: noop, focusToolbar: noop },
    }),
    content,
    editorProps: { attributes: { class: 'body-editor-content' } },
  });
}

function editorInPage(): Editor {
  const dom = document.querySelector('.ProseMirror') as (HTMLElement & { editor?: Editor }) | null;
  if (!dom?.editor) throw new Error('editor not mounted');
  return dom.editor;
}

async function whenMounted(): Promise<void> {
  while (!document.querySelector('.ProseMirror')) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

const collabUrl = params.get('collab');
if (params.get('editor') === 'bare') mountBare();
else if (params.get('editor') === 'collab' && collabUrl)
  mountCollab(collabUrl, params.get('article') ?? '');
else mountReact();

window.bench = {
  ready: whenMounted(),
  async placeCaretMid() {
    const editor = editorInPage();
    const { doc } = editor.state;
    // The middle of the middle paragraph, between two words.
    const middle = doc.child(Math.floor((doc.childCount - 1) / 2));
    let offset = 0;
    doc.forEach((_node, at, index) => {
      if (index === Math.floor((doc.childCount - 1) / 2)) offset = at;
    });
    const text = middle.textContent;
    const space = text.indexOf(' ', Math.floor(text.length / 2));
    const pos = offset + 1 + Math.max(0, space);
    editor.chain().focus().setTextSelection(pos).run();
    const coords = editor.view.coordsAtPos(pos);
    window.scrollBy(0, coords.top - window.innerHeight / 2);
    // Tiptap's focus command focuses the editor in the next animation frame: a key pressed
    // before that went to the page, not the editor (the bench then waited for a screen update
    // that never came, the key lost; seen at the first key of a co-editing case).
    while (!editor.view.hasFocus()) await new Promise((resolve) => requestAnimationFrame(resolve));
  },
  probe: () => startKeyLatencyProbe(document.querySelector('.ProseMirror') as HTMLElement),
  remote: () => startRemoteLatency(document.querySelector('.ProseMirror') as HTMLElement),
  typeElsewhere(everyMs) {
    const editor = editorInPage();
    setInterval(() => editor.view.dispatch(editor.state.tr.insertText('x', 1)), everyMs);
  },
};
