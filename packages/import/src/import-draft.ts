import type { Actor } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { createArticle, type EditableArticle } from '@newsroom/editorial';
import { deleteImages, storeImage, type MediaLimits, type MediaStorage } from '@newsroom/media';
import type { ImportInput, ImportOptions } from './import-document';
import type { ImportNotice } from './import-notices';
import { convertDocument } from './thread/document-converter';

export interface ImportDraftInput extends ImportInput {
  db: Db;
  storage: MediaStorage;
  mediaLimits: MediaLimits;
  actor: Actor;
  sectionId: string;
  imageLimits?: ImportOptions['imageLimits'];
}

export interface ImportedDraft {
  article: EditableArticle;
  notices: ImportNotice[];
}

/**
 * "Import a document": a new draft with the document's text and pictures, or nothing at all.
 * Pictures are stored as they are converted (each through the upload pipeline, each its own
 * row and files); if anything after that fails (the document is refused, the draft insert
 * fails) they are removed again before the error goes on, so a refused import leaves neither a
 * draft nor images behind.
 */
export async function importDraft(input: ImportDraftInput): Promise<ImportedDraft> {
  const stored: string[] = [];
  try {
    const { fileName, bytes } = input;
    const imported = await convertDocument(
      { fileName, bytes },
      {
        ...(input.imageLimits && { imageLimits: input.imageLimits }),
        storeImage: async ({ bytes, alt, caption, credit }) => {
          const image = await storeImage({
            db: input.db,
            storage: input.storage,
            limits: input.mediaLimits,
            uploadedById: input.actor.id,
            bytes,
            texts: { alt, caption, credit },
            imported: true,
          });
          stored.push(image.id);
          return image;
        },
      },
      input.actor.id,
    );
    const article = await createArticle(
      input.db,
      input.actor,
      { title: imported.title, sectionId: input.sectionId },
      { body: imported.doc, markerStyle: imported.markerStyle },
    );
    return { article, notices: imported.notices };
  } catch (error) {
    // The refusal is what the person needs to hear; a failed clean-up is for the logs.
    await deleteImages(input.db, input.storage, stored).catch((cleanupError: unknown) =>
      console.error(`Import: could not remove pictures ${stored.join(', ')}`, cleanupError),
    );
    throw error;
  }
}
