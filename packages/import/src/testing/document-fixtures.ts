// Documents and pictures for the import tests, written by the libraries Word users' files come
// from (docx) and real encoders (sharp).
import { Document, Packer, type Paragraph } from 'docx';
import sharp from 'sharp';

/** A picture with some structure (gradients), as a real PNG or JPEG written by sharp. */
export async function picture(width: number, height: number, format: 'png' | 'jpeg') {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index += 3) {
    const x = (index / 3) % width;
    const y = Math.floor(index / 3 / width);
    pixels[index] = (x * 255) / width;
    pixels[index + 1] = (y * 255) / height;
    pixels[index + 2] = 128;
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg().toBuffer();
}

/** A .docx of one section holding these paragraphs. */
export async function writeDocx(children: Paragraph[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
