// A real, migrated SQLite database with a small staff and two sections, for the tests.
import { createTestDatabase } from '@newsroom/db/testing';
import { connectReaderPagesAnnouncer, type ReaderPagesChange } from '@newsroom/reader-cache';
import type { JSONContent } from '@tiptap/core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { toRelatedInput, type EditableArticle } from './articles/editable-article';
import { editableFieldsOf } from './articles/editable-fields';

export async function createTestNewsroom() {
  const testDb = await createTestDatabase();
  const { db } = testDb;
  const user = (name: string, role: string) =>
    db.user.create({
      data: { email: `${name}@newsroom.test`, name, role, passwordHash: 'not-used' },
      select: { id: true, role: true, name: true },
    });
  const [admin, editor, writer, otherWriter] = await Promise.all([
    user('admin', 'admin'),
    user('editor', 'editor'),
    user('writer', 'writer'),
    user('other-writer', 'writer'),
  ]);
  const world = await db.section.create({ data: { slug: 'world', name: 'World', position: 1 } });
  const politics = await db.section.create({
    data: { slug: 'politics', name: 'Politics', position: 2 },
  });
  return { ...testDb, admin, editor, writer, otherWriter, world, politics };
}

export type TestNewsroom = Awaited<ReturnType<typeof createTestNewsroom>>;

export function paragraphDoc(...texts: string[]): JSONContent {
  return {
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** What a save takes: the stored article as it is (from its version on), with `changes` over it. */
export function saveInputOf(article: EditableArticle, changes: Record<string, unknown> = {}) {
  return {
    baseVersion: article.version,
    ...editableFieldsOf(article),
    // A save takes related entries in their stored form, not as the page shows them.
    related: article.related.map(toRelatedInput),
    ...changes,
  };
}

/**
 * The reader-page changes announced during each test (through the one hook the reader cache
 * listens on); emptied after every test. Call it at a test file's top level: it adds the hooks.
 */
export function listenToReaderPageChanges(): ReaderPagesChange[] {
  const announced: ReaderPagesChange[] = [];
  let disconnect = () => {};
  beforeAll(() => {
    disconnect = connectReaderPagesAnnouncer(async (change) => {
      announced.push(change);
    });
  });
  afterEach(() => {
    announced.splice(0);
  });
  afterAll(() => disconnect());
  return announced;
}
