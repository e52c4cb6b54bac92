// Sections from the shell (a production database starts without any, and an article needs one):
//   npm run section:create -- --name "World" [--slug world]
//   npm run section:list
import { parseArgs } from 'node:util';
import { errorText, runDatabaseCli } from '@newsroom/db/cli';
import { createSection, EditorialError, listSections } from '../src';

// The first argument names the command (runDatabaseCli reads it); the rest are its options.
const rest = process.argv.slice(3);
const { values } = parseArgs({
  args: rest,
  options: { name: { type: 'string' }, slug: { type: 'string' } },
});

runDatabaseCli({
  commands: {
    'section:create': async (db) => {
      const section = await createSection(db, {
        name: values.name ?? '',
        ...(values.slug !== undefined && { slug: values.slug }),
      });
      console.log(`Created section "${section.name}" at /${section.slug} (${section.id})`);
    },
    'section:list': async (db) => {
      const sections = await listSections(db);
      if (sections.length === 0) console.log('No sections yet: npm run section:create -- --name …');
      for (const section of sections)
        console.log(`/${section.slug}\t${section.name}\t${section.id}`);
    },
  },
  formatError: (error) =>
    error instanceof EditorialError && error.errors.length > 0
      ? error.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n')
      : errorText(error),
});
