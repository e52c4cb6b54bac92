// `npm run db:seed`: brings the database up to date, fills it with the demo newsroom when it has no
// users yet, and prints the admin login (also on later runs, from data/demo-login.json).
import { getDb } from '@newsroom/db';
import { prepareDatabase } from '@newsroom/db/migrate';
import { readerSiteUrl } from '@newsroom/http';
import { startFailureReport } from '@newsroom/settings';
import { readDemoLogin, saveDemoLogin, seedDemoNewsroom } from '../src';

async function seed() {
  // Publishing the demo articles needs the reader site's address: a wrong one stops the seed
  // before it writes anything, not halfway (a newsroom with users is never seeded again).
  readerSiteUrl();
  await prepareDatabase();
  const login = await seedDemoNewsroom(getDb(), {
    adminEmail: process.env.SEED_ADMIN_EMAIL,
    adminPassword: process.env.SEED_ADMIN_PASSWORD,
  });
  if (login) {
    saveDemoLogin(login);
    console.log(`Seeded the demo newsroom.`);
  } else {
    console.log('The database already has users; seed skipped.');
  }
  const known = login ?? readDemoLogin();
  if (known) console.log(`Log in as ${known.email} / ${known.password}`);
  await getDb().$disconnect();
}

await seed().catch((error: unknown) => {
  console.error(startFailureReport(error));
  process.exit(1);
});
