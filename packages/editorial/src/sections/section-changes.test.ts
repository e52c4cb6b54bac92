// Renaming and reordering sections on a real, migrated SQLite database: the slug (every
// article's address) never changes, the order closes up behind a moved section, and every
// change tells the reader pages through the one hook the cache listens on.
import type { ReaderPagesChange } from '@newsroom/reader-cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../articles/create-article';
import { listSections } from '../articles/list-articles';
import { createTestNewsroom, listenToReaderPageChanges, type TestNewsroom } from '../test-newsroom';
import { sectionChangeSchema } from './section-schemas';
import { changeSection, createSection, listSectionsWithCounts, renameSection } from './sections';

let n: TestNewsroom;
const announced = listenToReaderPageChanges();
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

const order = async () => (await listSections(n.db)).map((section) => section.slug);
const SECTIONS_CHANGED: ReaderPagesChange = { articleIds: [], lists: [], sections: true };

describe('listSectionsWithCounts', () => {
  it('lists the sections in reader order with how many articles each holds', async () => {
    await createArticle(n.db, n.writer, { title: 'One', sectionId: n.world.id });
    await createArticle(n.db, n.writer, { title: 'Two', sectionId: n.world.id });
    const sections = await listSectionsWithCounts(n.db);
    expect(sections.slice(0, 2)).toEqual([
      { id: n.world.id, slug: 'world', name: 'World', articleCount: 2 },
      { id: n.politics.id, slug: 'politics', name: 'Politics', articleCount: 0 },
    ]);
  });
});

describe('changeSection', () => {
  it('renames a section and keeps its slug, telling the reader pages', async () => {
    const renamed = await changeSection(n.db, n.world.id, { name: '  World news ' });
    expect(renamed).toMatchObject({ id: n.world.id, slug: 'world', name: 'World news' });
    expect(announced).toEqual([SECTIONS_CHANGED]);
  });

  it('moves a section one step or to a place, the others closing up behind it', async () => {
    const economy = await createSection(n.db, { name: 'Economy' });
    const sport = await createSection(n.db, { name: 'Sport' });
    expect(await order()).toEqual(['world', 'politics', 'economy', 'sport']);
    announced.splice(0);

    await changeSection(n.db, sport.id, { move: 'up' });
    expect(await order()).toEqual(['world', 'politics', 'sport', 'economy']);
    await changeSection(n.db, economy.id, { position: 0 });
    expect(await order()).toEqual(['economy', 'world', 'politics', 'sport']);
    await changeSection(n.db, n.world.id, { move: 'down' });
    expect(await order()).toEqual(['economy', 'politics', 'world', 'sport']);
    expect(announced).toEqual([SECTIONS_CHANGED, SECTIONS_CHANGED, SECTIONS_CHANGED]);

    // Past either end stays at the end; positions stay 0…n-1, so a new section comes last.
    await changeSection(n.db, economy.id, { move: 'up' });
    await changeSection(n.db, sport.id, { position: 99 });
    expect(await order()).toEqual(['economy', 'politics', 'world', 'sport']);
    const positions = await n.db.section.findMany({
      orderBy: { position: 'asc' },
      select: { position: true },
    });
    expect(positions.map((row) => row.position)).toEqual([0, 1, 2, 3]);
    await createSection(n.db, { name: 'Culture' });
    expect((await order()).at(-1)).toBe('culture');
  });

  it('renames and moves in one change', async () => {
    const moved = await changeSection(n.db, n.politics.id, {
      name: 'Politics & power',
      move: 'up',
    });
    expect(moved).toMatchObject({ slug: 'politics', name: 'Politics & power' });
    expect((await order())[0]).toBe('politics');
  });

  it('refuses an unknown section and an invalid name, changing nothing', async () => {
    await expect(changeSection(n.db, 'no-such-id', { name: 'X' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(changeSection(n.db, n.world.id, { name: ' ' })).rejects.toMatchObject({
      status: 422,
      errors: [expect.objectContaining({ path: 'name' })],
    });
    await expect(changeSection(n.db, n.world.id, { name: 'x'.repeat(81) })).rejects.toMatchObject({
      status: 422,
    });
    expect((await n.db.section.findUniqueOrThrow({ where: { id: n.world.id } })).name).toBe(
      'World news',
    );
    expect(announced).toEqual([]);
  });
});

describe('renameSection', () => {
  it('finds the section by its address, and says when there is none', async () => {
    expect(await renameSection(n.db, 'world', 'World')).toMatchObject({ name: 'World' });
    await expect(renameSection(n.db, 'nowhere', 'X')).rejects.toMatchObject({
      status: 404,
      message: 'The section /nowhere was not found',
    });
  });
});

describe('sectionChangeSchema', () => {
  it.each([
    [{}, '', 'nothing to change'],
    [{ slug: 'new-address' }, 'slug', "a section's slug stays"],
    [{ position: -1 }, 'position', 'whole number'],
    [{ position: 1.5 }, 'position', 'whole number'],
    [{ move: 'sideways' }, 'move', 'move must be one of: up, down'],
    [{ move: 'up', position: 2 }, 'move', 'either position or move'],
  ])('refuses %j', (body, path, message) => {
    const parsed = sectionChangeSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toContainEqual(
      expect.objectContaining({
        path: path ? [path] : [],
        message: expect.stringContaining(message),
      }),
    );
  });
});
