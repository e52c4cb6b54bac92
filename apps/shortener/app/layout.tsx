import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// Every page is rendered per request: its inline scripts carry the nonce of that response's
// Content-Security-Policy (set by server.ts). A prerendered page would have none and be blocked.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Newsroom short links', template: '%s | Newsroom short links' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}
