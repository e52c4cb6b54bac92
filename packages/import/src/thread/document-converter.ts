import {
  importDocument,
  type ImportedDocument,
  type ImportInput,
  type ImportOptions,
} from '../import-document';
import { processImportThread } from './process-import-thread';
import { fromThreadError, toThreadError, type ConversionRequest } from './thread-messages';

/**
 * `importDocument` on the process's import thread when its server started one, else right here
 * (tests, scripts). The same document, notices and refusals either way: errors cross as plain
 * data and become this copy's own classes here (see ThreadError). `sender` (a user's id) is who
 * waits in the thread's line.
 */
export async function convertDocument(
  input: ImportInput,
  options: ImportOptions = {},
  sender?: string,
): Promise<ImportedDocument> {
  const thread = processImportThread();
  if (!thread) return importDocument(input, options);
  const { storeImage, imageLimits } = options;
  const request: ConversionRequest = {
    input,
    ...(sender !== undefined && { sender }),
    ...(imageLimits && { imageLimits }),
    ...(storeImage && {
      storeImage: (image) =>
        storeImage(image).then(
          (stored) => ({ image: stored }),
          (error: unknown) => ({ error: toThreadError(error) }),
        ),
    }),
  };
  const result = await thread.convert(request);
  if ('error' in result) throw fromThreadError(result.error);
  return result.document;
}
