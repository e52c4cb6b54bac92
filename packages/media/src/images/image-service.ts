import {
  ALT_TEXT_NEEDED,
  describesSomething,
  IMAGE_FORMAT_MIME,
  IMAGE_ID_PATTERN,
  IMAGE_LIMITS,
  isAltTextPlaceholder,
  parseRenditionFile,
  plainText,
  renditionWidths,
  standardWidthBelow,
  type ImageRenditionFormat,
} from '@newsroom/article';
import type { Db } from '@newsroom/db';
import { z } from 'zod';
import { MediaError } from '../errors';
import type { MediaLimits } from '../limits';
import { processImage } from '../processing/process-image';
import type { MediaStorage, StoredFile } from '../storage/media-storage';
import { imageFolderKey, renditionKey } from './image-keys';

/** An image as the newsroom and the reader pages see it. */
export interface StoredImage {
  id: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

const DESCRIBE_IT = 'Describe the image (alt text) for people who cannot see it';

/** A text field of an image, with messages a person reads (not the schema's own). */
const imageText = (label: string, maxLength: number) =>
  plainText(
    label,
    z
      .string({ message: `${label} must be text` })
      .trim()
      .max(maxLength, `${label} can have at most ${maxLength} characters`),
  );

const altSchema = plainText(
  'The alt text',
  z
    .string({ message: DESCRIBE_IT })
    .trim()
    .max(
      IMAGE_LIMITS.maxAltLength,
      `The alt text can have at most ${IMAGE_LIMITS.maxAltLength} characters: describe what matters, the caption can say more`,
    ),
).refine(describesSomething, DESCRIBE_IT);

const PLACEHOLDER_IS_NO_DESCRIPTION = `“${ALT_TEXT_NEEDED}” is the placeholder an imported picture without a description gets, not alt text: describe the image for people who cannot see it`;

const imageTextsWith = (alt: z.ZodType<string>) =>
  z.object({
    alt,
    caption: imageText('The caption', IMAGE_LIMITS.maxCaptionLength).default(''),
    credit: imageText('The credit', IMAGE_LIMITS.maxCreditLength).default(''),
  });

/** What an upload may carry: alt text that describes the image, never the import's placeholder. */
export const imageTextsSchema = imageTextsWith(
  altSchema.refine((alt) => !isAltTextPlaceholder(alt), PLACEHOLDER_IS_NO_DESCRIPTION),
);

/** An imported picture may keep the placeholder (ALT_TEXT_NEEDED): publishing refuses it. */
const importedImageTextsSchema = imageTextsWith(altSchema);

export type ImageTexts = z.infer<typeof imageTextsSchema>;

export interface StoreImageInput {
  db: Db;
  storage: MediaStorage;
  limits: MediaLimits;
  uploadedById: string;
  bytes: Buffer;
  texts: unknown;
  /** A picture of an imported document, whose alt text may be the ALT_TEXT_NEEDED placeholder. */
  imported?: boolean;
}

const storedImageSelect = {
  id: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
  credit: true,
} as const;

/**
 * Checks the texts and the file, renders every rendition, then records the image and writes its
 * files. The row is created first (its id names the folder) and removed again if a write
 * fails, so no image is ever offered whose files are missing.
 */
export async function storeImage(input: StoreImageInput): Promise<StoredImage> {
  const schema = input.imported ? importedImageTextsSchema : imageTextsSchema;
  const texts = schema.safeParse(input.texts ?? {});
  if (!texts.success)
    throw new MediaError(
      'invalid_metadata',
      texts.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  const processed = await processImage(input.bytes, input.limits);
  const image = await input.db.image.create({
    data: {
      ...texts.data,
      format: processed.format,
      width: processed.width,
      height: processed.height,
      bytes: input.bytes.length,
      uploadedById: input.uploadedById,
    },
    select: storedImageSelect,
  });
  try {
    for (const rendition of processed.renditions) {
      await input.storage.put(
        renditionKey(image.id, rendition.width, rendition.format),
        rendition.bytes,
        IMAGE_FORMAT_MIME[rendition.format],
      );
    }
  } catch (error) {
    await input.db.image.delete({ where: { id: image.id } }).catch(() => undefined);
    await input.storage.deletePrefix(imageFolderKey(image.id)).catch(() => undefined);
    throw error;
  }
  return image;
}

/**
 * Removes images again, rows and files, e.g. those stored for an import whose draft was then
 * refused. Rows go first: should a file delete then fail, what is left is files nothing points
 * at, never an image whose files are gone.
 */
export async function deleteImages(
  db: Db,
  storage: MediaStorage,
  ids: readonly string[],
): Promise<void> {
  const valid = ids.filter((id) => IMAGE_ID_PATTERN.test(id));
  if (valid.length === 0) return;
  await db.image.deleteMany({ where: { id: { in: valid } } });
  for (const id of valid) await storage.deletePrefix(imageFolderKey(id));
}

export async function findImage(db: Db, id: string): Promise<StoredImage | null> {
  if (!IMAGE_ID_PATTERN.test(id)) return null;
  return db.image.findUnique({ where: { id }, select: storedImageSelect });
}

/**
 * One rendition's bytes for `/media/images/<id>/<file>`. The URL is parsed against the known
 * widths and formats before anything touches the storage, so no path can be smuggled in.
 */
export async function readRendition(
  { storage, db }: { storage: MediaStorage; db: Db },
  imageId: string,
  file: string,
): Promise<StoredFile> {
  const rendition = parseRenditionFile(file);
  if (!IMAGE_ID_PATTERN.test(imageId) || !rendition)
    throw new MediaError('not_found', 'No such image');
  const stored =
    (await storage.get(renditionKey(imageId, rendition.width, rendition.format))) ??
    (await standInRendition(storage, db, imageId, rendition));
  if (!stored) throw new MediaError('not_found', 'No such image');
  return { bytes: stored.bytes, contentType: IMAGE_FORMAT_MIME[rendition.format] };
}

/**
 * For an image stored before it had a rendition at its own width: the standard one below, at
 * that one width only (any other width stays a 404, not one more cached alias of a file).
 */
async function standInRendition(
  storage: MediaStorage,
  db: Db,
  imageId: string,
  rendition: { width: number; format: ImageRenditionFormat },
) {
  const standardWidth = standardWidthBelow(rendition.width);
  if (standardWidth === null) return null;
  const image = await db.image.findUnique({ where: { id: imageId }, select: { width: true } });
  if (!image || !renditionWidths(image.width).includes(rendition.width)) return null;
  return storage.get(renditionKey(imageId, standardWidth, rendition.format));
}
