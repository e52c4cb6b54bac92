// `@newsroom/app-shell`: what both Next.js apps share as their shell, written once. This entry holds
// the server hooks; `./config` is the base next.config (loaded by Next before any bundling, so it
// imports nothing but Node) and `./browser` the client components.
export { register, onRequestError } from './instrumentation/availability-hooks';
