import type { Provider } from './provider';

// Which database a client made by createDb talks to. Its own module (not client.ts or
// text-search.ts) so that neither has to import the other.
const providers = new WeakMap<object, Provider>();

/** Called by createDb: remembers which database a client talks to. */
export function rememberProvider<T extends object>(db: T, provider: Provider): T {
  providers.set(db, provider);
  return db;
}

/** The database behind a client made by createDb (SQLite for anything else). */
export function providerOfDb(db: object): Provider {
  return providers.get(db) ?? 'sqlite';
}
