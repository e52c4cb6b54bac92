// HTTP concerns that both apps share, written once: the client address behind proxies, security
// headers, reading JSON bodies, and the one error shape of every API.
export {
  ApiError,
  FORBIDDEN_CODE,
  isApiError,
  errorBody,
  errorResponse,
  jsonResponse,
  WHOLE_BODY_PATH,
  type ErrorBody,
  type FieldErrors,
} from './errors/api-error';
export { outageLog } from './logging/outage-log';
export {
  toErrorResponse,
  unavailableResponse,
  UNAVAILABLE_MESSAGE,
} from './errors/to-error-response';
export {
  readJsonBody,
  readBodyWithLimit,
  assertJsonContentType,
  assertStorableText,
  findUnstorableText,
  DEFAULT_JSON_BODY_LIMIT_BYTES,
  type ReadJsonOptions,
} from './json-body/read-json-body';
export {
  registerDatabaseProbe,
  noteDatabaseFailure,
  isDatabaseMarkedDown,
  confirmDatabaseDown,
  unavailableAnswer,
  unavailableReply,
  type UnavailableReply,
} from './unavailable/availability-gate';
export { answerUnavailableOnServerError } from './unavailable/server-error-gate';
export { answerUnsupportedMethod, SERVED_METHODS } from './methods/unsupported-method';
export {
  answerMethodNotAllowed,
  answerUnknownApiPath,
  NO_API_HERE_MESSAGE,
  readRouteMethods,
  type RouteMethods,
} from './methods/route-methods';
export { readerSiteUrl, shortenerSiteUrl } from './site-urls/site-urls';
export { portFromEnv } from './listen/listen-port';
export { exitOnListenFailure, listenFailureMessage } from './listen/listen-failure';
export {
  isDatabaseUnavailable,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from './unavailable/database-unavailable';
export {
  CLIENT_ADDRESS_HEADER,
  clientAddressFromHeaders,
  clientLimitKey,
  resolveClientAddress,
  servedOverHttps,
  stampClientAddress,
  trustedProxiesFromEnv,
  UNKNOWN_CLIENT,
} from './client-address/client-address';
export type { TrustedProxies } from './client-address/client-address';
export {
  contentSecurityPolicy,
  createCspNonce,
  scriptHashSource,
  securityHeaders,
  type PageAudience,
  type ScriptSources,
  type SecurityHeaderOptions,
} from './security-headers/security-headers';
export { inlineScriptHashes } from './security-headers/inline-scripts';
export { applySecurityHeaders } from './security-headers/node-headers';
export { pageNumber } from './paging/page-number';
export { toOriginForm } from './paths/request-target';
export {
  answerMalformedPath,
  hasMalformedPathEscape,
  MALFORMED_PATH_MESSAGE,
  NOT_A_PATH_MESSAGE,
  type MalformedPathOptions,
} from './paths/malformed-path';
