import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { ImageRun, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { importDocument } from './import-document';
import { IMPORT_LIMITS } from './import-limits';
import { writeDocx } from './testing/document-fixtures';
import { readZipContents, zipEntryName } from './zip-contents';

describe('zipEntryName', () => {
  it('takes relative paths beside the page, decoded', () => {
    expect(zipEntryName('images/image1.png')).toBe('images/image1.png');
    expect(zipEntryName('./images/my%20photo.jpg?x=1')).toBe('images/my photo.jpg');
  });

  it('refuses schemes, absolute paths and ways up', () => {
    for (const src of [
      'https://lh3.googleusercontent.com/abc',
      'file:///C:/Users/me/clip_image001.png',
      'data:image/png;base64,AAAA',
      '/etc/passwd',
      '\\\\server\\share\\a.png',
      '../secret.png',
      'images/../../secret.png',
      'images/%2e%2e/%2e%2e/secret.png',
      'images\\..\\a.png',
      '%E0%A4%A',
      '',
    ])
      expect(zipEntryName(src), src).toBeNull();
  });
});

/**
 * `size` zero bytes as raw deflate, a few KB for a megabyte: blocks of one megabyte, each
 * complete (a full flush), repeated, then an empty last block.
 */
function zerosDeflated(size: number): Uint8Array {
  const megabyte = deflateRawSync(new Uint8Array(1024 * 1024), {
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const blocks = Array.from({ length: size / (1024 * 1024) }, () => megabyte);
  return Buffer.concat([...blocks, Uint8Array.of(0x03, 0x00)]);
}

/** A zip of one deflated file whose directory claims it unpacks to 1,000 bytes. */
function zipOfOneDeflatedFile(name: string, deflated: Uint8Array): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(8, 8, true); // deflate
  local.setUint32(18, deflated.length, true);
  local.setUint32(22, 1_000, true);
  local.setUint16(26, nameBytes.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint16(10, 8, true);
  central.setUint32(20, deflated.length, true);
  central.setUint32(24, 1_000, true);
  central.setUint16(28, nameBytes.length, true);
  const directoryOffset = 30 + nameBytes.length + deflated.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + nameBytes.length, true);
  end.setUint32(16, directoryOffset, true);
  return Buffer.concat([
    new Uint8Array(local.buffer),
    nameBytes,
    deflated,
    new Uint8Array(central.buffer),
    nameBytes,
    new Uint8Array(end.buffer),
  ]);
}

interface PakoInflate {
  strm: { total_out: number };
  push(...args: unknown[]): boolean;
}

/**
 * The bytes JSZip's inflater (pako) produces while `run` runs and in the 20 turns of the event
 * loop after: JSZip unpacks one block a turn (setImmediate), so a pass that had not stopped
 * would go on unpacking meanwhile.
 */
async function bytesInflatedBy(run: () => Promise<unknown>): Promise<number> {
  const require = createRequire(import.meta.url);
  const pako = require(require.resolve('pako', { paths: [dirname(require.resolve('jszip'))] })) as {
    Inflate: { prototype: PakoInflate };
  };
  const push = pako.Inflate.prototype.push;
  let inflated = 0;
  const spy = vi.spyOn(pako.Inflate.prototype, 'push').mockImplementation(function (
    this: PakoInflate,
    ...args
  ) {
    const before = this.strm.total_out;
    const done = push.apply(this, args);
    inflated += this.strm.total_out - before;
    return done;
  });
  try {
    await run();
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  } finally {
    spy.mockRestore();
  }
  return inflated;
}

describe('readZipContents', () => {
  /** A zip whose directory claims `claimed` bytes for each file (a lie when smaller). */
  async function zipClaiming(files: Record<string, Uint8Array>, claimed?: number) {
    const zip = new JSZip();
    for (const [name, bytes] of Object.entries(files)) zip.file(name, bytes);
    const bytes = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 1 },
    });
    if (claimed === undefined) return bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset < bytes.length - 4; offset++)
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, claimed, true);
    return bytes;
  }

  it('reads a Word document whose files unpack to what they claim', async () => {
    const bytes = await zipClaiming({
      'word/document.xml': new TextEncoder().encode('<w:document/>'),
    });
    expect(await readZipContents(bytes)).toMatchObject({ kind: 'docx' });
  });

  it('refuses a zip bomb whose directory understates what it unpacks to', async () => {
    // ~100 KB in the file, past the limit once unpacked, while the directory claims 1,000 bytes:
    // the files' real sizes are what mammoth and JSZip would unpack (into memory).
    const filler = new Uint8Array(IMPORT_LIMITS.maxUnpackedBytes + 1).fill(0x20);
    const bomb = await zipClaiming({ 'word/document.xml': filler }, 1_000);
    await expect(readZipContents(bomb)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('stops unpacking a zip bomb once past the limit: a 1 GB file is not unpacked in full', async () => {
    const bomb = zipOfOneDeflatedFile('word/document.xml', zerosDeflated(1024 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(IMPORT_LIMITS.maxFileBytes);
    const inflated = await bytesInflatedBy(() =>
      expect(readZipContents(bomb)).rejects.toMatchObject({ code: 'corrupt' }),
    );
    // JSZip unpacks 16 KB of the zip at a time, which deflate can make 1,032 times larger: the
    // block under way when the pass stops, and one more (a resume JSZip had already scheduled).
    const block = 16 * 1024 * 1032;
    expect(inflated).toBeGreaterThan(IMPORT_LIMITS.maxUnpackedBytes);
    expect(inflated).toBeLessThanOrEqual(IMPORT_LIMITS.maxUnpackedBytes + 2 * block);
  });

  it('unpacks a .docx once to count it and its text once more: mammoth reads the opened zip', async () => {
    const paragraph =
      '<w:p><w:r><w:t>Words and more words, a long article of them.</w:t></w:r></w:p>';
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body>${paragraph.repeat(3_000)}</w:body></w:document>`,
    );
    zip.file('word/settings.xml', `<w:settings>${' '.repeat(100_000)}</w:settings>`);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const unpacked = 3_000 * paragraph.length + 100_000;

    const inflated = await bytesInflatedBy(async () => {
      const imported = await importDocument({ fileName: 'long.docx', bytes });
      expect(JSON.stringify(imported.doc)).toContain('Words and more words');
    });
    // The settings once (counted), the document twice (counted, then read), and no more.
    expect(inflated).toBeGreaterThan(unpacked + 3_000 * paragraph.length);
    expect(inflated).toBeLessThan(unpacked + 3_000 * paragraph.length + 1_000);
  });

  it('refuses a .docx whose pictures break the limit before unpacking them for mammoth', async () => {
    // Picture bytes no reader takes: refused by size alone, never decoded.
    const pictureBytes = 300_000;
    const bytes = await writeDocx([
      new Paragraph('A gallery.'),
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: Buffer.alloc(pictureBytes),
            transformation: { width: 100, height: 100 },
          }),
        ],
      }),
    ]);
    const inflated = await bytesInflatedBy(() =>
      expect(
        importDocument(
          { fileName: 'gallery.docx', bytes },
          { imageLimits: { maxImageBytes: pictureBytes - 1 } },
        ),
      ).rejects.toMatchObject({ code: 'too_many_images', status: 413 }),
    );
    // Counted once when the zip was opened, and not unpacked again.
    expect(inflated).toBeGreaterThan(pictureBytes);
    expect(inflated).toBeLessThan(2 * pictureBytes);
  });

  it('refuses a file that unpacks to more than its directory says, even a little', async () => {
    const text = new TextEncoder().encode('<w:document>' + 'a'.repeat(5_000) + '</w:document>');
    const lying = await zipClaiming({ 'word/document.xml': text }, 100);
    await expect(readZipContents(lying)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('refuses a bomb hidden past the entry count of the directory, which JSZip reads anyway', async () => {
    const filler = new Uint8Array(IMPORT_LIMITS.maxUnpackedBytes + 1).fill(0x20);
    const bytes = await zipClaiming({
      'a.txt': new TextEncoder().encode('small'),
      'word/document.xml': filler,
    });
    // The end record says one file: the bomb after it is not in the count, but JSZip reads
    // every entry of the directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    view.setUint16(end + 8, 1, true);
    view.setUint16(end + 10, 1, true);
    await expect(readZipContents(bytes)).rejects.toMatchObject({ code: 'corrupt' });
  });

  describe("a Word document's XML", () => {
    const limit = IMPORT_LIMITS.maxDocumentXmlBytes;
    const refusal = {
      code: 'too_large',
      status: 413,
      message: expect.stringContaining(`more than ${limit / 1024 / 1024} MB`),
    };
    /** Spaces after an XML declaration: XML in size, nothing else (each check counts bytes). */
    const xmlOf = (bytes: number) => {
      const declaration = '<?xml version="1.0"?>';
      return new TextEncoder().encode(declaration + ' '.repeat(bytes - declaration.length));
    };

    it('takes a document whose parts unpack to the limit', async () => {
      const bytes = await zipClaiming({
        'word/document.xml': xmlOf(limit / 2),
        'word/footnotes.xml': xmlOf(limit / 2),
      });
      expect(await readZipContents(bytes)).toMatchObject({ kind: 'docx' });
    });

    it('refuses a document whose text unpacks to more than the limit, with the limit named', async () => {
      const bytes = await zipClaiming({ 'word/document.xml': xmlOf(limit + 1) });
      await expect(readZipContents(bytes)).rejects.toMatchObject(refusal);
    });

    it('counts the parts together: text, notes, comments, styles and numbering', async () => {
      const bytes = await zipClaiming({
        'word/document.xml': xmlOf(limit / 4),
        'word/footnotes.xml': xmlOf(limit / 4),
        'word/endnotes.xml': xmlOf(limit / 4),
        'word/comments.xml': xmlOf(limit / 8),
        'word/styles.xml': xmlOf(limit / 16),
        'word/numbering.xml': xmlOf(limit / 16 + 1),
      });
      await expect(readZipContents(bytes)).rejects.toMatchObject(refusal);
    });

    it('counts the part the relationships name, whatever it is called', async () => {
      const relationships =
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="media/picture.png"/>' +
        '</Relationships>';
      const bytes = await zipClaiming({
        '_rels/.rels': new TextEncoder().encode(relationships),
        'word/document.xml': xmlOf(100),
        'media/picture.png': xmlOf(limit + 1),
      });
      await expect(readZipContents(bytes)).rejects.toMatchObject(refusal);
    });

    it("counts a note part's relationships and an embedded style map, which mammoth reads too", async () => {
      for (const name of ['word/_rels/footnotes.xml.rels', 'mammoth/style-map']) {
        const bytes = await zipClaiming({
          'word/document.xml': xmlOf(limit / 2),
          'word/footnotes.xml': xmlOf(100),
          [name]: xmlOf(limit / 2),
        });
        await expect(readZipContents(bytes), name).rejects.toMatchObject(refusal);
      }
    });

    it('refuses relationships larger than the limit before they are read', async () => {
      const bytes = await zipClaiming({
        '_rels/.rels': xmlOf(limit + 1),
        'word/document.xml': xmlOf(100),
      });
      await expect(readZipContents(bytes)).rejects.toMatchObject(refusal);
    });
  });
});
