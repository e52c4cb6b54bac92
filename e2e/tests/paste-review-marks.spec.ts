// What a paste must not publish or lose: a Word document's review marks and hidden text go (said),
// the words inside Word's smart tags stay, and a paragraph copied from another article brings
// its footnote along. Real Chromium parsing matters here: its HTML parser is what lets a
// `<o:SmartTagType/>` in Word's head swallow the body.
import { expect, type Page, test } from '@playwright/test';
import { body, createArticle, expectSaved, logIn, typeInBody } from './newsroom-helpers';

const references = (page: Page) => body(page).locator('sup.footnote-reference');
const notes = (page: Page) => body(page).locator('li.footnote');
const pasteNotice = (page: Page) => page.locator('.body-editor-notice[role="status"]');

/** A real paste event, as the browser sends one: a ClipboardEvent carrying text/html. */
async function pasteHtml(page: Page, html: string) {
  await page.evaluate((markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', 'plain text fallback');
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
  }, html);
}

/**
 * Word's clipboard for a reviewed paragraph (exploratory tester's shapes): a smart tag
 * declaration in the head, a tracked change, a comment with the comment list, a smart tag
 * around a place name, hidden text.
 */
const REVIEWED = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:st1="urn:schemas-microsoft-com:office:smarttags"><head><meta name=ProgId content=Word.Document><o:SmartTagType namespaceuri="urn:schemas-microsoft-com:office:smarttags" name="place"/></head><body lang=EN-GB><!--StartFragment-->
<p class=MsoNormal>The minister <del cite="mailto:Ann%20Editor" datetime="2026-11-30T09:00"><span class=msoDel>allegedly took bribes from </span></del><ins cite="mailto:Ann%20Editor" datetime="2026-11-30T09:00"><span class=msoIns>met </span></ins>the contractor<span class=MsoCommentReference><span style='font-size:8.0pt'><a style='mso-comment-reference:AE_1;mso-comment-date:20261130T0901'>&nbsp;</a><span style='mso-special-character:comment'>&nbsp;<![if !supportAnnotations]><a class=msocomanchor id="_anchor_1" href="#_msocom_1" name="_msoanchor_1">[AE1]</a><![endif]></span></span></span> in <st1:City w:st="on"><st1:place w:st="on">Moscow</st1:place></st1:City> on Monday.<o:p></o:p></p>
<p class=MsoNormal>Public text <span style='display:none;mso-hide:all'>HIDDEN note to self: source is J. Smith</span>continues.<o:p></o:p></p>
<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 width="33%"><![endif]>
<div style='mso-element:comment'><![if !supportAnnotations]><div id="_com_1" class=msocomtxt><![endif]><span style='mso-comment-author:"Ann Editor"'><![if !supportAnnotations]><a name="_msocom_1"></a><![endif]></span><p class=MsoCommentText><span class=MsoCommentReference><span style='mso-special-character:comment'>&nbsp;<![if !supportAnnotations]><a href="#_msoanchor_1" class=msocomoff>[AE1]</a><![endif]></span></span>LEGAL: source is anonymous, do not name the contractor until confirmed.<o:p></o:p></p><![if !supportAnnotations]></div><![endif]></div>
</div>
<!--EndFragment--></body></html>`;

test('pasting a reviewed Word document gives the final text, keeps smart-tagged words, and says what went', async ({
  page,
}) => {
  await logIn(page);
  await createArticle(page, `Pasted review ${Date.now()}`);
  await body(page).click();
  await pasteHtml(page, REVIEWED);

  await expect(body(page).locator('p')).toHaveText([
    'The minister met the contractor in Moscow on Monday.',
    'Public text continues.',
  ]);
  await expect(body(page)).not.toContainText(/bribes|AE1|LEGAL|J\. Smith/);
  await expect(pasteNotice(page)).toContainText('deleted text was left out and inserted text kept');
  await expect(pasteNotice(page)).toContainText('1 comment was left out');
  await expect(pasteNotice(page)).toContainText('Hidden text was left out');
  await expectSaved(page);
});

test('a paragraph copied from one article into another brings its footnote along', async ({
  page,
}) => {
  await logIn(page);
  await createArticle(page, `Copy source ${Date.now()}`);
  await typeInBody(page, 'Claim with a source');
  await page.keyboard.press('ControlOrMeta+Alt+F');
  await page.keyboard.type('The note text from A.');
  await expect(notes(page)).toHaveText(['The note text from A.']);
  await expectSaved(page);

  // Select the paragraph and copy it with the keyboard; keep what the editor put on the clipboard.
  await page.evaluate(() => {
    window.addEventListener('copy', (event) => {
      (window as unknown as { copied: string }).copied =
        event.clipboardData?.getData('text/html') ?? '';
    });
  });
  await body(page).locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  // ProseMirror takes the browser's selection on its next selectionchange; a copy before that
  // copies its old, empty selection (nothing, and no copy event of its own).
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (
            document.querySelector('.ProseMirror') as {
              editor?: { state: { selection: { empty: boolean } } };
            } | null
          )?.editor?.state.selection.empty,
      ),
    )
    .toBe(false);
  await page.keyboard.press('ControlOrMeta+C');
  const copied = await page.waitForFunction(
    () => (window as unknown as { copied?: string }).copied,
  );
  const html = (await copied.jsonValue()) as string;
  expect(html).toContain('The note text from A.');

  await createArticle(page, `Copy target ${Date.now()}`);
  await typeInBody(page, 'Existing B text. ');
  await pasteHtml(page, html);
  await expect(body(page).locator('p').first()).toHaveText('Existing B text. Claim with a source');
  await expect(references(page)).toHaveCount(1);
  await expect(notes(page)).toHaveText(['The note text from A.']);
  await expect(pasteNotice(page)).toHaveText('');
  await expectSaved(page);
});
