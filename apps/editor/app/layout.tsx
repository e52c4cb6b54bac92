import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SITE_NAME } from '../src/reader/site';
import './globals.css';

// Kept minimal: the reader pages (app/(reader)) and the newsroom (app/newsroom) bring their own
// layouts. Fonts are system stacks in globals.css: nothing is downloaded at build or run time.
export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s | ${SITE_NAME}` },
  description: 'News, with notes and sources.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
