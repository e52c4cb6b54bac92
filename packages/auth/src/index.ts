export { hashPassword, verifyPassword } from './password';
export { randomToken, sha256 } from './tokens';
export {
  ROLES,
  isRole,
  canPublish,
  canEditArticle,
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
  sessionCookieOptions,
  type SessionUser,
} from './sessions';
export { createUser, authenticate, newUserSchema, type NewUser } from './users';
export { createApiKey, verifyApiKey, bearerToken } from './api-keys';
export { isSameOrigin } from './csrf';
export { ensureServiceApiKey } from './service-keys';
export { FixedWindowLimiter, type LimitResult } from './rate-limit/fixed-window-limiter';
export {
  attemptLogin,
  createLoginGuard,
  loginRefusalMessage,
  MAX_FAILED_LOGINS,
  type LoginAttempt,
} from './login';
