// @newsroom/reader-cache: reader pages (home, sections, articles) served from memory by the
// editor's front server, rendered once by Next.js per change, invalidated by exactly the changes
// that alter them, on every instance.
export {
  createReaderPageCache,
  isReaderPageRender,
  type ChangeChannel,
  type ReaderPageCache,
  type ReaderPageCacheOptions,
} from './cache/reader-page-cache';
export { isNotModified, weakEtag } from './cache/cached-page';
export { readerPageKey } from './cache/page-key';
export { withVisitorQuery } from './cache/redirect-query';
export { readerCacheSettingsFromEnv } from './cache/settings';
export { READER_RENDER_HEADER, recordPageDependencies } from './dependencies/render-registry';
export { articleTag, listTag, SECTIONS_TAG, type DependencyTag } from './dependencies/tags';
export { READER_PAGES_TOPIC, type ReaderPagesChange } from './changes/reader-pages-change';
export {
  connectReaderPagesAnnouncer,
  announceToOtherInstances,
  readerPagesChanged,
  type ChangePublisher,
  type ReaderPagesAnnouncer,
} from './changes/announce';
