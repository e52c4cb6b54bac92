import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies and API keys: 32 bytes, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Sessions and API keys are stored as SHA-256 of the secret: a leaked database gives no usable
 * credential. (High-entropy secrets need no slow hash; passwords get argon2.)
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
