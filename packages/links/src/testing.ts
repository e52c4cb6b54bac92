// @newsroom/links/testing: fixtures shared by this package's tests and the shortener's
// integration tests (not part of the package's runtime API).
import { DEFAULT_CLICK_FLUSH_MS } from './config';

export { DESTINATION_CORPUS } from './validation/destination-corpus';

/** How long a test waits for a redirect's click to be written: the default flush interval, and slack. */
export const CLICKS_WRITTEN_WITHIN_MS = 3 * DEFAULT_CLICK_FLUSH_MS;
