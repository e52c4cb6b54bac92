// Live co-editing in two browser contexts (two people), with the collaboration server started,
// killed and restarted here. The other journeys run without it (REST autosave).
import { UNPUBLISHED_RELATED_TITLE } from '@newsroom/article';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { CollabServerProcess } from './collab-server';
import {
  body,
  createArticle,
  createStaffWithCli,
  expectSaved,
  logIn,
  saveStatus,
} from './newsroom-helpers';

let server: CollabServerProcess;
test.beforeAll(async () => {
  server = await CollabServerProcess.start();
});
test.afterAll(async () => {
  await server.stop();
});

/** The body's text without the other people's caret labels. */
const bodyText = (editor: Locator) =>
  editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
    return copy.textContent ?? '';
  });

/** The text the editor itself (not only the browser) holds as selected. */
const editorSelectedText = (page: Page) =>
  body(page).evaluate((element) => {
    // Tiptap keeps its editor on the editable element.
    type EditorState = {
      doc: { textBetween(from: number, to: number): string };
      selection: { from: number; to: number };
    };
    const { state } = (element as HTMLElement & { editor: { state: EditorState } }).editor;
    return state.doc.textBetween(state.selection.from, state.selection.to);
  });

const peopleHere = (page: Page) => page.getByRole('list', { name: 'Also in this article' });
const markers = (page: Page) =>
  body(page)
    .locator('sup.footnote-reference')
    .evaluateAll((references) => references.map((reference) => reference.dataset.marker));
/** The notes' texts without the other people's caret labels. */
const noteTexts = (page: Page) =>
  body(page)
    .locator('li.footnote')
    .evaluateAll((notes) =>
      notes.map((note) => {
        const copy = note.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
        return copy.textContent ?? '';
      }),
    );

/** What the pages write to the browser's console as warnings or errors, from now on. */
function consoleWarnings(...screens: Page[]): string[] {
  const warnings: string[] = [];
  for (const screen of screens)
    screen.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error')
        warnings.push(`${message.type()}: ${message.text()}`);
    });
  return warnings;
}

/** One person creates a draft, a second one (another browser context) opens it too. */
async function twoPeopleInOneArticle(page: Page, browser: Browser, headline: string) {
  await logIn(page);
  const id = await createArticle(page, `${headline} ${Date.now()}`);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await logIn(other, undefined, `/newsroom/articles/${id}`);
  await expect(peopleHere(page)).toBeVisible();
  await expect(peopleHere(other)).toBeVisible();
  return { id, other, close: () => otherContext.close() };
}

test('two people type in one paragraph at once and both screens show the same text', async ({
  page,
  browser,
}) => {
  const { id, other, close } = await twoPeopleInOneArticle(page, browser, 'Together');
  const warnings = consoleWarnings(page, other);
  await body(page).click();
  await page.keyboard.type('Storm update:');
  await expect.poll(() => bodyText(body(other))).toBe('Storm update:');
  // One person goes on at the end of the paragraph, the other writes at its start, at once.
  await body(other).click();
  await other.keyboard.press('ControlOrMeta+Home');
  const mine = ' alpha beta gamma';
  const theirs = 'One two three. ';
  await Promise.all([page.keyboard.type(mine), other.keyboard.type(theirs)]);

  // Both screens converge on one text holding every letter both people typed, once.
  await expect.poll(() => bodyText(body(page))).toBe(`${theirs}Storm update:${mine}`);
  await expect.poll(() => bodyText(body(other))).toBe(await bodyText(body(page)));
  // Each screen shows the other person's caret, with their name, in their colour (not the
  // grey that stands in for a colour that is not ours), and drawing it wrote no warning.
  for (const screen of [page, other]) {
    const caret = body(screen).locator('.collab-caret');
    await expect(caret.locator('.collab-caret-label')).toHaveText([/\S/]);
    const color = await caret.evaluate((bar) => bar.style.getPropertyValue('--collab-color'));
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(color).not.toBe('#555555');
  }
  await expectSaved(page);
  await expectSaved(other);
  expect(warnings).toEqual([]);

  // The working copy (what preview, revisions and Update use) holds that same text.
  const converged = await bodyText(body(page));
  await page.goto(`/newsroom/articles/${id}`);
  await expect.poll(() => bodyText(body(page))).toBe(converged);
  await close();
});

const headline = (screen: Page) => screen.getByRole('textbox', { name: 'Headline', exact: true });
/** Puts the caret at `at` in a field (after clicking into it, wherever the click landed). */
const caretAt = async (field: Locator, at: number) => {
  await field.click();
  await field.evaluate((element: HTMLTextAreaElement, at) => element.setSelectionRange(at, at), at);
};
const caretOf = (field: Locator) =>
  field.evaluate((element: HTMLTextAreaElement) => [element.selectionStart, element.selectionEnd]);

test('two people type in one headline at once: both keep their letters, and the caret stays on its letters', async ({
  page,
  browser,
}) => {
  const { id, other, close } = await twoPeopleInOneArticle(page, browser, 'Storm coast');
  const start = await headline(page).inputValue(); // "Storm coast <number>"
  await expect(headline(other)).toHaveValue(start);
  // One person writes after "Storm ", the other at the start, at once.
  await caretAt(headline(page), 'Storm '.length);
  await caretAt(headline(other), 0);
  const mine = 'north ';
  const theirs = 'Big ';
  await Promise.all([page.keyboard.type(mine), other.keyboard.type(theirs)]);
  const both = `${theirs}Storm ${mine}${start.slice('Storm '.length)}`;
  await expect(headline(page)).toHaveValue(both);
  await expect(headline(other)).toHaveValue(both);

  // The caret of one stays on its letters (before "coast") while the other types before it.
  await caretAt(headline(other), 0);
  await other.keyboard.type('Very ');
  const final = `Very ${both}`;
  await expect(headline(page)).toHaveValue(final);
  const beforeCoast = final.indexOf('coast');
  expect(await caretOf(headline(page))).toEqual([beforeCoast, beforeCoast]);
  await expect(headline(page)).toBeFocused();

  // The slug still follows the headline, made from the whole merged one on both screens.
  const slug = final.toLowerCase().replaceAll(' ', '-');
  for (const screen of [page, other])
    await expect(screen.getByRole('textbox', { name: 'Slug', exact: true })).toHaveValue(slug);
  await expectSaved(page);
  await expectSaved(other);
  const stored = await page.request.get(`/api/newsroom/articles/${id}`);
  const { article } = (await stored.json()) as { article: { title: string; slug: string } };
  expect(article).toMatchObject({ title: final, slug });
  await close();
});

/** Whether `letters` appear in `text` in their order (other letters may come between). */
const inOrder = (text: string, letters: string) => {
  let at = 0;
  for (const letter of text) if (letter === letters[at]) at++;
  return at === letters.length;
};

/** The text of each paragraph of the body, without the other people's caret labels. */
const paragraphTexts = (editor: Locator) =>
  editor.evaluate((element) =>
    [...element.querySelectorAll(':scope > p')].map((paragraph) => {
      const copy = paragraph.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
      return copy.textContent ?? '';
    }),
  );

test('two people write in one new empty paragraph, one joining while the other types: both stay in it', async ({
  page,
  browser,
}) => {
  const { other, close } = await twoPeopleInOneArticle(page, browser, 'Empty together');
  // A new empty paragraph after the lead, with an empty line below it.
  await body(page).click();
  await page.keyboard.type('Lead.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => paragraphTexts(body(other))).toEqual(['Lead.', '', '']);
  await body(other).locator('p').nth(1).click();

  // One starts typing; the other joins as soon as the first letter shows on their screen.
  const mine = '0123456789';
  const theirs = 'abcdefghij';
  await Promise.all([
    page.keyboard.type(mine),
    (async () => {
      await expect.poll(async () => (await paragraphTexts(body(other)))[1]).toContain(mine[0]);
      await other.keyboard.type(theirs);
    })(),
  ]);

  // Every letter in the paragraph both were in, each person's in the order typed, on both screens.
  const lettersShown = async (screen: Page) => (await paragraphTexts(body(screen))).join('').length;
  await expect.poll(() => lettersShown(page)).toBe(`Lead.${mine}${theirs}`.length);
  await expect.poll(() => paragraphTexts(body(other))).toEqual(await paragraphTexts(body(page)));
  const [lead, written, below] = await paragraphTexts(body(page));
  expect({ lead, below }).toEqual({ lead: 'Lead.', below: '' });
  expect({ written, mine: inOrder(written!, mine), theirs: inOrder(written!, theirs) }).toEqual({
    written,
    mine: true,
    theirs: true,
  });
  await close();
});

test('one person deletes the paragraph holding the other’s caret: no error, typing goes on there', async ({
  page,
  browser,
}) => {
  const { other, close } = await twoPeopleInOneArticle(page, browser, 'Deleted under me');
  const errors: Error[] = [];
  for (const screen of [page, other]) screen.on('pageerror', (error) => errors.push(error));
  await body(page).click();
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Third paragraph.');
  await expect.poll(() => bodyText(body(other))).toBe(await bodyText(body(page)));

  // The other person's caret in the first paragraph; the first person deletes that paragraph.
  await body(other).locator('p', { hasText: 'First paragraph.' }).click();
  await other.keyboard.press('End');
  // Selecting is harmless to repeat: until the editor holds the first paragraph as selected. A
  // click can land on the other person's caret label, and a redraw for the other person's caret
  // can put back the editor's selection before it has read the browser's (so the browser's
  // selection is not what Backspace acts on).
  const first = body(page).locator('p', { hasText: 'First paragraph.' });
  await expect(async () => {
    await first.click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await editorSelectedText(page)).toContain('First paragraph.');
  }).toPass();
  await page.keyboard.press('Backspace');
  const left = 'Second paragraph.Third paragraph.';
  await expect.poll(() => bodyText(body(page))).toBe(left);
  await expect.poll(() => bodyText(body(other))).toBe(left);

  // The other person's caret moved to where the paragraph stood (not to the article's end).
  await other.keyboard.type('Still here. ');
  const typed = 'Still here. Second paragraph.Third paragraph.';
  await expect.poll(() => bodyText(body(other))).toBe(typed);
  await expect.poll(() => bodyText(body(page))).toBe(typed);
  await expectSaved(page);
  await expectSaved(other);
  expect(errors).toEqual([]);
  await close();
});

test('a note inserted while the other person types: both see the same markers and notes', async ({
  page,
  browser,
}) => {
  const { other, close } = await twoPeopleInOneArticle(page, browser, 'Notes together');
  // The marker style is a detail of the shared document too: the other person gets it.
  await page.getByLabel('Footnote markers').selectOption('numeric');
  await expect(other.getByLabel('Footnote markers')).toHaveValue('numeric');
  await body(page).click();
  await page.keyboard.type('Claim');
  await expect.poll(() => bodyText(body(other))).toContain('Claim');
  await body(other).click();
  await other.keyboard.press('ControlOrMeta+End');

  await Promise.all([
    (async () => {
      await page.keyboard.press('ControlOrMeta+Alt+F');
      await page.keyboard.type('Source of the claim');
      await page.keyboard.press('Escape');
    })(),
    other.keyboard.type(' and more words'),
  ]);
  await expect(body(other).locator('li.footnote')).toHaveText(['Source of the claim']);
  await expect.poll(() => markers(other)).toEqual(['1']);
  await expect.poll(() => markers(page)).toEqual(['1']);

  // A second note, before the first, from the other person: both renumber the same way.
  await other.keyboard.press('ControlOrMeta+Home');
  await other.keyboard.press('ControlOrMeta+Alt+F');
  await other.keyboard.type('Earlier note');
  await other.keyboard.press('Escape');
  await expect.poll(() => noteTexts(page)).toEqual(['Earlier note', 'Source of the claim']);
  await expect.poll(() => markers(page)).toEqual(['1', '2']);
  await expect.poll(() => markers(other)).toEqual(['1', '2']);
  await expect.poll(() => noteTexts(other)).toEqual(await noteTexts(page));
  await expectSaved(page);
  await expectSaved(other);

  // Undo is collaboration's: it takes back only the other person's own note (typing groups
  // vary, so press until it is gone), and both screens renumber.
  for (let press = 0; press < 10 && (await noteTexts(other)).length > 1; press++)
    await other.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => noteTexts(page)).toEqual(['Source of the claim']);
  await expect.poll(() => markers(page)).toEqual(['1']);
  await expect.poll(() => markers(other)).toEqual(['1']);
  // The first person's words stay (what the other typed may go with their note: one undo step).
  await expect.poll(() => bodyText(body(page))).toContain('Claim');
  await expectSaved(other);
  await close();
});

test('a slug one person typed by hand is kept when the other edits the headline', async ({
  page,
  browser,
}) => {
  const { id, other, close } = await twoPeopleInOneArticle(page, browser, 'Hand-typed');
  // Both pages start with the slug following the headline.
  await other.getByRole('textbox', { name: 'Slug', exact: true }).fill('typed-by-hand');
  await expect(page.getByRole('textbox', { name: 'Slug', exact: true })).toHaveValue(
    'typed-by-hand',
  );
  await page
    .getByRole('textbox', { name: 'Headline', exact: true })
    .fill('A headline changed on the other screen');
  await expect(other.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue(
    'A headline changed on the other screen',
  );
  await expect(page.getByRole('textbox', { name: 'Slug', exact: true })).toHaveValue(
    'typed-by-hand',
  );
  await expect(other.getByRole('textbox', { name: 'Slug', exact: true })).toHaveValue(
    'typed-by-hand',
  );
  await expectSaved(page);
  const stored = await page.request.get(`/api/newsroom/articles/${id}`);
  expect(((await stored.json()) as { article: { slug: string } }).article.slug).toBe(
    'typed-by-hand',
  );
  await close();
});

test('a note removed while the other person writes in it: they are told, with its text, and type nowhere', async ({
  page,
  browser,
}) => {
  const { other, close } = await twoPeopleInOneArticle(page, browser, 'Removed note');
  await body(page).click();
  await page.keyboard.type('A claim');
  await page.keyboard.press('ControlOrMeta+Alt+F');
  await page.keyboard.type('Ministry report');
  await page.keyboard.press('Escape');
  await expect.poll(() => noteTexts(other)).toEqual(['Ministry report']);

  await body(other).locator('li.footnote').click();
  await other.keyboard.press('End');
  await other.keyboard.type(', page 12');
  await expect.poll(() => noteTexts(page)).toEqual(['Ministry report, page 12']);
  // The first person deletes the text holding the only reference: the note goes with it.
  await body(page).locator('p').first().click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await expect.poll(() => noteTexts(page)).toEqual([]);

  const notice = other.getByRole('alert').filter({ hasText: 'removed the note you were writing' });
  await expect(notice).toContainText('Ministry report, page 12');
  await other.keyboard.type('meant for the note');
  await expectSaved(other);
  expect(await bodyText(body(other))).not.toContain('meant for the note');
  await close();
});

test('the collaboration server dies mid-edit and comes back: nothing typed is lost', async ({
  page,
  browser,
}) => {
  const { id, other, close } = await twoPeopleInOneArticle(page, browser, 'Outage');
  await body(page).click();
  await page.keyboard.type('Before the outage.');
  await expectSaved(page);

  await server.stop('SIGKILL');
  await expect(saveStatus(page)).toHaveText(/^Offline/);
  await expect(saveStatus(other)).toHaveText(/^Offline/);
  // Both keep typing: the changes are kept in each browser meanwhile.
  await page.keyboard.type(' Mine during it.');
  await expect(saveStatus(page)).toHaveText(/^Offline: \d+ changes? kept here$/);
  await body(other).click();
  await other.keyboard.press('ControlOrMeta+End');
  await other.keyboard.type(' Theirs during it.');
  await expect(saveStatus(other)).toHaveText(/^Offline: \d+ changes? kept here$/);

  server = await CollabServerProcess.start();
  await expectSaved(page);
  await expectSaved(other);
  await expect.poll(() => bodyText(body(page))).toBe(await bodyText(body(other)));

  // A third browser opening the article now gets everything both people wrote.
  const fresh = await browser.newContext();
  const third = await fresh.newPage();
  await logIn(third, undefined, `/newsroom/articles/${id}`);
  for (const words of ['Before the outage.', 'Mine during it.', 'Theirs during it.'])
    await expect.poll(() => bodyText(body(third))).toContain(words);
  await fresh.close();
  await close();
});

test('text typed while the browser is offline is kept and merged on reconnect', async ({
  page,
}) => {
  await logIn(page);
  const id = await createArticle(page, `Offline together ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Online words.');
  await expectSaved(page);

  await page.context().setOffline(true);
  await page.keyboard.type(' Offline words.');
  // Chromium's offline mode stalls the open WebSocket rather than closing it; the page closes
  // it on the browser's "offline" event, so it says so at once (not after 30 s of "Syncing…").
  await expect(saveStatus(page)).toHaveText(/^Offline: \d+ changes? kept here$/);
  await page.context().setOffline(false);
  await expectSaved(page);
  await page.goto(`/newsroom/articles/${id}`);
  await expect(body(page)).toHaveText('Online words. Offline words.');
});

test('Publish now from a co-edited page leaves nothing unpublished', async ({ page }) => {
  await logIn(page);
  const id = await createArticle(page, `Published together ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Ready for readers.');
  await expectSaved(page);
  const published = page.waitForResponse(
    (response) => response.url().endsWith(`/${id}/publish`) && response.status() === 200,
  );
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.locator('.editor-notice')).toHaveText('Published.');
  // The dateline the publication set is written back to the shared document and stored as a
  // new version: a copy of what is live, so nothing is unpublished.
  const { article } = (await (await published).json()) as { article: { version: number } };
  const stored = async () => {
    const response = await page.request.get(`/api/newsroom/articles/${id}`);
    return (
      (await response.json()) as { article: { version: number; hasUnpublishedChanges: boolean } }
    ).article;
  };
  await expect.poll(async () => (await stored()).version).toBeGreaterThan(article.version);
  expect((await stored()).hasUnpublishedChanges).toBe(false);
  await page.reload();
  await expect(page.getByTestId('publication-text')).toHaveText('Published');
});

test('a key pressed just before "Publish now" is in what readers see', async ({
  page,
  context,
}) => {
  await logIn(page);
  await createArticle(page, `Last key ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Ready for readers');
  await expectSaved(page);
  // The key and the click in one task, with no frame between them: the key's change still
  // waits for the frame to be written to the shared document when Publish asks for "saved".
  await body(page).evaluate((element) => {
    document.execCommand('insertText', false, '!');
    // The editor reads the typed text from the page's mutation records, delivered as a
    // microtask; the click comes after that.
    return Promise.resolve().then(() => {
      const publish = [...document.querySelectorAll('button')].find(
        (button) => button.textContent === 'Publish now',
      );
      if (!publish || !(element as HTMLElement & { editor?: unknown }).editor)
        throw new Error('no Publish now button or editor');
      publish.click();
    });
  });
  await expect(page.locator('.editor-notice')).toHaveText('Published.');
  const reader = await context.newPage();
  await reader.goto((await page.getByRole('link', { name: 'View on site' }).getAttribute('href'))!);
  await expect(reader.locator('article')).toContainText('Ready for readers!');
});

test('a headline whose slug another article has takes the next free slug, and saving goes on', async ({
  page,
}) => {
  await logIn(page);
  const stamp = Date.now();
  await createArticle(page, `Same headline ${stamp}`);
  await createArticle(page, `Another headline ${stamp}`);
  await page.getByRole('textbox', { name: 'Headline', exact: true }).fill(`Same headline ${stamp}`);
  await body(page).click();
  await page.keyboard.type('The body is saved too.');
  await expectSaved(page);
  await expect(page.getByRole('textbox', { name: 'Slug', exact: true })).toHaveValue(
    `same-headline-${stamp}-2`,
  );
});

test('a page whose session ended in another tab says so, and asks to log in again', async ({
  page,
}) => {
  await logIn(page);
  const id = await createArticle(page, `Session ends ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Before the other tab logged out.');
  await expectSaved(page);
  const otherTab = await page.context().newPage();
  await otherTab.goto('/newsroom/articles');
  await otherTab.getByRole('button', { name: 'Log out' }).click();
  await expect(otherTab.getByRole('status')).toHaveText('You are logged out.');
  await page.keyboard.type(' Typed after.');
  const notice = page.getByRole('alert').filter({ hasText: 'Your session has ended' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('link', { name: 'log in again' })).toHaveAttribute(
    'href',
    `/newsroom/login?next=${encodeURIComponent(`/newsroom/articles/${id}`)}`,
  );
});

test('an open page follows a publication made elsewhere, and its slug stops following the headline', async ({
  page,
  baseURL,
}) => {
  await logIn(page);
  const id = await createArticle(page, `Published elsewhere ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Written here, published from elsewhere.');
  await expectSaved(page);
  const slug = await page.getByRole('textbox', { name: 'Slug', exact: true }).inputValue();
  const stored = await page.request.get(`/api/newsroom/articles/${id}`);
  const { version } = ((await stored.json()) as { article: { version: number } }).article;
  const published = await page.request.post(`/api/newsroom/articles/${id}/publish`, {
    data: { baseVersion: version },
    headers: { origin: baseURL! },
  });
  expect(published.status()).toBe(200);

  await expect(page.getByTestId('publication-text')).toHaveText('Published', {
    timeout: 20_000,
  });
  await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('A new headline');
  await expectSaved(page);
  // The live address changes only on purpose, not with a headline tweak.
  await expect(page.getByRole('textbox', { name: 'Slug', exact: true })).toHaveValue(slug);
});

/** A writer logged in a browser context of their own, with a draft of theirs open in it. */
async function writerWithOpenDraft(browser: Browser, headline: string) {
  const writer = createStaffWithCli('writer');
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, writer);
  const id = await createArticle(page, `${headline} ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('The writer’s first words.');
  await expectSaved(page);
  return { writer, page, id, close: () => context.close() };
}

test('a writer whose open draft an editor schedules is told it was scheduled, not published', async ({
  page,
  browser,
  baseURL,
}) => {
  const { page: writerPage, id, close } = await writerWithOpenDraft(browser, 'Scheduled elsewhere');
  await logIn(page);
  const stored = await page.request.get(`/api/newsroom/articles/${id}`);
  const { version } = ((await stored.json()) as { article: { version: number } }).article;
  const scheduled = await page.request.post(`/api/newsroom/articles/${id}/schedule`, {
    data: { baseVersion: version, publishAt: new Date(Date.now() + 3_600_000).toISOString() },
    headers: { origin: baseURL! },
  });
  expect(scheduled.status()).toBe(200);
  await expect(
    writerPage.getByRole('alert').filter({ hasText: 'An editor has scheduled this article' }),
  ).toContainText(/\(Scheduled for .+\): it is read-only for you now\./, { timeout: 20_000 });
  await close();
});

test('a draft in the related list: the editor sees its headline, the writer only that it is unpublished', async ({
  page,
  browser,
  baseURL,
}) => {
  await logIn(page);
  const secretHeadline = `Secret plan ${Date.now()}`;
  const secretId = await createArticle(page, secretHeadline);
  const articleOf = async (requester: Page, id: string) =>
    (
      (await (await requester.request.get(`/api/newsroom/articles/${id}`)).json()) as {
        article: Record<string, unknown> & { version: number; sectionId: string };
      }
    ).article;
  const { sectionId } = await articleOf(page, secretId);

  // The writer's own draft, which an editor lists the admin's draft in (over the API, which
  // takes any article id an editor may see).
  const writer = createStaffWithCli('writer');
  const writerContext = await browser.newContext();
  const writerPage = await writerContext.newPage();
  await logIn(writerPage, writer);
  const created = await writerPage.request.post('/api/newsroom/articles', {
    data: { title: `Listing a draft ${Date.now()}`, sectionId },
    headers: { origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  const { id } = ((await created.json()) as { article: { id: string } }).article;
  const article = await articleOf(page, id);
  const listed = await page.request.put(`/api/newsroom/articles/${id}`, {
    data: { ...article, baseVersion: article.version, related: [{ articleId: secretId }] },
    headers: { origin: baseURL! },
  });
  expect(listed.status()).toBe(200);

  await page.goto(`/newsroom/articles/${id}`);
  await expect(page.getByRole('button', { name: `Remove: ${secretHeadline}` })).toBeVisible();
  await writerPage.goto(`/newsroom/articles/${id}`);
  await expect(
    writerPage.getByRole('button', { name: `Remove: ${UNPUBLISHED_RELATED_TITLE}` }),
  ).toBeVisible();
  await expect(writerPage.locator('body')).not.toContainText(secretHeadline);
  await writerContext.close();
});

test('an editor demoted while editing someone else’s draft is told so, not asked to log in again', async ({
  page,
  browser,
  baseURL,
}) => {
  const { id, close: closeWriter } = await writerWithOpenDraft(browser, 'Demoted meanwhile');
  const editor = createStaffWithCli('editor');
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await logIn(editorPage, editor, `/newsroom/articles/${id}`);
  await expect(body(editorPage)).toBeVisible();

  await logIn(page);
  const { users } = (await (await page.request.get('/api/newsroom/users')).json()) as {
    users: { id: string; email: string }[];
  };
  const editorId = users.find((user) => user.email === editor.email)!.id;
  const demoted = await page.request.patch(`/api/newsroom/users/${editorId}`, {
    data: { role: 'writer' },
    headers: { origin: baseURL! },
  });
  expect(demoted.status()).toBe(200);

  const notice = editorPage.getByRole('alert').filter({ hasText: 'You can no longer edit' });
  await expect(notice).toContainText('your role has changed', { timeout: 20_000 });
  await expect(notice).not.toContainText('log in again');
  await expect(notice.getByRole('link', { name: 'Back to the articles' })).toBeVisible();
  await editorContext.close();
  await closeWriter();
});

test('log out deletes the copies of articles this browser kept', async ({ page }) => {
  await logIn(page);
  await createArticle(page, `Shared computer ${Date.now()}`);
  await body(page).click();
  await page.context().setOffline(true);
  await page.keyboard.type('Typed on a shared computer.');
  await expect(saveStatus(page)).toHaveText(/^Offline: \d+ changes? kept here$/);
  const keptCopies = () =>
    page.evaluate(async () =>
      (await indexedDB.databases()).flatMap(({ name }) =>
        name?.startsWith('newsroom-') ? [name] : [],
      ),
    );
  await expect.poll(keptCopies).toHaveLength(1);
  await page.context().setOffline(false);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('status')).toHaveText('You are logged out.');
  await expect.poll(keptCopies).toEqual([]);
});

test('text typed while the server is down is kept when the page is left right after', async ({
  page,
}) => {
  await logIn(page);
  const id = await createArticle(page, `Left at once ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Before the outage.');
  await expectSaved(page);

  await server.stop('SIGKILL');
  await expect(saveStatus(page)).toHaveText(/^Offline/);
  await page.keyboard.type(' Typed, then the tab left.');
  await expect(saveStatus(page)).toHaveText(/^Offline: \d+ changes? kept here$/);
  // Leaving at once: this browser's copy is written in batches, and leaving writes the last one.
  await page.goto('/newsroom');

  server = await CollabServerProcess.start();
  await page.goto(`/newsroom/articles/${id}`);
  await expect
    .poll(() => bodyText(body(page)))
    .toBe('Before the outage. Typed, then the tab left.');
  await expectSaved(page);
});

test('restoring a revision replaces the shared document for everyone in the article', async ({
  page,
  browser,
}) => {
  const { other, close } = await twoPeopleInOneArticle(page, browser, 'Restore together');
  await body(page).click();
  await page.keyboard.type('First version.');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Publish' }).click(); // records a revision
  await expect(page.locator('.status')).toHaveText('published');

  await body(other).click();
  await other.keyboard.press('ControlOrMeta+End');
  await other.keyboard.type(' Words we will regret.');
  await expect.poll(() => bodyText(body(page))).toBe('First version. Words we will regret.');
  await expectSaved(other);
  await expectSaved(page);

  await page.getByRole('button', { name: 'Show history' }).click();
  const publication = page.locator('.revision-list li', { hasText: 'Published' }).first();
  await publication.getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('.history-panel [role=status]')).toHaveText(/Restored version \d+/);
  // Both screens now show the restored text, and so does the next person to open it.
  await expect.poll(() => bodyText(body(page))).toBe('First version.');
  await expect.poll(() => bodyText(body(other))).toBe('First version.');
  await expectSaved(page);
  await other.reload();
  await expect.poll(() => bodyText(body(other))).toBe('First version.');
  await close();
});
