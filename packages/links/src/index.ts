// @newsroom/links: short links — validation, codes, the link store, the redirect hot path's cache,
// click batching and rate limits. The shortener app is a thin shell around this package.
export {
  DEFAULT_CLICK_FLUSH_MS,
  deletedCodeReserveDaysFromEnv,
  readShortenerConfig,
  type ShortenerConfig,
} from './config';
export { checkDestination, MAX_URL_LENGTH } from './validation/destination';
export {
  compileDestinationPolicy,
  type DestinationPolicy,
  type DestinationPolicyOptions,
} from './validation/destination-policy';
export { RESERVED_PATHS, isReservedPath } from './validation/reserved';
export {
  linkSchemas,
  fieldErrors,
  REDIRECT_TYPES,
  DEFAULT_REDIRECT_TYPE,
  ALIAS_MIN,
  ALIAS_CHARACTERS,
  ALIAS_MAX,
  EDITABLE_FIELDS,
  effectiveDestinationProblem,
  type RedirectType,
  type CreateLinkInput,
  type UpdateLinkInput,
  type LinkSchemas,
} from './validation/link-input';
export { mergeQuery, forwardedLocation } from './forwarding/merge-query';
export {
  applyUtm,
  UTM_FIELDS,
  UTM_PARAMETERS,
  UTM_VALUE_MAX,
  type UtmField,
  type UtmValues,
} from './forwarding/utm';
export {
  codeKeyOf,
  reconcileCaseKeys,
  caseClashMessage,
  type CaseClash,
  type CaseKeyReport,
} from './links/case-keys';
export {
  refusedDestinations,
  refusedDestinationsMessage,
  type RefusedDestination,
} from './links/destination-audit';
export {
  editLink,
  linkChanges,
  type LinkActor,
  type LinkChangeView,
  type LinkFieldChanges,
} from './links/link-edits';
export { CODE_ALPHABET, CODE_LENGTH, generateCode } from './codes/generate-code';
export { LinkError, isLinkError, type LinkErrorCode } from './links/link-errors';
export { DEFAULT_DELETED_CODE_RESERVE_DAYS, reserveDeletedCode } from './links/deleted-codes';
export {
  toLinkView,
  linkState,
  shortUrlOf,
  type LinkView,
  type ClickStats,
} from './links/link-view';
export {
  createLink,
  findArticleLink,
  findLink,
  findLinkOrThrow,
  clickStats,
  listLinks,
  updateLink,
  deleteLink,
  type CreateLinkOptions,
  type ListLinksQuery,
} from './links/link-service';
export { LinkResolver, type CachedLink } from './resolver/link-resolver';
export { ClickBuffer, utcDay } from './clicks/click-buffer';
export { DAY_MS } from './time/day';
export {
  createShortenerRuntime,
  getShortenerRuntime,
  LINK_CHANGES_TOPIC,
  type ShortenerRuntime,
} from './runtime/shortener-runtime';
export { announceArticleLinksChanged } from './runtime/article-link-changes';
export { UnknownCodeGuard } from './limits/unknown-code-guard';
export { createRedirectHandler, type RedirectHandlerOptions } from './http/redirect-handler';
export { escapeHtml } from './http/html-pages';
export {
  VISIT_DIMENSIONS,
  VISIT_DIMENSION_LABELS,
  VISIT_VALUES,
  DEVICE_TYPES,
  type VisitDimension,
  type DeviceType,
} from './visits/dimensions';
export { parseUserAgent } from './visits/user-agent';
export { referrerHost } from './visits/referrer';
export { countryLookup, COUNTRY_DB_PACKAGE, type CountryLookup } from './visits/country';
export { createVisitClassifier, type VisitClassifier } from './visits/visit-classifier';
export {
  statsQuerySchema,
  daysBetween,
  MAX_STATS_RANGE_DAYS,
  DEFAULT_STATS_RANGE_DAYS,
  STATS_FORMATS,
  type StatsRange,
  type StatsQuery,
} from './visits/stats-range';
export {
  visitStats,
  visitCsv,
  VISIT_CSV_COLUMNS,
  type VisitStats,
  type ValueCount,
} from './visits/visit-stats';
