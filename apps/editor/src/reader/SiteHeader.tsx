import { connection } from 'next/server';
import { sectionPath } from '@newsroom/article';
import { SITE_NAME } from './site';
import { getSections } from './data';

export async function SiteHeader() {
  // Sections come from the database at request time, never at build time (the build has no
  // database, and the global 404 page would otherwise be prerendered with it).
  await connection();
  const sections = await getSections();
  return (
    <header className="site-header">
      <a href="/" className="site-name">
        {SITE_NAME}
      </a>
      {sections.length > 0 && (
        <nav className="section-nav" aria-label="Sections">
          <ul>
            {sections.map((section) => (
              <li key={section.slug}>
                <a href={sectionPath(section)}>{section.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
