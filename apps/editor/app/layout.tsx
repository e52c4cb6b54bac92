import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Newsroom', template: '%s | Newsroom' },
  description: 'News, with notes and sources.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/" className="site-name">
            Newsroom
          </a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
