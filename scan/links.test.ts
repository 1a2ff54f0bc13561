import { describe, expect, it } from 'vitest';
import { CrawlQueue, crawlableLinks } from './links';

describe('crawlableLinks', () => {
  it('keeps same-origin pages once, without their fragment, and drops files and other sites', () => {
    const links = crawlableLinks(
      [
        'http://shop.test/a.html#top',
        'http://shop.test/a.html',
        'http://shop.test/b/',
        'http://shop.test/price-list.pdf',
        'https://shop.test/c.html',
        'http://other.test/',
        'mailto:info@shop.test',
        'not a url',
      ],
      'http://shop.test',
    );
    expect(links).toEqual(['http://shop.test/a.html', 'http://shop.test/b/']);
  });
});

describe('CrawlQueue', () => {
  it('gives pages breadth-first, each once, up to the limit, skipping what robots.txt forbids', () => {
    const queue = new CrawlQueue(3, (url) => !url.includes('/private'));
    queue.add(['/', '/a', '/private', '/b']);
    expect(queue.next()).toBe('/');
    queue.add(['/a', '/c']);
    expect(queue.queued).toBe(2);
    expect([queue.next(), queue.next(), queue.next()]).toEqual(['/a', '/b', undefined]);
    expect(queue.queued).toBe(0);
  });
});
