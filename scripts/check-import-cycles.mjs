// `npm run lint:cycles` (part of `npm run lint` and `npm test`): fails when any module of the repo
// imports itself through others. Prints each circle as one concrete loop.
import path from 'node:path';
import {
  exampleLoop,
  findCycles,
  importGraph,
  repoCompilerOptions,
  sourceFiles,
} from './lib/import-cycles.mjs';

const root = path.resolve(import.meta.dirname, '..');
const folders = ['apps', 'packages', 'e2e', 'bench', 'scripts'].map((name) =>
  path.join(root, name),
);
const files = folders.flatMap((folder) => sourceFiles(folder));
const graph = importGraph(root, files, repoCompilerOptions(root));
const cycles = findCycles(graph);
const relative = (file) => path.relative(root, file);

if (cycles.length === 0) {
  console.log(`No import circles among ${graph.size} modules.`);
} else {
  console.error(`${cycles.length} import circle(s); break each one (move the shared part out):`);
  for (const cycle of cycles)
    console.error(`  ${exampleLoop(graph, cycle).map(relative).join('\n    → ')}`);
  process.exit(1);
}
