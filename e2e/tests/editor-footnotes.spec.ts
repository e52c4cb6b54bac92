// Footnote markers in the real editor: numbered from document order, renumbered live when notes
// are inserted before others, on undo and redo, and when the last reference to a note is deleted.
// (Copy and paste of references is covered by packages/article's editor tests.)
import { expect, type Page, test } from '@playwright/test';
import { body, createArticle, expectSaved, logIn } from './newsroom-helpers';

const references = (page: Page) => body(page).locator('sup.footnote-reference');
const notes = (page: Page) => body(page).locator('li.footnote');

async function insertNote(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+Alt+F');
  await page.keyboard.type(text);
  // Back to just after the reference, in the text.
  await pressAndWait(page, 'Escape', { inParagraph: true, collapsed: true });
}

async function expectFootnotes(page: Page, markers: string[], noteTexts: string[]) {
  await expect(references(page)).toHaveCount(markers.length);
  for (const [index, marker] of markers.entries()) {
    await expect(references(page).nth(index)).toHaveAttribute('data-marker', marker);
  }
  await expect(notes(page)).toHaveText(noteTexts);
}

/** Presses a history key until the document shows `count` references (typing groups vary). */
async function pressUntilReferences(page: Page, key: string, count: number) {
  for (let press = 0; press < 10; press++) {
    if ((await references(page).count()) === count) return;
    await page.keyboard.press(key);
  }
  await expect(references(page)).toHaveCount(count);
}

/**
 * The editor's own idea of the selection. ProseMirror learns of caret moves made by the browser
 * (Home, End, arrows) from the asynchronous selectionchange event; a test that types faster than
 * a person waits for it, as a person's next key would.
 */
function editorSelection(page: Page) {
  return page.evaluate(() => {
    type Selection = {
      from: number;
      to: number;
      $from: { parent: { type: { name: string } } };
    };
    const element = document.querySelector('.ProseMirror') as HTMLElement & {
      editor: { state: { selection: Selection } };
    };
    const { from, to, $from } = element.editor.state.selection;
    return {
      from,
      to,
      collapsed: from === to,
      inParagraph: $from.parent.type.name === 'paragraph',
    };
  });
}

async function pressAndWait(
  page: Page,
  key: string,
  expected: Partial<Awaited<ReturnType<typeof editorSelection>>>,
) {
  await page.keyboard.press(key);
  await expect.poll(() => editorSelection(page)).toMatchObject(expected);
}

test('markers follow document order through insert, undo, redo and delete', async ({ page }) => {
  await logIn(page);
  await createArticle(page, `Footnotes ${Date.now()}`);
  await page.getByLabel('Footnote markers').selectOption('numeric');

  await body(page).click();
  await page.keyboard.type('Alpha');
  await insertNote(page, 'Note A');
  await page.keyboard.type(' beta');
  await insertNote(page, 'Note B');
  await expectFootnotes(page, ['1', '2'], ['Note A', 'Note B']);

  // A note inserted before the others becomes 1; the others move down.
  await pressAndWait(page, 'ControlOrMeta+Home', { from: 1 });
  await insertNote(page, 'Note C');
  await expectFootnotes(page, ['1', '2', '3'], ['Note C', 'Note A', 'Note B']);

  await pressUntilReferences(page, 'ControlOrMeta+Z', 2);
  await expectFootnotes(page, ['1', '2'], ['Note A', 'Note B']);
  await pressUntilReferences(page, 'ControlOrMeta+Shift+Z', 3);
  // Redo may bring the note back before all of its typed text: check order, not the last letters.
  for (const [index, marker] of ['1', '2', '3'].entries()) {
    await expect(references(page).nth(index)).toHaveAttribute('data-marker', marker);
  }
  await expect(notes(page)).toHaveCount(3);
  await expect(notes(page).nth(1)).toHaveText('Note A');
  await expect(notes(page).nth(2)).toHaveText('Note B');

  // Deleting the only reference to a note removes the note and renumbers the rest.
  await pressAndWait(page, 'ControlOrMeta+Home', { from: 1 });
  await page.keyboard.press('Delete');
  await expectFootnotes(page, ['1', '2'], ['Note A', 'Note B']);

  await expectSaved(page);

  // What was saved renders the same way for readers.
  await page.getByRole('button', { name: 'Show preview' }).click();
  const preview = page.getByTestId('preview');
  await expect(preview.locator('[role="doc-noteref"]')).toHaveText(['1', '2']);
  await expect(preview.locator('[role="doc-endnotes"] li')).toHaveCount(2);
  await expect(preview.locator('[role="doc-backlink"]')).toHaveCount(2);
});
