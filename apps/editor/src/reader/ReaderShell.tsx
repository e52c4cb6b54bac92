import type { ReactNode } from 'react';
import { SiteHeader } from './SiteHeader';
import { SITE_NAME } from './site';

/** The frame of every public page: header with sections, the content, a footer. */
export function ReaderShell({ children }: { children: ReactNode }) {
  return (
    <div className="reader">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <SiteHeader />
      <main id="content" className="reader-main reader-column">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {SITE_NAME} · <a href="/">Latest news</a>
        </p>
      </footer>
    </div>
  );
}
