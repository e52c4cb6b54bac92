import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALT_TEXT_NEEDED, IMAGE, renditionWidths } from '@newsroom/article';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { DEFAULT_MEDIA_LIMITS, DiskMediaStorage, type MediaStorage } from '@newsroom/media';
import type { JSONContent } from '@tiptap/core';
import { Document, FootnoteReferenceRun, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importDraft, type ImportDraftInput } from './import-draft';
import { createImportThread, convertDocumentsOn, type ImportThread } from './thread';
import { picture, writeDocx } from './testing/document-fixtures';
import type { ImportError } from './import-error';

let testDb: TestDatabase;
let root: string;
let storage: DiskMediaStorage;
let actor: { id: string; role: string };
let sectionId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const user = await testDb.db.user.create({
    data: { email: 'writer@newsroom.test', name: 'Writer', role: 'writer', passwordHash: 'x' },
    select: { id: true, role: true },
  });
  actor = user;
  sectionId = (
    await testDb.db.section.create({ data: { slug: 'world', name: 'World', position: 1 } })
  ).id;
});
afterAll(() => testDb.cleanup());

beforeEach(async () => {
  await testDb.db.article.deleteMany();
  await testDb.db.image.deleteMany();
  if (root) rmSync(root, { recursive: true, force: true });
  root = mkdtempSync(path.join(tmpdir(), 'newsroom-import-'));
  storage = new DiskMediaStorage(root);
});

/** An EMF file's opening: the header record (type 1) with the " EMF" signature at byte 40. */
function emfBytes(): Buffer {
  const bytes = Buffer.alloc(108);
  bytes.writeUInt32LE(1, 0);
  bytes.writeUInt32LE(108, 4);
  bytes.write(' EMF', 40, 'latin1');
  return bytes;
}

const imageRun = (data: Buffer, type: 'png' | 'jpg', altText?: { description: string }): ImageRun =>
  new ImageRun({
    type,
    data,
    transformation: { width: 200, height: 120 },
    ...(altText && { altText: { name: 'Picture', title: '', ...altText } }),
  });

/**
 * Word keeps drawings as EMF/WMF: the picture whose bytes are `placeholder` becomes an .emf
 * part holding EMF bytes, with its relationship and content type, as Word writes them.
 */
async function withEmfPicture(docx: Uint8Array, placeholder: Buffer): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const media = zip.file(/^word\/media\//);
  let renamed: string | undefined;
  for (const entry of media) {
    const bytes = await entry.async('nodebuffer');
    if (!bytes.equals(placeholder)) continue;
    renamed = entry.name.replace(/\.[a-z]+$/, '.emf');
    zip.remove(entry.name);
    zip.file(renamed, emfBytes());
    const rels = 'word/_rels/document.xml.rels';
    const oldTarget = entry.name.replace(/^word\//, '');
    zip.file(
      rels,
      (await zip.file(rels)!.async('string')).replace(oldTarget, renamed.replace(/^word\//, '')),
    );
  }
  expect(renamed).toBeDefined();
  const types = '[Content_Types].xml';
  zip.file(
    types,
    (await zip.file(types)!.async('string')).replace(
      '</Types>',
      '<Default Extension="emf" ContentType="image/x-emf"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'uint8array' });
}

const run = (bytes: Uint8Array, fileName = 'story.docx', extra: Partial<ImportDraftInput> = {}) =>
  importDraft({
    db: testDb.db,
    storage,
    mediaLimits: DEFAULT_MEDIA_LIMITS,
    actor,
    sectionId,
    fileName,
    bytes,
    ...extra,
  });

const imagesOf = (doc: JSONContent): JSONContent[] =>
  doc.type === IMAGE ? [doc] : (doc.content ?? []).flatMap(imagesOf);

const storedFolders = () => {
  try {
    return readdirSync(path.join(root, 'images'));
  } catch {
    return [];
  }
};

async function expectNothingLeft() {
  expect(await testDb.db.article.count()).toBe(0);
  expect(await testDb.db.image.count()).toBe(0);
  expect(storedFolders()).toEqual([]);
}

// Every case twice: converted on the calling thread (tests, scripts) and on the import thread
// the editor's server starts (pictures stored from the thread's requests, refusals crossing back).
describe.each([
  { converting: 'on the calling thread', onThread: false },
  { converting: 'on the import thread', onThread: true },
])('importDraft, converting $converting', ({ onThread }) => {
  let thread: ImportThread | undefined;
  beforeAll(() => {
    thread = onThread ? createImportThread() : undefined;
    convertDocumentsOn(thread);
  });
  afterAll(async () => {
    convertDocumentsOn(undefined);
    await thread?.close();
  });

  describe('pictures in a .docx', () => {
    it('become stored images at their place, with the alt text and the caption of the document', async () => {
      const png = await picture(640, 400, 'png');
      const jpeg = await picture(900, 600, 'jpeg');
      const bytes = await writeDocx([
        new Paragraph({ text: 'Floods in the valley', heading: 'Title' }),
        new Paragraph('Water rose overnight.'),
        new Paragraph({
          children: [imageRun(png, 'png', { description: 'The flooded high street from above' })],
        }),
        new Paragraph({
          text: 'Figure 1: The high street at 6 am. Photo: Ann Lens / Agency',
          style: 'Caption',
        }),
        new Paragraph('Residents were evacuated.'),
        new Paragraph({
          children: [
            imageRun(jpeg, 'jpg', {
              description: 'A boat on a road\n\nDescription automatically generated',
            }),
          ],
        }),
        new Paragraph('The end.'),
      ]);
      const { article, notices } = await run(bytes);

      expect(article.title).toBe('Floods in the valley');
      expect(article.body.content!.map((node) => node.type)).toEqual([
        'paragraph',
        'image',
        'paragraph',
        'image',
        'paragraph',
      ]);
      const [first, second] = imagesOf(article.body);
      expect(first!.attrs).toMatchObject({
        alt: 'The flooded high street from above',
        caption: 'Figure 1: The high street at 6 am',
        credit: 'Ann Lens / Agency',
        width: 640,
        height: 400,
      });
      expect(second!.attrs).toMatchObject({ alt: 'A boat on a road', width: 900, height: 600 });
      // The caption paragraph went with its image, out of the text.
      expect(
        JSON.stringify(article.body.content!.filter((node) => node.type !== IMAGE)),
      ).not.toContain('Figure 1');
      expect(notices).toEqual([]);

      // Stored as uploads are: rows, and the renditions on disk.
      const rows = await testDb.db.image.findMany({ orderBy: { width: 'asc' } });
      expect(rows.map((row) => [row.id, row.format, row.uploadedById])).toEqual([
        [first!.attrs!.imageId, 'png', actor.id],
        [second!.attrs!.imageId, 'jpeg', actor.id],
      ]);
      const files = readdirSync(path.join(root, 'images', first!.attrs!.imageId as string));
      expect(files.sort()).toEqual(
        renditionWidths(640)
          .flatMap((width) => ['avif', 'jpg', 'webp'].map((ext) => `${width}.${ext}`))
          .sort(),
      );
    });

    it('imports a picture without alt text, flags it and says which one needs it', async () => {
      const bytes = await writeDocx([
        new Paragraph('Text.'),
        new Paragraph({
          children: [imageRun(await picture(300, 200, 'png'), 'png', { description: 'A map' })],
        }),
        new Paragraph({ children: [imageRun(await picture(300, 200, 'jpeg'), 'jpg')] }),
      ]);
      const { article, notices } = await run(bytes);
      expect(imagesOf(article.body).map((image) => image.attrs!.alt)).toEqual([
        'A map',
        ALT_TEXT_NEEDED,
      ]);
      expect(notices).toEqual([
        {
          code: 'altTextNeeded',
          message:
            'Image 2 of the article has no alt text: describe it with “Edit image” before publishing',
        },
      ]);
    });

    it('leaves out EMF drawings with a notice and imports the rest', async () => {
      const emfPlaceholder = await picture(20, 20, 'png');
      const docx = await writeDocx([
        new Paragraph('Chart below.'),
        new Paragraph({ children: [imageRun(emfPlaceholder, 'png', { description: 'Chart' })] }),
        new Paragraph({
          children: [imageRun(await picture(300, 200, 'png'), 'png', { description: 'Photo' })],
        }),
      ]);
      const { article, notices } = await run(await withEmfPicture(docx, emfPlaceholder));
      expect(imagesOf(article.body).map((image) => image.attrs!.alt)).toEqual(['Photo']);
      expect(notices).toEqual([
        {
          code: 'imagesUnsupported',
          message:
            '1 image was left out: EMF images are not accepted (save them as PNG or JPEG and add them with + Image)',
        },
      ]);
      expect(await testDb.db.image.count()).toBe(1);
    });

    it('calls a PNG that cannot be read damaged, not an unaccepted type', async () => {
      const docx = await writeDocx([
        new Paragraph('Broken picture below.'),
        new Paragraph({
          children: [imageRun(Buffer.from('not really a picture'), 'png', { description: 'Cut' })],
        }),
      ]);
      const { notices } = await run(docx);
      expect(notices).toEqual([
        {
          code: 'imagesUnreadable',
          message: '1 image was left out: the file could not be read as an image',
        },
      ]);
    });
  });

  describe('pictures in footnotes', () => {
    it('are left out (a note holds text only), with a notice, and nothing is stored for them', async () => {
      const document = new Document({
        footnotes: {
          1: {
            children: [
              new Paragraph({
                children: [
                  new TextRun('Source.'),
                  imageRun(await picture(100, 100, 'png'), 'png', { description: 'Tiny' }),
                ],
              }),
            ],
          },
        },
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('Claim'), new FootnoteReferenceRun(1)] }),
            ],
          },
        ],
      });
      const { article, notices } = await run(new Uint8Array(await Packer.toBuffer(document)));
      expect(imagesOf(article.body)).toEqual([]);
      expect(JSON.stringify(article.body)).toContain('Source.');
      expect(notices.map((notice) => notice.code)).toEqual(['imagesInNotes']);
      expect(await testDb.db.image.count()).toBe(0);
    });
  });

  describe('pictures in a Google Docs zipped web page', () => {
    it('come from the images folder, with their alt text; SVG and missing files are left out', async () => {
      const zip = new JSZip();
      zip.file(
        'Story.html',
        `<html><head><style>.c1{font-weight:700}</style></head><body class="doc-content">
        <p class="title"><span>Zipped story</span></p>
        <p><span class="c1">Bold</span><span> text.</span></p>
        <p><span style="overflow: hidden; display: inline-block;"><img alt="Harbour at night" src="images/image1.png" title=""></span></p>
        <p><span>Between.</span></p>
        <p><span><img alt="" src="images/image2.jpg" title=""></span></p>
        <p><span><img alt="Logo" src="images/image3.svg"></span></p>
        <p><span><img alt="Gone" src="images/image4.png"></span><span>After a missing one.</span></p>
        <p><img alt="Escape" src="../../etc/passwd"></p>
      </body></html>`,
      );
      zip.file('images/image1.png', await picture(500, 300, 'png'));
      zip.file('images/image2.jpg', await picture(400, 400, 'jpeg'));
      zip.file(
        'images/image3.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      );
      const { article, notices } = await run(
        await zip.generateAsync({ type: 'uint8array' }),
        'Story.zip',
      );
      expect(article.title).toBe('Zipped story');
      expect(article.body.content!.map((node) => node.type)).toEqual([
        'paragraph',
        'image',
        'paragraph',
        'image',
        'paragraph',
      ]);
      expect(imagesOf(article.body).map((image) => image.attrs!.alt)).toEqual([
        'Harbour at night',
        ALT_TEXT_NEEDED,
      ]);
      expect(notices.map((notice) => notice.code)).toEqual([
        'imagesUnsupported',
        'imagesMissing',
        'altTextNeeded',
      ]);
      expect(notices[0]!.message).toContain('SVG images are not accepted');
      expect(notices[1]!.message).toMatch(/^2 images were left out: not inside the file/);
      expect(await testDb.db.image.count()).toBe(2);
    });
  });

  describe('pictures in an HTML file', () => {
    it('takes data: URLs and never fetches web addresses or local files', async () => {
      const png = (await picture(300, 200, 'png')).toString('base64');
      const html = `<html><body><h1>Inline pictures</h1><p>Text.</p>
      <p><img alt="Inline chart" src="data:image/png;base64,${png}"></p>
      <p><img alt="Remote" src="http://127.0.0.1:1/secret.png"><img alt="Local" src="file:///etc/passwd"></p>
      <p>End.</p></body></html>`;
      const { article, notices } = await run(new TextEncoder().encode(html), 'page.html');
      expect(imagesOf(article.body).map((image) => image.attrs!.alt)).toEqual(['Inline chart']);
      expect(notices.map((notice) => notice.message)).toEqual([
        '2 images were left out: not inside the file (linked pictures are never fetched; for Google Docs, download the .zip web page)',
      ]);
    });
  });

  describe('pictures whose texts hold control characters', () => {
    it('are imported with the texts cleaned, as the body text is', async () => {
      const png = (await picture(300, 200, 'png')).toString('base64');
      const html = `<html><body><h1>Controls</h1><p>Text.</p>
      <p><img alt="Flood&#1; gauge&#27;" src="data:image/png;base64,${png}"></p>
      <p><img alt="&#2;&#3;" src="data:image/png;base64,${png}"></p></body></html>`;
      const { article } = await run(new TextEncoder().encode(html), 'page.html');
      expect(imagesOf(article.body).map((image) => image.attrs!.alt)).toEqual([
        'Flood gauge',
        ALT_TEXT_NEEDED,
      ]);
    });
  });

  describe('limits and failures leave nothing behind', () => {
    const threePictures = async () =>
      writeDocx([
        new Paragraph('Gallery.'),
        ...(await Promise.all(
          [1, 2, 3].map(
            async (n) =>
              new Paragraph({
                children: [
                  new TextRun(`Picture ${n}`),
                  imageRun(await picture(200 + n, 100, 'png'), 'png', { description: `P${n}` }),
                ],
              }),
          ),
        )),
      ]);

    const refusal = async (promise: Promise<unknown>) => {
      const error = await promise.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      return error as ImportError;
    };

    it('refuses a document with too many pictures (413) before storing any', async () => {
      const error = await refusal(
        run(await threePictures(), 'g.docx', { imageLimits: { maxImages: 2 } }),
      );
      expect(error).toMatchObject({ code: 'too_many_images', status: 413 });
      expect(error.message).toBe(
        'The document has more than 2 images; import it in parts or remove some images',
      );
      await expectNothingLeft();
    });

    it('refuses a document whose pictures add up to too many bytes (413)', async () => {
      const error = await refusal(
        run(await threePictures(), 'g.docx', { imageLimits: { maxImageBytes: 1000 } }),
      );
      expect(error).toMatchObject({ code: 'too_many_images', status: 413 });
      expect(error.message).toMatch(/images add up to more than 1 KB/);
      await expectNothingLeft();
    });

    it('removes the stored pictures when the draft cannot be created', async () => {
      const error = await refusal(run(await threePictures(), 'g.docx', { sectionId: 'no-such' }));
      expect(error).toMatchObject({ status: 422 });
      await expectNothingLeft();
    });

    it('removes the pictures stored so far when the storage fails part way', async () => {
      let puts = 0;
      const failing: MediaStorage = {
        description: 'disk that fills up',
        put: async (key, bytes, type) => {
          puts += 1;
          if (puts > 8) throw new Error('ENOSPC: no space left on device');
          return storage.put(key, bytes, type);
        },
        get: (key) => storage.get(key),
        deletePrefix: (prefix) => storage.deletePrefix(prefix),
      };
      const error = await refusal(run(await threePictures(), 'g.docx', { storage: failing }));
      expect(error.message).toContain('ENOSPC');
      expect(puts).toBeGreaterThan(8);
      await expectNothingLeft();
    });
  });
});

describe("importDraft on the import thread: one person's documents take part of the line", () => {
  let thread: ImportThread;
  beforeAll(() => {
    thread = createImportThread();
    convertDocumentsOn(thread);
  });
  afterAll(async () => {
    convertDocumentsOn(undefined);
    await thread.close();
  });

  it("refuses a person's third document sent at once as busy, and takes another person's", async () => {
    const other = await testDb.db.user.create({
      data: { email: 'editor@newsroom.test', name: 'Editor', role: 'editor', passwordHash: 'x' },
      select: { id: true, role: true },
    });
    const pageOf = (text: string) =>
      new TextEncoder().encode(`<html><body><h1>${text}</h1><p>Text.</p></body></html>`);
    const results = await Promise.allSettled([
      run(pageOf('First'), 'first.html'),
      run(pageOf('Second'), 'second.html'),
      run(pageOf('Third'), 'third.html'),
      run(pageOf('Other'), 'other.html', { actor: other }),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({
      code: 'busy',
      status: 503,
    });
    const drafts = await testDb.db.article.findMany({ select: { title: true, authorId: true } });
    expect(drafts.map((draft) => [draft.title, draft.authorId]).sort()).toEqual(
      [
        ['First', actor.id],
        ['Other', other.id],
        ['Second', actor.id],
      ].sort(),
    );
  });
});
