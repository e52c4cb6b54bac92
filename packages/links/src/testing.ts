// @newsroom/links/testing: fixtures shared by this package's tests and the shortener's
// integration tests (not part of the package's runtime API).
export { DESTINATION_CORPUS } from './validation/destination-corpus';
