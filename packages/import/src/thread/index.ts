// @newsroom/import/thread: what the editor's server needs to convert documents off its own thread
// (see import-thread.ts), without loading the converters themselves.
export { createImportThread, type ImportThread, type ImportThreadSettings } from './import-thread';
export { convertDocumentsOn } from './process-import-thread';
