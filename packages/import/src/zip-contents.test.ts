import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from './import-limits';
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
    expect(await readZipContents(bytes)).toEqual({ kind: 'docx' });
  });

  it('refuses a zip bomb whose directory understates what it unpacks to', async () => {
    // ~100 KB in the file, past the limit once unpacked, while the directory claims 1,000 bytes:
    // the files' real sizes are what mammoth and JSZip would unpack (into memory).
    const filler = new Uint8Array(IMPORT_LIMITS.maxUnpackedBytes + 1).fill(0x20);
    const bomb = await zipClaiming({ 'word/document.xml': filler }, 1_000);
    await expect(readZipContents(bomb)).rejects.toMatchObject({ code: 'corrupt' });
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
      expect(await readZipContents(bytes)).toEqual({ kind: 'docx' });
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
