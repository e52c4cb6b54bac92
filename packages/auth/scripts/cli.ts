// Staff and key management from the shell:
//   npm run user:create -- --email a@b.c --name "A B" --role editor --password '…'
//   npm run apikey:create -- --name editor-app
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { getDb } from '@newsroom/db';
import { prepareDatabase } from '@newsroom/db/migrate';
import { createApiKey, createUser } from '../src';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'writer' },
    password: { type: 'string' },
  },
});

async function main() {
  await prepareDatabase();
  const db = getDb();
  if (command === 'user:create') {
    const user = await createUser(db, {
      email: values.email ?? '',
      name: values.name ?? '',
      role: values.role as 'writer',
      password: values.password ?? '',
    });
    console.log(`Created ${user.role} ${user.email} (${user.id})`);
  } else if (command === 'apikey:create') {
    if (!values.name) throw new Error('Give the key a name: --name <who uses it>');
    const { key } = await createApiKey(db, values.name);
    console.log(`API key "${values.name}" (shown once, store it now):\n${key}`);
  } else {
    throw new Error('Usage: cli.ts user:create|apikey:create [options]');
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  if (error instanceof ZodError) {
    console.error(
      error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
