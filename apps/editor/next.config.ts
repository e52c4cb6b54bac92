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
  ],
  // Metadata (title, canonical, Open Graph, JSON-LD's neighbours) always in <head>, for every
  // client: by default Next streams it into <body> for browsers, where crawlers and link
  // previews that read only the first HTML may miss it. It costs one indexed query of latency.
  htmlLimitedBots: /.*/,
  experimental: {
    // Requests through proxy.ts (all of /api/newsroom) are cut at this size, silently. It must
    // exceed the document import's own limit (10 MB + form), which answers 413 itself.
    proxyClientMaxBodySize: 12 * 1024 * 1024,
  },
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
};

export default config;
