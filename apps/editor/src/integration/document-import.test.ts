// "Import a document" through the real editor, whose server converts documents on a thread of
// its own (@newsroom/import/thread): refusals and picture notices come back as they would from
// a conversion in the route itself, across the thread and Next's own copy of the package.
import { SESSION_COOKIE } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { threadNiceValues } from '@newsroom/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_API_PATH } from '../newsroom/newsroom-paths';
import { startEditor, type EditorProcess } from '../testing/editor-process';
import { createNewsroom } from '../testing/newsroom-fixtures';

let testDb: TestDatabase;
let editor: EditorProcess;
let sessionToken: string;
let sectionId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  editor = await startEditor(testDb.url);
  const newsroom = await createNewsroom(testDb.db);
  sessionToken = newsroom.sessionToken;
  sectionId = newsroom.world.id;
});

afterAll(async () => {
  await editor?.stop();
  await testDb?.cleanup();
});

async function importFile(name: string, bytes: Buffer | string) {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  form.set('sectionId', sectionId);
  const response = await fetch(`${editor.url}${IMPORT_API_PATH}`, {
    method: 'POST',
    headers: {
      cookie: `${SESSION_COOKIE}=${sessionToken}`,
      origin: editor.url,
      accept: 'application/json',
    },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

const dataUrl = (bytes: Buffer, type: string) => `data:${type};base64,${bytes.toString('base64')}`;

describe(`POST ${IMPORT_API_PATH}`, () => {
  it('refuses a file that is not a document: 415 and the message, no draft', async () => {
    const png = await sharp({
      create: { width: 4, height: 4, channels: 3, background: '#888' },
    })
      .png()
      .toBuffer();
    expect(await importFile('photo.docx', png)).toEqual({
      status: 415,
      body: {
        error: {
          code: 'unsupported_type',
          message:
            'Import takes a Word document (.docx) or a Google Docs web page download (.html or .zip)',
        },
      },
    });
    expect(await testDb.db.article.count()).toBe(0);
  });

  it('stores the pictures it can and names the ones it cannot read', async () => {
    const photo = await sharp({
      create: { width: 320, height: 200, channels: 3, background: '#357' },
    })
      .jpeg()
      .toBuffer();
    const damaged = Buffer.from('not a picture at all, though it says PNG');
    const page = `<html><body><h1>Storm night</h1><p>The wind rose at ten.</p>
      <p><img alt="Fallen trees on the ring road" src="${dataUrl(photo, 'image/jpeg')}"></p>
      <p><img alt="A flooded cellar" src="${dataUrl(damaged, 'image/png')}"></p></body></html>`;

    const { status, body } = await importFile('storm.html', page);

    expect(status).toBe(201);
    expect(body.article.title).toBe('Storm night');
    expect(body.notices.map((notice: { code: string }) => notice.code)).toEqual([
      'imagesUnreadable',
    ]);
    const images = await testDb.db.image.findMany({ select: { width: true, alt: true } });
    expect(images).toEqual([{ width: 320, alt: 'Fallen trees on the ring road' }]);
  });

  it.runIf(process.platform === 'linux')(
    "converts on a thread of its own, below the priority of the server's requests",
    async () => {
      const server = editor.child.pid!;
      const { status } = await importFile('short.html', '<p>A short page.</p>');
      expect(status).toBe(201);
      const nice = threadNiceValues(server);
      expect(nice.filter((value) => value === 10)).toHaveLength(1);
      expect(Math.min(...nice)).toBe(0);
    },
  );
});
