import { appNextConfig } from '@newsroom/app-shell/config';

export default appNextConfig({
  transpilePackages: [
    '@newsroom/article',
    '@newsroom/renderer',
    '@newsroom/publishing',
    '@newsroom/editorial',
    '@newsroom/import',
    '@newsroom/reader-cache',
    '@newsroom/media',
  ],
  // Document import: a DOM and a .docx reader, Node libraries that need no bundling.
  serverExternalPackages: ['happy-dom', 'mammoth', 'sharp', '@aws-sdk/client-s3'],
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
});
