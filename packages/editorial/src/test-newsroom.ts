// A real, migrated SQLite database with a small staff and two sections, for the tests.
import { createTestDatabase } from '@newsroom/db/testing';
import type { JSONContent } from '@tiptap/core';

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
