import { describe, expect, it } from 'vitest';
import { seedArticleDocument } from '../fixtures/seed-article';
import { DANGEROUS_HREFS } from '../fixtures/xss-payloads';
import { validateArticle } from './validate-article';

const valid = {
  title: '  Pentagon Report  ',
  slug: 'pentagon-report',
  sectionId: 'sec_1',
  standfirst: 'Short.',
  markerStyle: 'symbols',
  related: [{ title: 'Other', url: 'https://example.com/x' }, { articleId: 'art_2' }],
  body: seedArticleDocument(),
  status: 'ignored',
};

describe('validateArticle', () => {
  it('accepts a valid article, trims and drops unknown fields', () => {
    const result = validateArticle(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.title).toBe('Pentagon Report');
    expect(result.value).not.toHaveProperty('status');
  });

  it('applies defaults', () => {
    const result = validateArticle({
      title: 't',
      slug: 's',
      sectionId: 'x',
      body: seedArticleDocument(),
    });
    expect(
      result.ok && [result.value.markerStyle, result.value.related, result.value.standfirst],
    ).toEqual(['numeric', [], '']);
  });

  it('refuses control characters in the title, standfirst and body text, naming them', () => {
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body\u0001 text' }] }],
    };
    const result = validateArticle({
      ...valid,
      title: 'Title\u000bwith VT\u0001',
      standfirst: 'Stand\u001ffirst',
      related: [{ title: 'Other\u0007', url: 'https://example.com/x' }],
      body,
    });
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: 'title',
        message: 'title contains an invisible control character (U+000B); remove it',
      },
      {
        path: 'standfirst',
        message: 'standfirst contains an invisible control character (U+001F); remove it',
      },
      {
        path: 'related[0].title',
        message: 'title contains an invisible control character (U+0007); remove it',
      },
      {
        path: 'body.content[0].content[0].text',
        message: 'text contains an invisible control character (U+0001); remove it',
      },
    ]);
  });

  it('keeps tabs and line breaks where they were allowed', () => {
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\tb\nc\r' }] }],
    };
    const result = validateArticle({ ...valid, standfirst: 'One\tline\nand two', body });
    expect(result.ok && [result.value.standfirst]).toEqual(['One\tline\nand two']);
  });

  it('refuses a body nested 20,000 deep with the depth message (the walk stops at the limit)', () => {
    let deep: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'x' }] };
    for (let level = 0; level < 20_000; level++) deep = { type: 'blockquote', content: [deep] };
    const result = validateArticle({ ...valid, body: { type: 'doc', content: [deep] } });
    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([
      'document is nested deeper than 24 levels',
    ]);
  });

  it('reports metadata and body problems together with paths', () => {
    const result = validateArticle({
      ...valid,
      slug: 'Bad Slug',
      markerStyle: 'roman',
      related: [{ title: 'x', url: 'javascript:alert(1)' }],
      body: { type: 'doc', content: [{ type: 'script' }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      'slug',
      'markerStyle',
      'related[0].url',
      'body.content[0]',
    ]);
    expect(result.errors.at(-1)?.message).toBe("unknown node type 'script'");
  });

  it('refuses a body link a browser would misread, naming its words and the problem', () => {
    const link = (words: string, href: string, bold = false) => ({
      type: 'text',
      text: words,
      marks: [{ type: 'link', attrs: { href } }, ...(bold ? [{ type: 'bold' }] : [])],
    });
    const body = (...content: unknown[]) => ({
      type: 'doc',
      content: [{ type: 'paragraph', content: content }],
    });
    const errors = (...content: unknown[]) => {
      const result = validateArticle({ ...valid, body: body(...content) });
      return result.ok ? [] : result.errors;
    };
    expect(
      errors(
        { type: 'text', text: 'Read ' },
        link('the bank’s ', 'https://bank.example@evil.example/'),
        link('notice', 'https://bank.example@evil.example/', true),
        { type: 'text', text: ' and ' },
        link('this', 'https://exa\u200Bmple.com/'),
        link('that', 'https://example.com/100%'),
      ),
    ).toEqual([
      {
        path: 'body.content[0].content[1].marks[0].attrs.href',
        message:
          'The link on “the bank’s notice”: Leave the user name and password out of the address',
      },
      {
        path: 'body.content[0].content[4].marks[0].attrs.href',
        message: 'The link on “this”: The address has a space or an invisible character in it',
      },
      {
        path: 'body.content[0].content[5].marks[0].attrs.href',
        message: 'The link on “that”: The address has a "%" that does not start a code like %20',
      },
    ]);
    expect(errors(link('the story', 'https://exa mple.com/'))[0]?.message).toBe(
      'The link on “the story”: The address has a space or an invisible character in it',
    );
    // Valid links pass and are stored exactly as written.
    const written = body(
      link('mail', 'mailto:desk@newsroom.test'),
      link('site', '/world/story'),
      link('idn', 'https://пример.рф'),
      link('page', 'https://Example.com/café'),
    );
    const result = validateArticle({ ...valid, body: written });
    expect(result.ok && result.value.body).toEqual(written);
  });

  it.each(DANGEROUS_HREFS.map((href) => [href]))('rejects related url %j', (url) => {
    expect(validateArticle({ ...valid, related: [{ title: 'x', url }] }).ok).toBe(false);
  });

  it('rejects mailto related links, oversize lists and a missing body', () => {
    expect(validateArticle({ ...valid, related: [{ title: 'x', url: 'mailto:a@b.c' }] }).ok).toBe(
      false,
    );
    expect(
      validateArticle({ ...valid, related: Array.from({ length: 21 }, () => ({ articleId: 'a' })) })
        .ok,
    ).toBe(false);
    const { body: _body, ...withoutBody } = valid;
    const result = validateArticle(withoutBody);
    expect(!result.ok && result.errors).toEqual([{ path: 'body', message: 'body is required' }]);
  });
});
