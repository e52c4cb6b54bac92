// `npm run links:check`: what an operator should look at after an upgrade or a settings change.
//  - short links whose codes differ only by case (from before codes were case-insensitive); a
//    link whose clash is gone gets its case-insensitive key here;
//  - short links whose destination the current rules refuse (internal addresses, the shortener
//    itself), with the settings of this environment (SHORTENER_URL, SHORTENER_HOSTS,
//    SHORTENER_ALLOWED_DESTINATIONS, EDITOR_URL).
// Exit code 1 while anything is listed, so a deploy script can check it.
import { getDb } from '@newsroom/db';
import { prepareDatabase } from '@newsroom/db/migrate';
import {
  caseClashMessage,
  compileDestinationPolicy,
  readShortenerConfig,
  reconcileCaseKeys,
  refusedDestinations,
  refusedDestinationsMessage,
} from '../src';

async function main(): Promise<number> {
  const config = readShortenerConfig();
  await prepareDatabase();
  const db = getDb();
  const clashes = await reconcileCaseKeys(db);
  const refused = await refusedDestinations(
    db,
    compileDestinationPolicy({ ownHosts: config.ownHosts, allowed: config.allowedDestinations }),
  );
  await db.$disconnect();
  console.log(caseClashMessage(clashes) || 'No short-link codes clash by case.');
  console.log(refusedDestinationsMessage(refused) || 'Every destination passes the current rules.');
  return clashes.clashes.length === 0 && refused.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
