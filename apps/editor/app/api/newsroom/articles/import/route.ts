import { getDb } from '@newsroom/db';
import { createArticle } from '@newsroom/editorial';
import { importDocument } from '@newsroom/import';
import { withStaff } from '../../../../../src/newsroom/api/with-staff';
import { readImportForm } from '../../../../../src/newsroom/import/import-request';
import {
  importedResponse,
  importFailedRedirect,
  importFailure,
  wantsJson,
} from '../../../../../src/newsroom/import/import-response';

/**
 * "Import a document": the file becomes a new draft, or nothing is stored. The document is
 * converted and validated first; the draft is one insert. Refusals are the one error shape
 * (JSON) or, for a form posted without JavaScript, the form page with the message.
 */
export const POST = withStaff(async ({ request, user }) => {
  try {
    const { fileName, bytes, sectionId } = await readImportForm(request);
    const imported = await importDocument({ fileName, bytes });
    const article = await createArticle(
      getDb(),
      user,
      { title: imported.title, sectionId },
      { body: imported.doc, markerStyle: imported.markerStyle },
    );
    return importedResponse(request, article, imported.notices);
  } catch (error) {
    const failure = importFailure(error);
    if (failure && !wantsJson(request)) return importFailedRedirect(failure);
    throw failure ?? error;
  }
});
