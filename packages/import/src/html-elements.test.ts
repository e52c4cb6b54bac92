import { afterAll, describe, expect, it } from 'vitest';
import { countStartTags } from './html-elements';
import { openNodeHtmlParser } from './node-html-parser';

describe('countStartTags', () => {
  const { parseHtml, close } = openNodeHtmlParser();
  afterAll(close);
  const elementsMadeOf = (body: string) =>
    parseHtml(`<html><head></head><body>${body}</body></html>`).body.querySelectorAll('*').length;

  it('counts the tags happy-dom makes elements of, whatever their names', () => {
    for (const body of ['<p>a<b>b</b></p>', '<1x>a</1x><é>b', 'x<y', '<svg><g><rect/></g></svg>'])
      expect(countStartTags(body), body).toBe(elementsMadeOf(body));
  });

  it('never counts fewer: tags inside comments, attribute values and scripts count too', () => {
    for (const body of [
      '<!-- <p>x</p> --><p>y',
      '<p title="<b>">z',
      '<script><p></script>',
      '<textarea><p></textarea>',
      '<<p>',
      '<p>a<b>b</p>c</b>',
    ])
      expect(countStartTags(body), body).toBeGreaterThanOrEqual(elementsMadeOf(body));
  });

  it('counts no data: picture, however large, beyond its own tag', () => {
    const picture = `<img src="data:image/png;base64,${Buffer.alloc(100_000, 7).toString('base64')}">`;
    expect(countStartTags(`<p>${picture}</p>`)).toBe(2);
  });

  it('leaves out what is not a tag: a lone <, an end tag, a comment, a doctype', () => {
    expect(countStartTags('<!doctype html>a < b </p> <!-- c --> <?x?>')).toBe(0);
  });
});
