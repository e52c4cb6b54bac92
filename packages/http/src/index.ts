// HTTP concerns that both apps share, written once: the client address behind proxies, security
// headers, reading JSON bodies, and the one error shape of every API.
export {
  ApiError,
  isApiError,
  errorBody,
  errorResponse,
  jsonResponse,
  type ErrorBody,
  type FieldErrors,
} from './errors/api-error';
export {
  toErrorResponse,
  unavailableResponse,
  UNAVAILABLE_MESSAGE,
} from './errors/to-error-response';
export {
  readJsonBody,
  readBodyWithLimit,
  assertJsonContentType,
  findLoneSurrogate,
  DEFAULT_JSON_BODY_LIMIT_BYTES,
  type ReadJsonOptions,
} from './json-body/read-json-body';
export {
  registerDatabaseProbe,
  noteDatabaseFailure,
  isDatabaseMarkedDown,
  unavailableAnswer,
} from './unavailable/availability-gate';
export {
  isDatabaseUnavailable,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from './unavailable/database-unavailable';
export {
  CLIENT_ADDRESS_HEADER,
  clientAddressFromHeaders,
  resolveClientAddress,
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
export { applySecurityHeaders, servedOverHttps } from './security-headers/node-headers';
