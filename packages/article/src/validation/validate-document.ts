import type { JSONContent } from '@tiptap/core';
import { getArticleSchema } from '../extensions/article-extensions';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from '../footnotes/names';
import { MARK_RULES, NODE_RULES } from './attribute-rules';
import { DOCUMENT_LIMITS, NESTED_TOO_DEEP } from './document-limits';
import { linkAddressErrors } from './link-text';
import { controlCharacterProblem } from './plain-text';
import { joinPath, type ValidationError, type ValidationResult } from './validation-result';

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);
const INLINE_NODES = new Set(['text', 'hardBreak', FOOTNOTE_REFERENCE]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class DocumentWalk {
  readonly errors: ValidationError[] = [];
  textChars = 0;
  nodes = 0;
  readonly references: { noteId: string; path: string }[] = [];
  readonly noteIds = new Map<string, string>();

  constructor(private readonly root: string) {}

  fail(path: string, message: string): void {
    if (this.errors.length < DOCUMENT_LIMITS.maxErrors)
      this.errors.push({ path: path || this.root || '(document)', message });
  }

  get full(): boolean {
    return this.errors.length >= DOCUMENT_LIMITS.maxErrors;
  }

  checkAttrs(
    owner: string,
    attrs: unknown,
    rules: (typeof NODE_RULES)[string],
    path: string,
  ): void {
    if (attrs === undefined) {
      for (const name of rules.required ?? [])
        this.fail(path, `${owner} is missing attribute '${name}'`);
      return;
    }
    if (!isRecord(attrs))
      return this.fail(joinPath(path, 'attrs'), `attrs of ${owner} must be an object`);
    for (const [name, value] of Object.entries(attrs)) {
      const rule = rules.attrs[name];
      if (value === undefined) continue;
      if (!rule) this.fail(joinPath(path, 'attrs'), `unknown attribute '${name}' on ${owner}`);
      else {
        const problem = rule(value);
        if (problem)
          this.fail(joinPath(joinPath(path, 'attrs'), name), `${owner} ${name} ${problem}`);
      }
    }
    for (const name of rules.required ?? []) {
      if (attrs[name] === undefined || attrs[name] === null)
        this.fail(path, `${owner} is missing attribute '${name}'`);
    }
  }

  checkMarks(marks: unknown, nodeType: string, path: string): void {
    const marksPath = joinPath(path, 'marks');
    if (!INLINE_NODES.has(nodeType))
      return this.fail(marksPath, `marks are not allowed on '${nodeType}'`);
    if (!Array.isArray(marks)) return this.fail(marksPath, 'marks must be an array');
    const seen = new Set<string>();
    marks.forEach((mark: unknown, index) => {
      const markPath = joinPath(marksPath, index);
      if (!isRecord(mark) || typeof mark.type !== 'string')
        return this.fail(markPath, 'mark must be an object with a type');
      const rules = MARK_RULES[mark.type];
      if (!rules) return this.fail(markPath, `unknown mark type '${mark.type.slice(0, 40)}'`);
      if (seen.has(mark.type)) this.fail(markPath, `duplicate mark '${mark.type}'`);
      seen.add(mark.type);
      for (const key of Object.keys(mark))
        if (!MARK_KEYS.has(key))
          this.fail(markPath, `unknown property '${key.slice(0, 40)}' on mark '${mark.type}'`);
      this.checkAttrs(`mark '${mark.type}'`, mark.attrs, rules, markPath);
    });
  }

  checkPlacement(
    type: string,
    parentType: string,
    index: number,
    siblings: number,
    path: string,
  ): void {
    if (type === FOOTNOTES) {
      if (parentType !== 'doc') this.fail(path, `'footnotes' may only appear at the top level`);
      else if (index !== siblings - 1) this.fail(path, `'footnotes' must be the last block`);
    }
    if (type === FOOTNOTE && parentType !== FOOTNOTES)
      this.fail(path, `'footnote' may only appear inside 'footnotes'`);
    if (type === FOOTNOTE_REFERENCE && parentType === FOOTNOTE)
      this.fail(path, 'a note cannot reference a note');
  }

  visit(node: unknown, path: string, depth: number, parentType: string | null): void {
    if (this.full) return;
    if (!isRecord(node) || typeof node.type !== 'string')
      return this.fail(path, 'node must be an object with a type');
    const { type } = node;
    const rules = NODE_RULES[type];
    if (!rules) return this.fail(path, `unknown node type '${type.slice(0, 40)}'`);
    if ((parentType === null) !== (type === 'doc')) {
      return this.fail(
        path,
        parentType === null
          ? `document must be of type 'doc', not '${type}'`
          : `'doc' cannot be nested`,
      );
    }
    if (++this.nodes === DOCUMENT_LIMITS.maxNodes + 1)
      this.fail(path, `document has more than ${DOCUMENT_LIMITS.maxNodes} nodes`);
    if (depth > DOCUMENT_LIMITS.maxDepth) return this.fail(path, NESTED_TOO_DEEP);
    for (const key of Object.keys(node))
      if (!NODE_KEYS.has(key))
        this.fail(path, `unknown property '${key.slice(0, 40)}' on '${type}'`);
    this.checkAttrs(`'${type}'`, node.attrs, rules, path);
    if (node.marks !== undefined) this.checkMarks(node.marks, type, path);

    if (type === 'text') {
      if (typeof node.text !== 'string' || node.text === '')
        return this.fail(path, 'text node must have non-empty text');
      this.textChars += node.text.length;
      const problem = controlCharacterProblem('text', node.text);
      if (problem) this.fail(joinPath(path, 'text'), problem);
      if (node.content !== undefined) this.fail(path, 'text node cannot have content');
      return;
    }
    if (node.text !== undefined) this.fail(path, `'${type}' cannot have text`);
    if (type === FOOTNOTE_REFERENCE) {
      const noteId = node.attrs && isRecord(node.attrs) ? node.attrs.noteId : undefined;
      if (typeof noteId === 'string') this.references.push({ noteId, path });
    }
    if (type === FOOTNOTE) {
      const id = isRecord(node.attrs) ? node.attrs.id : undefined;
      if (typeof id === 'string') {
        if (this.noteIds.has(id))
          this.fail(path, `duplicate note id '${id}' (first at ${this.noteIds.get(id)})`);
        else this.noteIds.set(id, path);
      }
    }
    if (node.content === undefined) return;
    if (!Array.isArray(node.content))
      return this.fail(joinPath(path, 'content'), 'content must be an array');
    const children: unknown[] = node.content;
    children.forEach((child, index) => {
      const childPath = joinPath(joinPath(path, 'content'), index);
      if (isRecord(child) && typeof child.type === 'string') {
        this.checkPlacement(child.type, type, index, children.length, childPath);
      }
      this.visit(child, childPath, depth + 1, type);
    });
    for (const error of linkAddressErrors(children, joinPath(path, 'content')))
      this.fail(error.path, error.message);
  }
}

/**
 * Validates an article body: known node and mark types and attributes only, link addresses we
 * would store (see parseLinkAddress), bounded size, footnote references that resolve, unique
 * note ids, one notes block at the end, and finally the schema's own content rules (e.g. a list item starts with a paragraph).
 */
export function validateDocument(doc: unknown, root = ''): ValidationResult<JSONContent> {
  const walk = new DocumentWalk(root);
  walk.visit(doc, root, 0, null);
  if (walk.textChars > DOCUMENT_LIMITS.maxTextChars) {
    walk.fail(
      root,
      `document has ${walk.textChars} characters of text; the limit is ${DOCUMENT_LIMITS.maxTextChars}`,
    );
  }
  for (const reference of walk.references) {
    if (!walk.noteIds.has(reference.noteId)) {
      walk.fail(reference.path, `footnote reference points at missing note '${reference.noteId}'`);
    }
  }
  if (walk.errors.length > 0) return { ok: false, errors: walk.errors };
  try {
    getArticleSchema().nodeFromJSON(doc).check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ path: root || '(document)', message: `invalid structure: ${reason}` }],
    };
  }
  return { ok: true, value: doc as JSONContent };
}
