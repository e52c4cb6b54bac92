import { randomUUID } from 'node:crypto';
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { createSqliteAdapter, ensureSqliteFolder } from '../sqlite-connection';
import { providerOf } from '../provider';

/** A driver adapter factory for the schema engine, plus a way to release everything it opened. */
export interface MigrationConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Ends pools and drops temporary databases; the engine never does (and leaves timers behind). */
  close(): Promise<void>;
}

export function openMigrationConnection(url: string): MigrationConnection {
  if (providerOf(url) === 'postgresql') return openPostgresConnection(url);
  ensureSqliteFolder(url);
  return openSqliteConnection(url);
}

/** Remembers every adapter it hands out so `close()` can dispose of them. */
function trackAdapters(
  factory: SqlMigrationAwareDriverAdapterFactory,
  connectToShadowDb: () => Promise<SqlDriverAdapter>,
  extraCleanup: () => Promise<void> = async () => undefined,
): MigrationConnection {
  const opened: SqlDriverAdapter[] = [];
  const remember = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await connectToShadowDb()),
  };
  return {
    factory: tracked,
    async close() {
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
      await extraCleanup();
    },
  };
}

// --- SQLite -----------------------------------------------------------------------------------

function openSqliteConnection(url: string): MigrationConnection {
  const factory = createSqliteAdapter(url);
  return trackAdapters(factory, async () => withScriptExecution(await factory.connectToShadowDb()));
}

/**
 * The engine replays each migration.sql on the (in-memory) shadow database with one
 * parameterless `executeRaw`, but libsql runs only the first statement of a string (silently
 * dropping the rest, which then looks like drift). A parameterless call is a script: run it
 * with `executeScript`, which executes every statement.
 */
function withScriptExecution(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw: SqlDriverAdapter['executeRaw'] = async (query) => {
    if (query.args.length > 0) return adapter.executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'executeRaw') return executeRaw;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// --- PostgreSQL -------------------------------------------------------------------------------

const PG_CHAR_OID = 18; // "char", e.g. pg_class.relkind
const PG_NAME_OID = 19; // name, e.g. pg_class.relname
const PG_TEXT_OID = 25;

/**
 * The engine's catalog queries return `"char"` and `name` columns, which @prisma/adapter-pg
 * rejects as unsupported types. Both arrive from node-postgres as strings, so presenting them
 * as `text` is exact.
 */
function createCatalogFriendlyPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 4 });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  const patched = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID || field.dataTypeID === PG_NAME_OID) {
        field.dataTypeID = PG_TEXT_OID;
      }
    }
    return result;
  };
  pool.query = patched as typeof pool.query;
  return pool;
}

function openPostgresConnection(url: string): MigrationConnection {
  const pools: pg.Pool[] = [];
  const newPool = (connectionString: string) => {
    const pool = createCatalogFriendlyPool(connectionString);
    pools.push(pool);
    return pool;
  };
  const factory = new PrismaPg(newPool(url));
  return trackAdapters(
    factory,
    () => connectTemporaryShadowDb(url, newPool),
    async () => {
      await Promise.allSettled(pools.map((pool) => pool.end()));
    },
  );
}

/**
 * PrismaPg.connectToShadowDb() with a connection string silently connects to the MAIN database
 * (the string's database name wins over the one it sets), so the engine would reset real data.
 * Create a throw-away database ourselves (needs CREATEDB) and drop it when the engine is done.
 */
async function connectTemporaryShadowDb(
  url: string,
  newPool: (connectionString: string) => pg.Pool,
): Promise<SqlDriverAdapter> {
  const name = `newsroom_shadow_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.end();
    throw new Error(
      `Cannot create a temporary shadow database to check for drift (${(error as Error).message}). ` +
        'The database user needs the CREATEDB privilege.',
    );
  }
  const shadowUrl = new URL(url);
  shadowUrl.pathname = `/${name}`;
  const shadowPool = newPool(shadowUrl.toString());
  const adapter = await new PrismaPg(shadowPool).connect();
  const dispose = async () => {
    await shadowPool.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`).finally(() => admin.end());
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'dispose') return dispose;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// --- PostgreSQL without a server --------------------------------------------------------------

/**
 * The engine always connects when it starts, even for a schema-to-schema `diff` that needs no
 * database, and on PostgreSQL it sends one probe (schema exists? server version?). This adapter
 * answers that probe and refuses everything else loudly, so the PostgreSQL migration can be
 * generated on a machine without PostgreSQL and nothing can silently "succeed" against it.
 */
export function offlinePostgresConnection(): MigrationConnection {
  const refuse = (what: string): never => {
    throw new Error(
      `The offline PostgreSQL adapter cannot run ${what}; a real database is needed.`,
    );
  };
  const adapter: SqlDriverAdapter = {
    provider: 'postgres',
    adapterName: 'newsroom-offline-postgres',
    async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
      if (!/FROM pg_namespace WHERE nspname/.test(query.sql)) return refuse(query.sql);
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        // Migrations must run on every supported server, so claim no newer features than 13.
        rows: [[true, 'PostgreSQL 13.0 (offline schema diff)', 130000]],
      };
    },
    executeRaw: async (query) => refuse(query.sql),
    executeScript: async (script) => refuse(script),
    startTransaction: async () => refuse('a transaction'),
    getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
    dispose: async () => undefined,
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: adapter.adapterName,
    connect: async () => adapter,
    connectToShadowDb: async () => refuse('a shadow database'),
  };
  return { factory, close: async () => undefined };
}
