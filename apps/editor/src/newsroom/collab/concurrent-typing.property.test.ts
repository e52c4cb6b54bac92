// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment } from '@newsroom/collab';
import { mountedCoEditor, sharedBody, sharedDocWithBody, sync } from './shared-doc-fixture';

/** One person: their copy of the shared document and, once the page has opened it, their editor. */
interface Person {
  doc: Y.Doc;
  editor: Editor | null;
}

type Step =
  | { kind: 'type'; person: 0 | 1 }
  | { kind: 'deliver'; from: 0 | 1 }
  | { kind: 'exchange' }
  | { kind: 'open'; person: 0 | 1 };

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
);

/** Both people's pending changes, crossing on the wire: each computed before either arrives. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

const opened: Editor[] = [];
afterEach(() => {
  for (const editor of opened.splice(0)) editor.destroy();
});

function open(person: Person): Editor {
  if (!person.editor) {
    person.editor = mountedCoEditor(person.doc);
    opened.push(person.editor);
    // Into the empty paragraph (the second block), where both people start writing.
    person.editor.commands.setTextSelection(person.editor.state.doc.child(0).nodeSize + 1);
  }
  return person.editor;
}

/** The empty paragraph both start in: the server's (seeded with the article) or one just added. */
type Start = 'seeded' | 'added with Enter' | 'each added with Enter';

function twoPeople(start: Start): [Person, Person] {
  const seed = sharedDocWithBody({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Lead.' }] },
      ...(start === 'seeded' ? [{ type: 'paragraph' }] : []),
    ],
  });
  const people: [Person, Person] = [
    { doc: new Y.Doc(), editor: null },
    { doc: new Y.Doc(), editor: null },
  ];
  for (const person of people) sync(seed, person.doc);
  if (start === 'added with Enter') {
    // The first person ends the lead paragraph with Enter; the other receives the new paragraph.
    const editor = open(people[0]);
    editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 1);
    editor.commands.enter();
    sync(people[0].doc, people[1].doc);
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
  for (const start of ['seeded', 'added with Enter', 'each added with Enter'] as const)
    it(`every letter either typed shows once, in its typist's order and paragraph, on both screens, whatever the timing (${start})`, () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 2, maxLength: 30 }), (steps) => {
          const people = twoPeople(start);
          const [a, b] = people;
          let typed = '';
          const byPerson = ['', ''];
          let next = 0;
          for (const move of steps) {
            if (move.kind === 'open') open(people[move.person]);
            if (move.kind === 'deliver') sync(people[move.from].doc, people[1 - move.from]!.doc);
            if (move.kind === 'exchange') exchange(a.doc, b.doc);
            if (move.kind === 'type') {
              // Letters never repeat, so a doubled one is a duplicate.
              const letter = String.fromCharCode(0x4e00 + next++);
              typed += letter;
              byPerson[move.person] += letter;
              open(people[move.person]).commands.insertContent(letter);
            }
          }
          exchange(a.doc, b.doc);
          exchange(a.doc, b.doc);
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
