// Worker threads do not inherit tsx from the main thread's `--import tsx`: register it here, then
// load the worker itself (TypeScript, like the rest of the package).
import { register } from 'tsx/esm/api';

register();
await import('./import-thread-worker.ts');
