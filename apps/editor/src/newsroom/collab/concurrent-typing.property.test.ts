// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment } from '@newsroom/collab';
import { mountedCoEditor, sharedBody, sharedDocWithBody, sync } from './shared-doc-fixture';
import { WritesAfterFrame } from './writes-after-frame';

/** One person: their copy of the shared document and, once the page has opened it, their editor. */
interface Person {
  doc: Y.Doc;
  editor: Editor | null;
  /** Where their editor's changes wait for the frame (none: written inside the key press). */
  writes: WritesAfterFrame | null;
}

type Step =
  | { kind: 'type'; person: 0 | 1 }
  | { kind: 'deliver'; from: 0 | 1 }
  | { kind: 'exchange' }
  | { kind: 'open'; person: 0 | 1 }
  | { kind: 'frame'; person: 0 | 1 };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      person: fc.constantFrom(0 as const, 1 as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      from: fc.constantFrom(0 as const, 1 as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('exchange' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('open' as const),
      person: fc.constantFrom(0 as const, 1 as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('frame' as const),
      person: fc.constantFrom(0 as const, 1 as const),
    }),
  },
);

/**
 * What one person's document has, arriving at the other's. A change waiting for the frame there
 * is written first, as the session has it written before the provider applies a message.
 */
function deliver(from: Person, to: Person): void {
  to.writes?.flush();
  sync(from.doc, to.doc);
}

/** Both people's pending changes, crossing on the wire: each computed before either arrives. */
function exchange(a: Person, b: Person): void {
  const toB = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc));
  const toA = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc));
  b.writes?.flush();
  Y.applyUpdate(b.doc, toB, 'remote');
  a.writes?.flush();
  Y.applyUpdate(a.doc, toA, 'remote');
}

const opened: Editor[] = [];
afterEach(() => {
  for (const editor of opened.splice(0)) editor.destroy();
});

function open(person: Person): Editor {
  if (!person.editor) {
    person.editor = mountedCoEditor(person.doc, person.writes ?? undefined);
    opened.push(person.editor);
    // Into the empty paragraph (the second block), where both people start writing.
    person.editor.commands.setTextSelection(person.editor.state.doc.child(0).nodeSize + 1);
  }
  return person.editor;
}

/** The empty paragraph both start in: the server's (seeded with the article) or one just added. */
type Start = 'seeded' | 'added with Enter' | 'each added with Enter';

/** When an editor writes its changes to the shared document. */
type Writing = 'in the key press' | 'after the frame';

function twoPeople(start: Start, writing: Writing): [Person, Person] {
  const seed = sharedDocWithBody({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Lead.' }] },
      ...(start === 'seeded' ? [{ type: 'paragraph' }] : []),
    ],
  });
  const person = (): Person => ({
    doc: new Y.Doc(),
    editor: null,
    writes: writing === 'after the frame' ? new WritesAfterFrame() : null,
  });
  const people: [Person, Person] = [person(), person()];
  for (const person of people) sync(seed, person.doc);
  if (start === 'added with Enter') {
    // The first person ends the lead paragraph with Enter; the other receives the new paragraph.
    const editor = open(people[0]);
    editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 1);
    editor.commands.enter();
    people[0].writes?.flush(); // the frame that shows the new paragraph
    deliver(people[0], people[1]);
  }
  if (start === 'each added with Enter')
    for (const person of people) {
      const editor = open(person);
      editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 1);
      editor.commands.enter();
    }
  return people;
}

/** The block a person starts typing in: the empty one, or the one they added themselves. */
function startedIn(start: Start, person: Person, shared: Y.Doc): number {
  if (start !== 'each added with Enter') return 1;
  const blocks = bodyFragment(shared).toArray() as Y.XmlElement[];
  return blocks.findIndex((block) => block._item?.id.client === person.doc.clientID);
}

describe('two people typing into one empty paragraph at the same moment', () => {
  for (const writing of ['in the key press', 'after the frame'] as const)
    for (const start of ['seeded', 'added with Enter', 'each added with Enter'] as const)
      it(`every letter either typed shows once, in its typist's order and paragraph, on both screens, whatever the timing (${start}, written ${writing})`, () => {
        fc.assert(
          fc.property(fc.array(step, { minLength: 2, maxLength: 30 }), (steps) => {
            const people = twoPeople(start, writing);
            const [a, b] = people;
            let typed = '';
            const byPerson = ['', ''];
            let next = 0;
            for (const move of steps) {
              if (move.kind === 'open') open(people[move.person]);
              if (move.kind === 'frame') people[move.person].writes?.flush();
              if (move.kind === 'deliver') deliver(people[move.from], people[1 - move.from]!);
              if (move.kind === 'exchange') exchange(a, b);
              if (move.kind === 'type') {
                // Letters never repeat, so a doubled one is a duplicate.
                const letter = String.fromCharCode(0x4e00 + next++);
                typed += letter;
                byPerson[move.person] += letter;
                open(people[move.person]).commands.insertContent(letter);
              }
            }
            for (const person of people) person.writes?.flush();
            exchange(a, b);
            exchange(a, b);
            const shown = [open(a), open(b)].map((editor) => editor.state.doc.textContent);
            expect(shown[1]).toBe(shown[0]);
            expect([...shown[0]!.replace('Lead.', '')].sort()).toEqual([...typed].sort());
            for (const person of people)
              expect(person.editor!.state.doc.toJSON()).toEqual(sharedBody(person.doc));
            // Each person's letters in the order they typed them.
            for (const own of byPerson)
              expect([...shown[0]!].filter((c) => own.includes(c)).join('')).toBe(own);
            // ... all in the paragraph they started in (their caret never jumped to another).
            const paragraphs: string[] = [];
            a.editor!.state.doc.forEach((block) => paragraphs.push(block.textContent));
            people.forEach((person, index) => {
              const own = byPerson[index]!;
              const written = paragraphs[startedIn(start, person, a.doc)] ?? '';
              expect([...written].filter((c) => own.includes(c)).join('')).toBe(own);
            });
          }),
          { numRuns: Number(process.env.RUNS ?? 100) },
        );
      });
});
