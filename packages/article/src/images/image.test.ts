import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { articleExtensions, getArticleSchema } from '../extensions/article-extensions';
import { doc, image, note, paragraph, ref, text } from '../footnotes/test-documents';
import { validateDocument } from '../validation/validate-document';
import { collectImageIds } from './collect-images';

const errorsOf = (input: unknown) => {
  const result = validateDocument(input);
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
};

describe('the image node', () => {
  it('is a block of the shared schema and survives a JSON round trip through the editor', () => {
    const input = doc([paragraph(text('Before')), image(), paragraph(text('After'))]);
    expect(getArticleSchema().nodes.image?.isBlock).toBe(true);
    const editor = new Editor({ extensions: articleExtensions, content: input });
    expect(editor.getJSON()).toEqual(input);
    editor.destroy();
  });

  it('is inserted by the typed insertImage command', () => {
    const editor = new Editor({
      extensions: articleExtensions,
      content: doc([paragraph(text('One'))]),
    });
    const attrs = image().attrs as Parameters<typeof editor.commands.insertImage>[0];
    editor.commands.insertImage(attrs, editor.state.doc.content.size);
    expect(editor.getJSON().content?.map((node) => node.type)).toEqual(['paragraph', 'image']);
    editor.destroy();
  });

  it('is accepted by validation with alt, caption, credit and size', () => {
    expect(errorsOf(doc([image(), paragraph(text('x'))]))).toEqual([]);
    expect(errorsOf(doc([image({ caption: '', credit: '' })]))).toEqual([]);
  });

  it('refuses an image without alt text, or with only spaces and invisible characters', () => {
    expect(errorsOf(doc([image({ alt: '' })]))).toEqual([
      expect.stringMatching(/^content\[0\]\.attrs\.alt: 'image' alt must be non-empty text/),
    ]);
    expect(errorsOf(doc([image({ alt: '   ' })]))).toHaveLength(1);
    expect(errorsOf(doc([image({ alt: '\u200b' })]))).toHaveLength(1);
    const { alt: _alt, ...withoutAlt } = image().attrs as Record<string, unknown>;
    expect(errorsOf(doc([{ type: 'image', attrs: withoutAlt }]))).toEqual([
      "content[0]: 'image' is missing attribute 'alt'",
    ]);
  });

  it('refuses foreign ids, sizes and attributes', () => {
    expect(errorsOf(doc([image({ imageId: '../../etc/passwd' })]))[0]).toMatch(
      /imageId: 'image' imageId must be a stored image id/,
    );
    expect(errorsOf(doc([image({ imageId: 'https://evil.example/x.jpg' })]))).toHaveLength(1);
    expect(errorsOf(doc([image({ width: 0 })]))[0]).toMatch(/width/);
    expect(errorsOf(doc([image({ height: 1.5 })]))[0]).toMatch(/height/);
    expect(errorsOf(doc([image({ onerror: 'alert(1)' })]))).toEqual([
      "content[0].attrs: unknown attribute 'onerror' on 'image'",
    ]);
    expect(errorsOf(doc([image({ caption: 'x'.repeat(1001) })]))[0]).toMatch(/caption/);
    expect(errorsOf(doc([image({ credit: 'x'.repeat(201) })]))[0]).toMatch(/credit/);
  });

  it('refuses invisible control characters in alt, caption and credit, as in the text', () => {
    expect(
      errorsOf(
        doc([image({ alt: 'Alt\u000bwith VT', caption: 'Cap\u0001tion', credit: 'Cred\u001bit' })]),
      ),
    ).toEqual([
      "content[0].attrs.alt: 'image' alt contains an invisible control character (U+000B); remove it",
      "content[0].attrs.caption: 'image' caption contains an invisible control character (U+0001); remove it",
      "content[0].attrs.credit: 'image' credit contains an invisible control character (U+001B); remove it",
    ]);
    expect(errorsOf(doc([image({ caption: 'Two\nlines\tand a tab' })]))).toEqual([]);
  });

  it('cannot sit inside a paragraph or a note', () => {
    expect(errorsOf(doc([paragraph(text('a'), image())]))[0]).toMatch(/invalid structure/);
    const inNote = doc([paragraph(text('a'), ref('n1'))], [{ ...note('n1'), content: [image()] }]);
    expect(errorsOf(inNote)[0]).toMatch(/invalid structure/);
  });

  it('lists the image ids a document uses, in order, once each', () => {
    const input = doc([
      image({ imageId: 'cimgaaaaaaaaaaaaaaaa' }),
      { type: 'blockquote', content: [image({ imageId: 'cimgbbbbbbbbbbbbbbbb' })] },
      image({ imageId: 'cimgaaaaaaaaaaaaaaaa' }),
    ]);
    expect(collectImageIds(input)).toEqual(['cimgaaaaaaaaaaaaaaaa', 'cimgbbbbbbbbbbbbbbbb']);
  });
});
