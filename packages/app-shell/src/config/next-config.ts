// The next.config both apps share. Next loads it with its own require hook before any bundling:
// keep it free of imports other than Node's and types.
import path from 'node:path';
import type { NextConfig } from 'next';

/** Workspace packages every app uses; they ship TypeScript source, so Next transpiles them. */
const SHARED_TRANSPILE_PACKAGES = [
  '@newsroom/app-shell',
  '@newsroom/auth',
  '@newsroom/db',
  '@newsroom/http',
  '@newsroom/settings',
  '@newsroom/shared-state',
];

/** Native drivers stay as plain Node requires instead of being bundled. */
const SHARED_SERVER_EXTERNAL_PACKAGES = [
  '@libsql/client',
  'libsql',
  '@prisma/adapter-libsql',
  '@node-rs/argon2',
  'pg',
  '@prisma/adapter-pg',
  '@prisma/schema-engine-wasm',
];

export type AppNextConfig = NextConfig & {
  /** The app's own workspace packages, besides the shared ones. */
  transpilePackages?: string[];
  /** The app's own Node-only packages, besides the shared native drivers. */
  serverExternalPackages?: string[];
};

/** An app's next.config: the shared settings plus the app's own (lists are added to, not replaced). */
export function appNextConfig({
  transpilePackages = [],
  serverExternalPackages = [],
  ...own
}: AppNextConfig = {}): NextConfig {
  // The monorepo root, so Turbopack can follow workspace packages (TypeScript source) outside the app.
  const repoRoot = path.resolve(process.cwd(), '../..');
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    transpilePackages: [...SHARED_TRANSPILE_PACKAGES, ...transpilePackages],
    serverExternalPackages: [...SHARED_SERVER_EXTERNAL_PACKAGES, ...serverExternalPackages],
    turbopack: { root: repoRoot },
    outputFileTracingRoot: repoRoot,
    ...own,
  };
}
