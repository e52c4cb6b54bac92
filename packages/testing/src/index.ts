// @newsroom/testing: what the e2e journeys, integration tests and benchmarks share.
export { freePort } from './free-port';
export { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './chromium';
export {
  openRedirectCorpus,
  countByKind,
  type RedirectPayload,
  type RedirectPayloadKind,
} from './open-redirect-corpus';
export {
  APPS,
  startApp,
  startAppServer,
  startBothApps,
  startTogether,
  type AppName,
  type AppServer,
  type AppServerOptions,
} from './app-server';
export { formFields, multipart, postPageForm, redirectTarget } from './html-forms';
export { threadNiceValues } from './thread-priority';
export { APP_READY_WITHIN_MS, STATE_WAIT_MS } from './waiting';
