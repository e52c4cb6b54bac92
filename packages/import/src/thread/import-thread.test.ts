import { Paragraph, ImageRun } from 'docx';
import type { StoredImage } from '@newsroom/media';
import { threadNiceValues } from '@newsroom/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportedDocument } from '../import-document';
import { IMPORT_LIMITS } from '../import-limits';
import { picture, writeDocx } from '../testing/document-fixtures';
import { createImportThread, importHeapMb, type ImportThread } from './import-thread';
import type { ConversionResult } from './thread-messages';

let thread: ImportThread | undefined;
afterEach(() => thread?.close());

const page = (html: string) => ({
  input: {
    fileName: 'page.html',
    bytes: new TextEncoder().encode(`<html><body>${html}</body></html>`),
  },
});

/** The converted document: the test fails with the refusal's message if there was one. */
function documentOf(result: ConversionResult) {
  if ('error' in result) throw new Error(result.error.message);
  return result.document;
}

/** A .docx of a paragraph and a picture `width` pixels wide. */
async function docxWithPicture(text: string, width: number) {
  const data = await picture(width, 100, 'png');
  const bytes = await writeDocx([
    new Paragraph(text),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data,
          transformation: { width: 200, height: 100 },
          altText: { name: 'Picture', title: '', description: text },
        }),
      ],
    }),
  ]);
  return { input: { fileName: `${text}.docx`, bytes }, picture: data };
}

/** Stores nothing: answers with the image the pipeline would have made, and keeps what it got. */
function recordingStore(prefix: string) {
  const received: Buffer[] = [];
  const storeImage = async (image: {
    bytes: Buffer;
    alt: string;
    caption: string;
    credit: string;
  }) => {
    received.push(image.bytes);
    const stored: StoredImage = {
      id: `${prefix}${received.length}stored`,
      width: 200,
      height: 100,
      ...image,
    };
    return { image: stored };
  };
  return { received, storeImage };
}

describe('importHeapMb', () => {
  it('gives a conversion 2 GB, or a quarter of a smaller machine', () => {
    const gb = 1024 ** 3;
    expect(importHeapMb(32 * gb)).toBe(2_048);
    expect(importHeapMb(8 * gb)).toBe(2_048);
    expect(importHeapMb(4 * gb)).toBe(1_024);
    expect(importHeapMb(2 * gb)).toBe(512);
  });
});

describe('createImportThread', () => {
  it("converts documents sent at once in turn, each one's pictures stored by its own caller", async () => {
    thread = createImportThread();
    const first = await docxWithPicture('Floods', 300);
    const second = await docxWithPicture('Fires', 400);
    const firstStore = recordingStore('floods');
    const secondStore = recordingStore('fires');

    const [floods, fires] = (
      await Promise.all([
        thread.convert({ ...first, storeImage: firstStore.storeImage }),
        thread.convert({ ...second, storeImage: secondStore.storeImage }),
      ])
    ).map(documentOf) as [ImportedDocument, ImportedDocument];

    expect(firstStore.received).toEqual([first.picture]);
    expect(secondStore.received).toEqual([second.picture]);
    expect(Buffer.isBuffer(firstStore.received[0])).toBe(true);
    expect(JSON.stringify(floods.doc)).toContain('"imageId":"floods1stored"');
    expect(JSON.stringify(fires.doc)).toContain('"imageId":"fires1stored"');
    expect(JSON.stringify(fires.doc)).not.toContain('floods');
  });

  describe('a document that needs more memory than the thread has', () => {
    // 64 MB: room for the thread's modules and a small page, not for a DOM of 50,000 elements.
    const elements = '<meta name="filler">'.repeat(IMPORT_LIMITS.maxHtmlElements - 4);
    const large = {
      fileName: 'large.html',
      bytes: new TextEncoder().encode(
        `<html><head>${elements}</head><body><p>Text.</p></body></html>`,
      ),
    };
    const tooLarge = {
      error: {
        kind: 'import',
        code: 'too_large',
        message: 'The document is too large to convert: it needs too much memory',
      },
    };

    it('is refused, and the next document converts on a new thread', async () => {
      thread = createImportThread({ maxHeapMb: 64 });
      expect(await thread.convert({ input: large })).toEqual(tooLarge);
      const small = documentOf(await thread.convert(page('<p>After the large one.</p>')));
      expect(JSON.stringify(small.doc)).toContain('After the large one.');
    });

    it('is refused alone: the documents sent with it convert', async () => {
      thread = createImportThread({ maxHeapMb: 64 });
      const [refused, ...others] = await Promise.all([
        thread.convert({ input: large }),
        thread.convert(page('<p>Sent with the large one.</p>')),
        thread.convert(page('<p>Sent last.</p>')),
      ]);
      expect(refused).toEqual(tooLarge);
      expect(others.map((result) => JSON.stringify(documentOf(result).doc))).toEqual([
        expect.stringContaining('Sent with the large one.'),
        expect.stringContaining('Sent last.'),
      ]);
    });
  });

  it('refuses a document as busy while the line is full, and takes one again once it moves', async () => {
    thread = createImportThread({ maxInTurn: 2 });
    const [first, second, third] = await Promise.all([
      thread.convert(page('<p>First.</p>')),
      thread.convert(page('<p>Second.</p>')),
      thread.convert(page('<p>Third.</p>')),
    ]);
    expect(JSON.stringify(documentOf(first).doc)).toContain('First.');
    expect(JSON.stringify(documentOf(second).doc)).toContain('Second.');
    expect(third).toEqual({
      error: {
        kind: 'import',
        code: 'busy',
        message: 'Other documents are being imported right now: try again in a minute',
      },
    });
    const again = documentOf(await thread.convert(page('<p>Third, again.</p>')));
    expect(JSON.stringify(again.doc)).toContain('Third, again.');
  });

  it("keeps part of the line open to others: one sender's third document is refused", async () => {
    thread = createImportThread();
    const from = (sender: string, text: string) => ({ ...page(`<p>${text}</p>`), sender });
    const [first, second, third, other] = await Promise.all([
      thread.convert(from('ana', 'Ana, first.')),
      thread.convert(from('ana', 'Ana, second.')),
      thread.convert(from('ana', 'Ana, third.')),
      thread.convert(from('ben', 'Ben.')),
    ]);
    expect([first, second, other].map((result) => JSON.stringify(documentOf(result).doc))).toEqual([
      expect.stringContaining('Ana, first.'),
      expect.stringContaining('Ana, second.'),
      expect.stringContaining('Ben.'),
    ]);
    expect(third).toEqual({
      error: {
        kind: 'import',
        code: 'busy',
        message: 'Two of your documents are still being imported: send this one when they are done',
      },
    });
  });

  it("answers a picture's refusal and a fault of its caller in kind: a notice, a failure", async () => {
    thread = createImportThread();
    const document = await docxWithPicture('Storm', 300);
    const refused = documentOf(
      await thread.convert({
        ...document,
        storeImage: async () => ({
          error: { kind: 'media', code: 'too_many_pixels', message: 'Too many pixels' },
        }),
      }),
    );
    expect(refused.notices.map((notice) => notice.code)).toEqual(['imagesTooLarge']);
    expect(
      await thread.convert({
        ...document,
        storeImage: async () => ({ error: { kind: 'fault', message: 'ENOSPC: disk full' } }),
      }),
    ).toEqual({ error: { kind: 'fault', message: 'ENOSPC: disk full' } });
  });

  it('fails the conversion running and those waiting when it is closed', async () => {
    thread = createImportThread();
    const converting = thread.convert(page('<p>Never finished.</p>'));
    const waiting = thread.convert(page('<p>Never started.</p>'));
    await thread.close();
    const stopped = {
      error: { kind: 'fault', message: expect.stringMatching(/^The import thread stopped/) },
    };
    expect(await converting).toEqual(stopped);
    expect(await waiting).toEqual(stopped);
  });

  it('answers a conversion stopped mid-way only once the picture being stored is stored', async () => {
    thread = createImportThread();
    const document = await docxWithPicture('Quake', 300);
    let asked!: () => void;
    const storeAsked = new Promise<void>((resolve) => (asked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let stored = false;
    const converting = thread.convert({
      ...document,
      storeImage: async (image) => {
        asked();
        await released;
        stored = true;
        return recordingStore('quake').storeImage(image);
      },
    });
    let answered = false;
    void converting.then(() => (answered = true));

    await storeAsked;
    await thread.close();
    await new Promise((resolve) => setImmediate(resolve)); // the thread's exit has been handled
    expect(answered).toBe(false);

    release();
    expect(await converting).toEqual({
      error: { kind: 'fault', message: expect.stringMatching(/^The import thread stopped/) },
    });
    expect(stored).toBe(true);
  });

  it.runIf(process.platform === 'linux')(
    'converts below normal priority, its own thread only: requests come first',
    async () => {
      thread = createImportThread();
      const before = threadNiceValues();
      await thread.convert(page('<p>A short page.</p>'));
      const during = threadNiceValues();
      expect(during.filter((nice) => nice === 10).length).toBe(
        before.filter((nice) => nice === 10).length + 1,
      );
      expect(Math.min(...during)).toBe(0); // this thread, and the rest of the process, as before
    },
  );

  it.runIf(process.platform === 'linux')(
    'stops when it has had nothing to convert for a while, and starts again for the next document',
    async () => {
      thread = createImportThread({ idleMs: 0 });
      const converting = () => threadNiceValues().filter((nice) => nice === 10).length;
      const before = converting();
      documentOf(await thread.convert(page('<p>First.</p>')));
      await expect.poll(converting).toBe(before);
      const second = documentOf(await thread.convert(page('<p>Second.</p>')));
      expect(JSON.stringify(second.doc)).toContain('Second.');
    },
  );
});
