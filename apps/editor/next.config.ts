import path from 'node:path';
import type { NextConfig } from 'next';

// The monorepo root, so Turbopack can follow workspace packages (TypeScript source) outside this app.
const repoRoot = path.resolve(process.cwd(), '../..');

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: [
    '@newsroom/article',
    '@newsroom/renderer',
    '@newsroom/publishing',
    '@newsroom/auth',
    '@newsroom/http',
    '@newsroom/shared-state',
    '@newsroom/db',
    '@newsroom/editorial',
    '@newsroom/import',
    '@newsroom/reader-cache',
    '@newsroom/media',
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
    // Document import: a DOM and a .docx reader, Node libraries that need no bundling.
    'happy-dom',
    'mammoth',
    'sharp',
    '@aws-sdk/client-s3',
  ],
  experimental: {
    // The proxy (proxy.ts) buffers request bodies and silently cuts them at this size (10 MB by
    // default). Image uploads check their own, lower limit (MEDIA_MAX_UPLOAD_BYTES) from
    // Content-Length before reading, so a bigger file gets a 413, never a truncated image; so
    // does the document import (10 MB + form, IMPORT_REQUEST_MAX_BYTES, tested).
    proxyClientMaxBodySize: '64mb',
  },
  // Metadata (title, canonical, Open Graph, JSON-LD's neighbours) always in <head>, for every
  // client: by default Next streams it into <body> for browsers, where crawlers and link
  // previews that read only the first HTML may miss it. It costs one indexed query of latency.
  htmlLimitedBots: /.*/,
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
};

export default config;
