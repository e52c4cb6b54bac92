// Import circles across the whole monorepo (apps, packages, e2e, bench), found with the TypeScript
// compiler's own module resolution, so `@newsroom/x` imports follow the workspace links into
// packages/x/src exactly as tsc and the bundlers do. Type-only imports count too: a circle of
// types is still two modules that cannot be understood (or moved) one without the other.
import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.next', '.turbo', 'generated', 'test-results']);

/** Every TypeScript source file under `dir`, skipping dependencies, builds and generated code. */
export function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') && entry.name !== '.') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) files.push(...sourceFiles(full));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(full);
    }
  }
  return files;
}

/** file → the files of this repo it imports (static, dynamic, re-exports, `import type`). */
export function importGraph(root, files, compilerOptions) {
  const inRepo = new Set(files.map((file) => realpathSync(file)));
  const graph = new Map();
  for (const file of inRepo) {
    const { importedFiles } = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
    const targets = new Set();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, compilerOptions, ts.sys).resolvedModule
        ?.resolvedFileName;
      if (!resolved) continue;
      const real = realpathSync(resolved);
      if (inRepo.has(real)) targets.add(real);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** The circles of a graph: its strongly connected components with more than one file (Tarjan). */
export function findCycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];

  function visit(node) {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node), index.get(target)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfImport = (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfImport) cycles.push(component.sort());
  }

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** One concrete loop through a component, for the message: a → b → … → a. */
export function exampleLoop(graph, component) {
  const members = new Set(component);
  const start = component[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (target === start) {
        const loop = [start];
        for (let at = node; at !== null; at = previous.get(at)) loop.splice(1, 0, at);
        loop.splice(1, 1); // `start` was added twice: once first, once while walking back
        return [...loop, start];
      }
      if (members.has(target) && !previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...component, start];
}

/** The repo's compiler options (tsconfig.base.json), as every workspace extends them. */
export function repoCompilerOptions(root) {
  const configFile = path.join(root, 'tsconfig.base.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  return parsed.options;
}
