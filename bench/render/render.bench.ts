/**
 * renderArticle vs @tiptap/html generateHTML on the same 2,000-word article and the same
 * extension list. Each renderer runs in its own child process so peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildBenchArticle } from './bench-article';

const PHASES = ['renderArticle', 'generateHTML'] as const;
type Phase = (typeof PHASES)[number];

interface PhaseResult {
  phase: Phase;
  rendersPerSecond: number;
  renders: number;
  peakRssMb: number;
  htmlBytes: number;
}

const WARM_UP_MS = 1_500;
const MEASURE_MS = Number(process.env.BENCH_RENDER_MS ?? 4_000);

// Imported per phase so each child's RSS holds only the renderer it measures.
async function renderFunction(phase: Phase): Promise<() => string> {
  const { doc, related } = buildBenchArticle();
  if (phase === 'renderArticle') {
    const renderer = await import('@newsroom/renderer');
    return () => renderer.renderArticle({ doc, markerStyle: 'numeric', related });
  }
  const [tiptapHtml, article] = await Promise.all([
    import('@tiptap/html'),
    import('@newsroom/article'),
  ]);
  return () => tiptapHtml.generateHTML(doc, article.articleExtensions);
}

/** Renders for `ms` milliseconds; yields to the event loop now and then, as a server would. */
async function loop(render: () => string, ms: number): Promise<number> {
  let renders = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 10; i++) render();
    renders += 10;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return renders;
}

async function runPhase(phase: Phase): Promise<PhaseResult> {
  const render = await renderFunction(phase);
  const htmlBytes = Buffer.byteLength(render());
  await loop(render, WARM_UP_MS);
  const start = performance.now();
  const renders = await loop(render, MEASURE_MS);
  const seconds = (performance.now() - start) / 1000;
  return {
    phase,
    renders,
    rendersPerSecond: renders / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    htmlBytes,
  };
}

function runChild(phase: Phase): PhaseResult {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--phase', phase], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !lastLine.startsWith('{')) {
    throw new Error(`phase ${phase} failed (exit ${child.status}): ${child.stdout}`);
  }
  return JSON.parse(lastLine) as PhaseResult;
}

function printTable(results: PhaseResult[]): void {
  const { words, notes, references, related } = buildBenchArticle();
  console.log(
    `Article: ${words} words, ${notes} notes, ${references} references, ${related.length} related links; ` +
      `${WARM_UP_MS} ms warm-up, ${MEASURE_MS} ms measured, one child process per renderer.\n`,
  );
  const rows = results.map((r) => [
    r.phase,
    r.rendersPerSecond.toFixed(0),
    r.renders.toString(),
    r.peakRssMb.toFixed(0),
    r.htmlBytes.toString(),
  ]);
  const header = ['renderer', 'articles/s', 'renders', 'peak RSS MB', 'HTML bytes'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));

  const ours = results.find((r) => r.phase === 'renderArticle');
  const baseline = results.find((r) => r.phase === 'generateHTML');
  if (ours && baseline) {
    const ratio = ours.rendersPerSecond / baseline.rendersPerSecond;
    console.log(`\nratio renderArticle / generateHTML: ${ratio.toFixed(1)}× (target ≥ 5×)`);
    if (ratio < 5) process.exitCode = 1;
  }
}

const phaseIndex = process.argv.indexOf('--phase');
if (phaseIndex >= 0) {
  const phase = process.argv[phaseIndex + 1] as Phase;
  if (!PHASES.includes(phase)) throw new Error(`unknown phase ${phase}`);
  console.log(JSON.stringify(await runPhase(phase)));
} else {
  printTable(PHASES.map(runChild));
}
