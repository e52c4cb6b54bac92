export { hashPassword, verifyPassword } from './password';
export { randomToken, sha256 } from './tokens';
export {
  ROLES,
  isRole,
  hasRole,
  canPublish,
  canEditArticle,
  canSeeArticle,
  canManageShortLink,
  canManageUsers,
  type Role,
  type Actor,
} from './roles';
export {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  createSession,
  findSessionUser,
  deleteSession,
  endAllSessions,
  sessionCookieOptions,
  type SessionUser,
} from './sessions';
export {
  createUser,
  authenticate,
  EMAIL_TAKEN_MESSAGE,
  newUserSchema,
  type NewUser,
} from './users';
export {
  API_KEY_LAST_USED_PRECISION_MS,
  createApiKey,
  verifyApiKey,
  bearerToken,
  listApiKeys,
  revokeApiKey,
  type ApiKeySummary,
  type RevokeResult,
} from './api-keys';
export {
  API_KEY_SCOPES,
  DEFAULT_API_KEY_SCOPE,
  isApiKeyScope,
  scopeAllows,
  scopeNeededFor,
  type ApiKeyScope,
} from './api-key-scope';
export {
  crossSiteProblem,
  isCrossSiteMutation,
  isHttps,
  isSafeMethod,
  requestOrigin,
} from './origin/request-origin';
export { safeReturnPath, type ReturnPathRules } from './return-path/safe-return-path';
export { passwordProblem, passwordSchema } from './password-policy/password-policy';
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './password-policy/password-limits';
export { ensureServiceApiKey, forgetServiceApiKey } from './service-keys';
export {
  changePassword,
  resetPassword,
  WRONG_CURRENT_PASSWORD,
  type PasswordChange,
  type PasswordChangeInput,
} from './account/change-password';
export {
  createLoginGuard,
  loginLimiters,
  loginRefusalMessage,
  throttledLoginMessage,
  WRONG_LOGIN_MESSAGE,
  normalizeEmail,
  LOGIN_LIMITS,
  MAX_FAILED_LOGINS,
  type AttemptLogin,
  type LoginAttempt,
  type LoginLimiters,
  type LoginRequest,
  type RateLimiter,
  type RateLimitDecision,
  type RateLimitOptions,
} from './login/login-guard';
