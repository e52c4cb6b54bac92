import { SCHEDULE_MAX_DAYS_AHEAD } from '@newsroom/article';
import { createDb } from '@newsroom/db';
import {
  findPublishedArticle,
  listPublishedArticles,
  onLiveChange,
  type LiveChange,
} from '@newsroom/publishing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle } from '../articles/create-article';
import { findEditableArticle, type EditableArticle } from '../articles/editable-article';
import { publishArticle } from '../articles/publish';
import { saveArticle } from '../articles/save-article';
import { listRevisions } from '../revisions/revisions';
import { createTestNewsroom, paragraphDoc, type TestNewsroom } from '../test-newsroom';
import { fireDueSchedules } from './fire-schedules';
import { scheduleArticle, unscheduleArticle } from './schedule';
import { startScheduler, type Scheduler } from './scheduler';

let n: TestNewsroom;
const heard: LiveChange[] = [];
const stops: (() => unknown)[] = [];
beforeAll(async () => {
  n = await createTestNewsroom();
  stops.push(onLiveChange((change) => void heard.push(change)));
});
afterEach(async () => {
  for (const stop of stops.splice(1)) await stop();
  heard.splice(0);
});
afterAll(async () => {
  stops[0]?.();
  await n.cleanup();
});

const minutes = (count: number, from = new Date()) => new Date(from.getTime() + count * 60_000);

async function writtenDraft(title: string, body = paragraphDoc(`The story of ${title}.`)) {
  const article = await createArticle(n.db, n.editor, { title, sectionId: n.world.id });
  const saved = await saveArticle(n.db, n.editor, article.id, {
    baseVersion: article.version,
    title,
    slug: article.slug,
    sectionId: article.sectionId,
    standfirst: '',
    markerStyle: article.markerStyle,
    body,
    related: [],
  });
  if (saved.status !== 'saved') throw new Error('save failed');
  return saved.article;
}

async function schedule(article: EditableArticle, publishAt: Date, now = new Date()) {
  const result = await scheduleArticle(
    n.db,
    n.editor,
    article.id,
    { baseVersion: article.version, publishAt: publishAt.toISOString() },
    now,
  );
  if (result.status !== 'saved') throw new Error('schedule failed');
  return result.article;
}

const visibleToReaders = async (article: EditableArticle) =>
  (await findPublishedArticle(n.db, 'world', article.slug)) !== null;

describe('scheduling', () => {
  it('keeps a scheduled article invisible until its time, then publishes it once', async () => {
    const draft = await writtenDraft('Polls close');
    const at = minutes(30);
    const scheduled = await schedule(draft, at);
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      scheduledAt: at.toISOString(),
      live: null,
    });
    expect(await fireDueSchedules(n.db, minutes(29))).toEqual([]);
    expect(await visibleToReaders(draft)).toBe(false);
    const list = await listPublishedArticles(n.db);
    expect(list.articles.map((article) => article.id)).not.toContain(draft.id);

    expect(await fireDueSchedules(n.db, minutes(31))).toEqual([
      { articleId: draft.id, outcome: 'published' },
    ]);
    expect(await fireDueSchedules(n.db, minutes(32))).toEqual([]);
    expect(await visibleToReaders(draft)).toBe(true);
    expect(await findEditableArticle(n.db, draft.id)).toMatchObject({
      status: 'published',
      scheduledAt: null,
      hasUnpublishedChanges: false,
    });
    const reasons = (await listRevisions(n.db, draft.id)).map((revision) => revision.reason);
    expect(reasons.filter((reason) => reason === 'publish')).toHaveLength(1);
    expect(heard).toMatchObject([{ articleId: draft.id, reason: 'schedule', before: null }]);
  });

  it('refuses a time in the past and an article with errors, changing nothing', async () => {
    const draft = await writtenDraft('Too late');
    await expect(schedule(draft, minutes(-1))).rejects.toMatchObject({
      status: 422,
      code: 'publish_time_past',
      message: expect.stringContaining('is not in the future'),
    });
    // 2062 for 2026: a finished story would stay hidden for decades.
    await expect(
      schedule(draft, minutes(SCHEDULE_MAX_DAYS_AHEAD * 24 * 60 + 1)),
    ).rejects.toMatchObject({
      status: 422,
      code: 'publish_time_too_far',
      message: expect.stringContaining(`more than ${SCHEDULE_MAX_DAYS_AHEAD} days ahead`),
    });
    const empty = await createArticle(n.db, n.editor, { title: 'Empty', sectionId: n.world.id });
    await expect(schedule(empty, minutes(10))).rejects.toMatchObject({
      status: 422,
      code: 'not_ready',
    });
    await expect(
      scheduleArticle(n.db, n.editor, draft.id, { baseVersion: draft.version, publishAt: 'soon' }),
    ).rejects.toMatchObject({ status: 422, errors: [{ path: 'publishAt' }] });
    // ISO, but in the year 10,000 GMT: SQLite stored it, PostgreSQL failed with a 500.
    await expect(
      scheduleArticle(n.db, n.editor, draft.id, {
        baseVersion: draft.version,
        publishAt: '9999-12-31T23:59:59-23:59',
      }),
    ).rejects.toMatchObject({ status: 422, errors: [{ path: 'publishAt' }] });
    await expect(
      scheduleArticle(n.db, n.writer, draft.id, {
        baseVersion: draft.version,
        publishAt: minutes(10).toISOString(),
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await findEditableArticle(n.db, empty.id)).toMatchObject({
      status: 'draft',
      version: 1,
    });
    expect(await findEditableArticle(n.db, draft.id)).toMatchObject({
      status: 'draft',
      version: draft.version,
      scheduledAt: null,
    });
  });

  it('"Update at": a live article keeps its live version until the update fires', async () => {
    const draft = await writtenDraft('Rolling story');
    const published = await publishArticle(n.db, n.editor, draft.id, {
      baseVersion: draft.version,
    });
    const live = (published as { article: EditableArticle }).article;
    const edited = await saveArticle(n.db, n.editor, live.id, {
      baseVersion: live.version,
      title: 'Rolling story, updated',
      slug: live.slug,
      sectionId: live.sectionId,
      standfirst: '',
      markerStyle: live.markerStyle,
      publishedAt: live.publishedAt,
      body: live.body,
      related: [],
    });
    const working = (edited as { article: EditableArticle }).article;
    heard.splice(0);
    const scheduled = await schedule(working, minutes(20));
    expect(scheduled).toMatchObject({ status: 'published', hasUnpublishedChanges: true });
    expect(await fireDueSchedules(n.db, minutes(19))).toEqual([]);
    expect((await findPublishedArticle(n.db, 'world', live.slug))?.title).toBe('Rolling story');

    expect(await fireDueSchedules(n.db, minutes(21))).toEqual([
      { articleId: live.id, outcome: 'published' },
    ]);
    expect((await findPublishedArticle(n.db, 'world', live.slug))?.title).toBe(
      'Rolling story, updated',
    );
    expect(await findEditableArticle(n.db, live.id)).toMatchObject({
      status: 'published',
      scheduledAt: null,
      hasUnpublishedChanges: false,
    });
    expect(heard).toMatchObject([{ articleId: live.id, reason: 'update' }]);

    // Unscheduling an update leaves the article live, changes still unpublished.
    const again = await saveArticle(n.db, n.editor, live.id, {
      baseVersion: working.version + 2,
      title: 'Rolling story, third take',
      slug: live.slug,
      sectionId: live.sectionId,
      standfirst: '',
      markerStyle: live.markerStyle,
      publishedAt: live.publishedAt,
      body: live.body,
      related: [],
    });
    const third = (again as { article: EditableArticle }).article;
    const pending = await schedule(third, minutes(30));
    const back = await unscheduleArticle(n.db, n.editor, live.id, { baseVersion: pending.version });
    expect(back).toMatchObject({
      status: 'saved',
      article: { status: 'published', scheduledAt: null, hasUnpublishedChanges: true },
    });
    expect(await fireDueSchedules(n.db, minutes(31))).toEqual([]);
    expect((await findPublishedArticle(n.db, 'world', live.slug))?.title).toBe(
      'Rolling story, updated',
    );
  });

  it('a schedule taken back on a live article with nothing unpublished leaves nothing unpublished', async () => {
    const draft = await writtenDraft('Steady story');
    const published = await publishArticle(n.db, n.editor, draft.id, {
      baseVersion: draft.version,
    });
    const live = (published as { article: EditableArticle }).article;
    expect(live.hasUnpublishedChanges).toBe(false);
    const scheduled = await schedule(live, minutes(15));
    expect(scheduled.hasUnpublishedChanges).toBe(false);
    const back = await unscheduleArticle(n.db, n.editor, live.id, {
      baseVersion: scheduled.version,
    });
    expect(back).toMatchObject({
      status: 'saved',
      article: { status: 'published', scheduledAt: null, hasUnpublishedChanges: false },
    });
  });

  it('answers a schedule based on a stale version with a conflict', async () => {
    const draft = await writtenDraft('Moving target');
    const result = await scheduleArticle(n.db, n.editor, draft.id, {
      baseVersion: draft.version - 1,
      publishAt: minutes(5).toISOString(),
    });
    expect(result).toMatchObject({ status: 'conflict', current: { status: 'draft' } });
  });

  it('unschedules: back to a draft that the scheduler leaves alone', async () => {
    const draft = await writtenDraft('Maybe later');
    const scheduled = await schedule(draft, minutes(10));
    const back = await unscheduleArticle(n.db, n.editor, draft.id, {
      baseVersion: scheduled.version,
    });
    expect(back).toMatchObject({
      status: 'saved',
      article: { status: 'draft', scheduledAt: null },
    });
    expect(await fireDueSchedules(n.db, minutes(11))).toEqual([]);
    await expect(
      unscheduleArticle(n.db, n.editor, draft.id, { baseVersion: scheduled.version + 1 }),
    ).rejects.toMatchObject({ status: 409, code: 'not_scheduled' });
  });

  it('cancels, instead of publishing, a schedule whose working copy was emptied since', async () => {
    const draft = await writtenDraft('Emptied');
    const scheduled = await schedule(draft, minutes(10));
    const emptied = await saveArticle(n.db, n.editor, draft.id, {
      baseVersion: scheduled.version,
      title: scheduled.title,
      slug: scheduled.slug,
      sectionId: scheduled.sectionId,
      standfirst: '',
      markerStyle: scheduled.markerStyle,
      body: { type: 'doc', content: [{ type: 'paragraph' }] },
      related: [],
    });
    expect(emptied.status).toBe('saved');
    const error = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await fireDueSchedules(n.db, minutes(11))).toMatchObject([
      {
        articleId: draft.id,
        outcome: 'cancelled',
        reason: expect.stringContaining('body is empty'),
      },
    ]);
    error.mockRestore();
    expect(await findEditableArticle(n.db, draft.id)).toMatchObject({
      status: 'draft',
      live: null,
    });
    // The history says what happened at the time.
    expect((await listRevisions(n.db, draft.id)).map(({ reason }) => reason)).toContain(
      'schedule-cancelled',
    );
  });

  it('cancels a schedule whose editor was deactivated or made a writer since', async () => {
    for (const [name, change] of [
      ['gone', { deactivatedAt: new Date() }],
      ['demoted', { role: 'writer' }],
    ] as const) {
      const scheduler = await n.db.user.create({
        data: { email: `${name}@newsroom.test`, name, role: 'editor', passwordHash: 'not-used' },
        select: { id: true, role: true, name: true },
      });
      const draft = await writtenDraft(`Scheduled by ${name}`);
      const result = await scheduleArticle(n.db, scheduler, draft.id, {
        baseVersion: draft.version,
        publishAt: minutes(10).toISOString(),
      });
      expect(result.status).toBe('saved');
      await n.db.user.update({ where: { id: scheduler.id }, data: change });
      expect(await fireDueSchedules(n.db, minutes(11))).toMatchObject([
        {
          articleId: draft.id,
          outcome: 'cancelled',
          reason: expect.stringMatching(
            name === 'gone' ? /has been deactivated/ : /is no longer an editor/,
          ),
        },
      ]);
      expect(await visibleToReaders(draft)).toBe(false);
      expect(await findEditableArticle(n.db, draft.id)).toMatchObject({ status: 'draft' });
    }
  });
});

describe('the scheduler', () => {
  it('fires a schedule missed while no instance ran as soon as it starts', async () => {
    const draft = await writtenDraft('Missed while down');
    // Scheduled "an hour ago" for half an hour ago: the time passed while nothing ran.
    const hourAgo = minutes(-60);
    await schedule(draft, minutes(30, hourAgo), hourAgo);
    const scheduler = startScheduler({ db: n.db, onFired: () => undefined });
    stops.push(() => scheduler.stop());
    await vi.waitFor(async () => expect(await visibleToReaders(draft)).toBe(true), {
      timeout: 10_000,
      interval: 50,
    });
  });

  it('publishes each schedule exactly once with two instances on one database', async () => {
    const drafts: EditableArticle[] = [];
    for (let index = 0; index < 6; index++) drafts.push(await writtenDraft(`Twin run ${index}`));
    const hourAgo = minutes(-60);
    for (const draft of drafts) await schedule(draft, minutes(1, hourAgo), hourAgo);

    // A second client with its own connections: what a second editor process has.
    const otherDb = createDb(n.url);
    stops.push(() => otherDb.$disconnect());
    const fired: string[] = [];
    const instances: Scheduler[] = [n.db, otherDb].map((db) =>
      startScheduler({
        db,
        intervalMs: 20,
        onFired: ({ articleId }) => void fired.push(articleId),
      }),
    );
    stops.push(() => Promise.all(instances.map((instance) => instance.stop())));
    await vi.waitFor(
      async () => {
        for (const draft of drafts) expect(await visibleToReaders(draft)).toBe(true);
      },
      { timeout: 20_000, interval: 100 },
    );
    await Promise.all(instances.map((instance) => instance.runOnce()));

    const ids = drafts.map((draft) => draft.id).sort();
    expect([...fired].sort()).toEqual(ids);
    expect(heard.map((change) => change.articleId).sort()).toEqual(ids);
    for (const draft of drafts) {
      const publishes = (await listRevisions(n.db, draft.id)).filter(
        (revision) => revision.reason === 'publish',
      );
      expect(publishes).toHaveLength(1);
    }
  });
});
