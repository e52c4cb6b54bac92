import { getDb } from '@newsroom/db';
import { importDraft } from '@newsroom/import';
import { getMediaLimits, getMediaStorage } from '../../../../../src/media/media-runtime';
import { withStaff } from '../../../../../src/newsroom/api/with-staff';
import { readImportForm } from '../../../../../src/newsroom/import/import-request';
import {
  importedResponse,
  importFailedRedirect,
  importFailure,
  wantsJson,
} from '../../../../../src/newsroom/import/import-response';

/**
 * "Import a document": the file becomes a new draft, its pictures stored through the upload
 * pipeline, or nothing is stored (pictures are removed again if the draft is refused).
 * Refusals are the one error shape (JSON) or, for a form posted without JavaScript, the form
 * page with the message.
 */
export const POST = withStaff(async ({ request, user }) => {
  try {
    const { fileName, bytes, sectionId } = await readImportForm(request);
    const { article, notices } = await importDraft({
      db: getDb(),
      storage: getMediaStorage(),
      mediaLimits: getMediaLimits(),
      actor: user,
      sectionId,
      fileName,
      bytes,
    });
    return importedResponse(request, article, notices);
  } catch (error) {
    const failure = importFailure(error);
    if (failure && !wantsJson(request)) return importFailedRedirect(failure);
    throw failure ?? error;
  }
});
