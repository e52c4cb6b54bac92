// Run before an app starts: applies pending SQLite migrations (see prepareDatabase).
import { prepareDatabase } from '../src/prepare';

try {
  await prepareDatabase();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
