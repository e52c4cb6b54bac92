// @newsroom/testing: what the e2e journeys, integration tests and benchmarks share.
export { freePort } from './free-port';
export { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './chromium';
