// @newsroom/collab/server: the collaboration server (Node only; the browser imports the package's
// main entry, which holds the shared document's shape and nothing of the server).
export { createCollabServer, STORE_DEBOUNCE_MS, STORE_MAX_DEBOUNCE_MS } from './collab-server';
export type { CollabServer, CollabServerOptions } from './collab-server';
