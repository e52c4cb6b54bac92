import { describe, expect, it } from 'vitest';
import { shortUrlErrorPage, shortUrlPage } from './short-url-page';

describe('the no-JavaScript short URL pages', () => {
  it('show the short URL and the way back, with every text escaped and no script', () => {
    const html = shortUrlPage({
      shortUrl: 'https://s.example/abc"><script>x()</script>',
      title: 'A <b>bold</b> "headline"',
      articlePath: '/world/story',
    });
    expect(html).toContain(
      'value="https://s.example/abc&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"',
    );
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &quot;headline&quot;');
    expect(html).toContain('<a href="/world/story">Back to the article</a>');
    expect(html).not.toMatch(/<script/i);
  });

  it('explain a failure and link back when there is somewhere to go', () => {
    expect(shortUrlErrorPage('Try <later>', '/world/story')).toContain('Try &lt;later&gt;');
    expect(shortUrlErrorPage('Gone', null)).toContain('<a href="/">Read the latest news</a>');
  });
});
