// Sections from the shell (a production database starts without any, and an article needs one):
//   npm run section:create -- --name "World" [--slug world]
//   npm run section:list
import { parseArgs } from 'node:util';
import { getDb, type Db } from '@newsroom/db';
import { prepareDatabase } from '@newsroom/db/migrate';
import { createSection, EditorialError, listSections } from '../src';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { name: { type: 'string' }, slug: { type: 'string' } },
});

const commands: Record<string, (db: Db) => Promise<void>> = {
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
    for (const section of sections) console.log(`/${section.slug}\t${section.name}\t${section.id}`);
  },
};

async function main() {
  const run = commands[command ?? ''];
  if (!run) throw new Error(`Usage: cli.ts ${Object.keys(commands).join('|')} [options]`);
  await prepareDatabase();
  const db = getDb();
  try {
    await run(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof EditorialError && error.errors.length > 0
      ? error.errors.map((problem) => `${problem.path}: ${problem.message}`).join('\n')
      : error instanceof Error
        ? error.message
        : error,
  );
  process.exit(1);
});
