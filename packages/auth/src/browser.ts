// `@newsroom/auth/browser`: the facts client components need, without argon2 or the database.
export { ROLES, type Role } from './roles';
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './password-policy/password-limits';
export { safeReturnPath, type ReturnPathRules } from './return-path/safe-return-path';
