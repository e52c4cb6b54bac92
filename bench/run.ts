/**
 * Runs every `bench/<group>/*.bench.ts`, each in its own Node process so one bench's heap and
 * JIT state can't colour the next. `tsx run.ts render redirect` runs only those groups.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchRoot = fileURLToPath(new URL('.', import.meta.url));
const wanted = new Set(process.argv.slice(2));

const groups = readdirSync(benchRoot)
  .filter((name) => !name.startsWith('.') && name !== 'node_modules')
  .filter((name) => statSync(join(benchRoot, name)).isDirectory())
  .filter((name) => wanted.size === 0 || wanted.has(name))
  .sort();

const unknown = [...wanted].filter((name) => !groups.includes(name));
if (unknown.length > 0) {
  console.error(`No bench group named: ${unknown.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const group of groups) {
  const files = readdirSync(join(benchRoot, group))
    .filter((name) => name.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    console.log(`\n▶ ${group}/${file}`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchRoot, group, file)], {
      stdio: 'inherit',
      cwd: benchRoot,
    });
    if (result.status !== 0) failed += 1;
  }
}
process.exit(failed > 0 ? 1 : 0);
