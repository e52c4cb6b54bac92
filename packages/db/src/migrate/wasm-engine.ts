import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as WasmGlueModule from '@prisma/schema-engine-wasm/schema_engine_bg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

type WasmGlue = typeof WasmGlueModule;

let gluePromise: Promise<WasmGlue> | undefined;

/**
 * Prisma's schema engine compiled to WebAssembly: the same migration logic as the native engine
 * the CLI would download, which is unreachable here. The package's entry does
 * `import * as wasm from "./schema_engine_bg.wasm"`, which Node cannot import, so instantiate the
 * module by hand with the wasm-bindgen glue as its import object. Done once per process.
 */
function loadWasmGlue(): Promise<WasmGlue> {
  gluePromise ??= (async () => {
    installPanicRegistry();
    const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const gluePath = createRequire(import.meta.url).resolve(
      '@prisma/schema-engine-wasm/schema_engine_bg',
    );
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return gluePromise;
}

type PanicRegistry = { message: string; set_message(value: string): void; get(): string };

/** The glue reports Rust panics through this global; without it a panic becomes a TypeError. */
function installPanicRegistry(): void {
  const global = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
  global.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    set_message(value: string) {
      this.message = value;
    },
    get() {
      return this.message;
    },
  };
}

export interface Datamodel {
  path: string;
  content: string;
}

export async function openSchemaEngine(
  datamodel: Datamodel,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  const glue = await loadWasmGlue();
  return glue.SchemaEngine.new(
    { datamodels: [[datamodel.path, datamodel.content]] },
    logEngineMessage,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

/** The engine logs JSON lines; only useful when debugging the migration tooling itself. */
function logEngineMessage(message: string): void {
  if (process.env.NEWSROOM_MIGRATE_DEBUG) console.error(`[schema-engine] ${message}`);
}
