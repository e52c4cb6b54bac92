import {
  DANGEROUS_HREFS,
  DANGEROUS_TEXT,
  doc,
  image,
  paragraph,
  text,
} from '@newsroom/article/test-fixtures';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup } from './html-safety';
import { renderArticle } from './render-article';
import { renderBody } from './render-body';

function parse(html: string) {
  const window = new Window();
  const container = window.document.createElement('div');
  container.innerHTML = html;
  return { container, close: () => void window.happyDOM.close() };
}

describe('images in the renderer', () => {
  it('writes a <figure> with AVIF/WebP sources, a JPEG fallback, size, caption and credit', () => {
    const html = renderBody(doc([image()]), 'numeric');
    const id = 'cimg0000000000000001';
    const widths = [400, 800, 1200, 1600];
    const srcset = (ext: string) =>
      widths.map((width) => `/media/images/${id}/${width}.${ext} ${width}w`).join(', ');
    const sizes = '(min-width: 42rem) min(39.5rem, 2000px), min(calc(100vw - 2rem), 2000px)';
    expect(html).toBe(
      '<figure class="article-image"><picture>' +
        `<source type="image/avif" srcset="${srcset('avif')}" sizes="${sizes}">` +
        `<source type="image/webp" srcset="${srcset('webp')}" sizes="${sizes}">` +
        `<img src="/media/images/${id}/1200.jpg" srcset="${srcset('jpg')}" sizes="${sizes}"` +
        ' width="2000" height="1333" alt="A flooded road" decoding="async"></picture>' +
        '<figcaption><span class="image-caption">The valley road on Monday</span>' +
        '<span class="image-credit">Jane Doe / Agency</span></figcaption></figure>',
    );
  });

  it('loads the first image at once and the ones below lazily (none eager under a lead image)', () => {
    const input = doc([image(), paragraph(text('between')), image(), image()]);
    const lazyCount = (html: string) => html.match(/loading="lazy"/g)?.length ?? 0;
    expect(lazyCount(renderBody(input, 'numeric'))).toBe(2);
    expect(lazyCount(renderArticle({ doc: input, markerStyle: 'numeric', eagerImages: 0 }))).toBe(
      3,
    );
    const { container, close } = parse(renderBody(input, 'numeric'));
    expect(container.querySelectorAll('figure img')[0]?.hasAttribute('loading')).toBe(false);
    close();
  });

  it('leaves out the figcaption when there is neither caption nor credit, and a small image has one width', () => {
    const html = renderBody(
      doc([image({ caption: ' ', credit: '', width: 300, height: 200 })]),
      'numeric',
    );
    expect(html).not.toContain('figcaption');
    expect(html).toContain('srcset="/media/images/cimg0000000000000001/300.jpg 300w"');
    // Shown at most at its own width, not stretched to the column.
    expect(html).toContain(
      'sizes="(min-width: 42rem) min(39.5rem, 300px), min(calc(100vw - 2rem), 300px)"',
    );
  });

  it('drops images whose id or size cannot be trusted', () => {
    for (const attrs of [
      { imageId: 'https://evil.example/a.jpg' },
      { imageId: '../../x' },
      { imageId: 'x" onerror="alert(1)' },
      { width: '100" onload="x' },
      { height: -1 },
      { width: 1e9 },
    ])
      expect(renderBody(doc([image(attrs)]), 'numeric')).toBe('');
  });

  it.each([...DANGEROUS_TEXT, ...DANGEROUS_HREFS.filter(Boolean)].map((payload) => [payload]))(
    'escapes %j in alt, caption and credit',
    (payload) => {
      const html = renderBody(
        doc([image({ alt: payload, caption: payload, credit: payload })]),
        'numeric',
      );
      expect(findUnsafeMarkup(html)).toEqual([]);
      const { container, close } = parse(html);
      expect(container.querySelector('img')?.getAttribute('alt')).toBe(payload);
      expect(container.querySelector('.image-caption')?.textContent).toBe(payload.trim());
      expect(container.querySelector('.image-credit')?.textContent).toBe(payload.trim());
      expect(container.querySelectorAll('figure')).toHaveLength(1);
      close();
    },
  );

  it('the safety checker refuses images from anywhere but the media path', () => {
    expect(findUnsafeMarkup('<img src="https://evil.example/x.png" alt="">')).toHaveLength(1);
    expect(
      findUnsafeMarkup('<img src="/media/images/a/1.jpg" srcset="data:x 1w" alt="">'),
    ).not.toEqual([]);
    expect(findUnsafeMarkup('<img src="/media/images/a/1.jpg" alt="">')).toEqual([]);
  });
});
