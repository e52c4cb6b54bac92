import path from 'node:path';
import type { NextConfig } from 'next';

// The monorepo root, so Turbopack can follow workspace packages (TypeScript source) outside this app.
const repoRoot = path.resolve(process.cwd(), '../..');

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: [
    '@newsroom/auth',
    '@newsroom/db',
    '@newsroom/http',
    '@newsroom/links',
    '@newsroom/shared-state',
  ],
  // Native drivers stay as plain Node requires instead of being bundled.
  serverExternalPackages: [
    '@libsql/client',
    'libsql',
    '@prisma/adapter-libsql',
    '@node-rs/argon2',
    'pg',
    '@prisma/adapter-pg',
    '@prisma/schema-engine-wasm',
    'ioredis',
    'rate-limiter-flexible',
  ],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
};

export default config;
