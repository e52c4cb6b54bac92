// Sections from the shell (a production database starts without any, and an article needs one);
// USAGE below lists the commands and their options.
import type { Db } from '@newsroom/db';
import { errorText, parseCommandOptions, runDatabaseCli } from '@newsroom/db/cli';
import { announceToOtherInstances } from '@newsroom/reader-cache';
import { openSharedState } from '@newsroom/shared-state';
import { createSection, EditorialError, listSections, renameSection } from '../src';

const USAGE = `Usage:
  npm run section:create -- --name "World" [--slug world]
  npm run section:rename -- --slug world --name "World news"
  npm run section:list`;

const { values } = parseCommandOptions(
  { options: { name: { type: 'string' }, slug: { type: 'string' } } },
  USAGE,
);

/**
 * Runs a change readers see with the running servers listening: the reader pages it alters are
 * dropped from their caches through the change bus (the database's, or Redis), as when an admin
 * makes the change in the newsroom.
 */
async function announcingToServers<T>(db: Db, change: () => Promise<T>): Promise<T> {
  const shared = openSharedState({ db });
  const disconnect = announceToOtherInstances(shared.changes);
  try {
    return await change();
  } finally {
    disconnect();
    await shared.close();
  }
}

runDatabaseCli({
  commands: {
    'section:create': async (db) => {
      const section = await announcingToServers(db, () =>
        createSection(db, {
          name: values.name ?? '',
          ...(values.slug !== undefined && { slug: values.slug }),
        }),
      );
      console.log(`Created section "${section.name}" at /${section.slug} (${section.id})`);
    },
    'section:rename': async (db) => {
      if (values.slug === undefined)
        throw new Error('Usage: npm run section:rename -- --slug world --name "World news"');
      const section = await announcingToServers(db, () =>
        renameSection(db, values.slug!, values.name ?? ''),
      );
      console.log(`Renamed the section at /${section.slug} to "${section.name}"`);
    },
    'section:list': async (db) => {
      const sections = await listSections(db);
      if (sections.length === 0) console.log('No sections yet: npm run section:create -- --name …');
      for (const section of sections)
        console.log(`/${section.slug}\t${section.name}\t${section.id}`);
    },
  },
  // A refused field is one line each; anything else (409, 404) is its message as it stands.
  formatError: (error) =>
    error instanceof EditorialError && error.status === 422
      ? error.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n')
      : errorText(error),
  usage: USAGE,
});
