// `npm run links:case-clashes`: lists short links whose codes differ only by case (left from
// before codes were case-insensitive) and gives a link its case-insensitive key once its clash
// is gone. Exit code 1 while clashes remain, so a deploy script can check it.
import { getDb } from '@newsroom/db';
import { prepareDatabase } from '@newsroom/db/migrate';
import { caseClashMessage, reconcileCaseKeys } from '../src';

async function main(): Promise<number> {
  await prepareDatabase();
  const db = getDb();
  const report = await reconcileCaseKeys(db);
  await db.$disconnect();
  const message = caseClashMessage(report);
  console.log(message || 'No short-link codes clash by case.');
  return report.clashes.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
