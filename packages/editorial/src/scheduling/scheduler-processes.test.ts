// Two editor processes, one database, several schedules: each is published exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findRepoRoot } from '@newsroom/db';
import { findPublishedArticle } from '@newsroom/publishing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle } from '../articles/create-article';
import { saveArticle } from '../articles/save-article';
import { listRevisions } from '../revisions/revisions';
import { createTestNewsroom, paragraphDoc, type TestNewsroom } from '../test-newsroom';
import { scheduleArticle } from './schedule';

let n: TestNewsroom;
const processes: { child: ChildProcess; lines: string[] }[] = [];

beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(async () => {
  await Promise.all(
    processes.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(undefined);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  await n.cleanup();
});

function startEditorProcess(url: string) {
  const tsx = path.join(findRepoRoot(), 'node_modules', '.bin', 'tsx');
  const script = path.join(import.meta.dirname, 'testing', 'scheduler-process.ts');
  const child = spawn(tsx, [script, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = { child, lines: [] as string[] };
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    started.lines.push(...complete.filter(Boolean));
  });
  processes.push(started);
  return started;
}

describe('scheduled publishing across processes', () => {
  it('publishes each schedule exactly once with two editor processes running', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    const ids: string[] = [];
    for (let index = 0; index < 8; index++) {
      const title = `Two processes ${index}`;
      const article = await createArticle(n.db, n.editor, { title, sectionId: n.world.id });
      const saved = await saveArticle(n.db, n.editor, article.id, {
        baseVersion: article.version,
        title,
        slug: article.slug,
        sectionId: article.sectionId,
        standfirst: '',
        markerStyle: article.markerStyle,
        body: paragraphDoc(`Story ${index}.`),
        related: [],
      });
      if (saved.status !== 'saved') throw new Error('save failed');
      // Due since half an hour: both processes find all of them due at their first round.
      const publishAt = new Date(hourAgo.getTime() + 30 * 60_000).toISOString();
      const scheduled = await scheduleArticle(
        n.db,
        n.editor,
        article.id,
        { baseVersion: saved.article.version, publishAt },
        hourAgo,
      );
      expect(scheduled.status).toBe('saved');
      ids.push(article.id);
    }

    const editors = [startEditorProcess(n.url), startEditorProcess(n.url)];
    const firedSoFar = () =>
      editors.flatMap(({ lines }) =>
        lines
          .map((line) => JSON.parse(line) as { articleId?: string })
          .flatMap((entry) => (entry.articleId ? [entry.articleId] : [])),
      );
    // Wait for the state: every article published, and both processes' reports read.
    await vi.waitFor(
      async () => {
        for (const id of ids) {
          const article = await n.db.article.findUniqueOrThrow({ where: { id } });
          expect(article.status).toBe('published');
        }
        expect(new Set(firedSoFar())).toEqual(new Set(ids));
      },
      // A ceiling for two process start-ups on a loaded machine, not a speed target.
      { timeout: 120_000, interval: 100 },
    );
    // Exactly once: no id reported twice, across both processes.
    expect([...firedSoFar()].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const publishes = (await listRevisions(n.db, id)).filter(
        (revision) => revision.reason === 'publish',
      );
      expect(publishes).toHaveLength(1);
      const live = await n.db.articleLive.findUniqueOrThrow({ where: { articleId: id } });
      expect(await findPublishedArticle(n.db, 'world', live.slug)).not.toBeNull();
    }
  }, 180_000);
});
