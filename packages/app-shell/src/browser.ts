// `@newsroom/app-shell/browser`: the client components both apps share (no Node imports).
export { UnavailableErrorPage } from './error-page/UnavailableErrorPage';
export { focusFirstProblem, useFocusOnError } from './forms/focus-on-error';
