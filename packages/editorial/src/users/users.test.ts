import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestNewsroom, type TestNewsroom } from '../test-newsroom';
import { changeUserRole, createStaffUser, listUsers } from './users';

let n: TestNewsroom;
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

describe('user management', () => {
  it('is for admins only', async () => {
    await expect(listUsers(n.db, n.editor)).rejects.toMatchObject({ status: 403 });
    await expect(changeUserRole(n.db, n.writer, n.writer.id, 'admin')).rejects.toMatchObject({
      status: 403,
    });
    expect((await listUsers(n.db, n.admin)).map((user) => user.email)).toContain(
      'writer@newsroom.test',
    );
  });

  it('creates users, refuses duplicates and changes roles', async () => {
    const input = {
      email: 'New@Newsroom.test',
      name: 'New',
      role: 'writer' as const,
      password: 'long enough password',
    };
    const created = await createStaffUser(n.db, n.admin, input);
    expect(created).toMatchObject({ email: 'new@newsroom.test', role: 'writer' });
    await expect(createStaffUser(n.db, n.admin, input)).rejects.toMatchObject({ status: 409 });
    expect(await changeUserRole(n.db, n.admin, created.id, 'editor')).toMatchObject({
      role: 'editor',
    });
    await expect(changeUserRole(n.db, n.admin, created.id, 'owner')).rejects.toMatchObject({
      status: 422,
    });
  });

  it('keeps at least one admin', async () => {
    await expect(changeUserRole(n.db, n.admin, n.admin.id, 'editor')).rejects.toMatchObject({
      status: 409,
      message: 'The newsroom needs at least one admin',
    });
  });
});
