import { withoutHash } from './trace';

/** Addresses a crawl never opens: files a shop links to that are not pages. */
const NOT_A_PAGE = /\.(pdf|zip|jpe?g|png|gif|webp|svg|ico|mp4|webm|mp3|css|js|json|xml|txt)$/i;

/** The pages worth crawling among a page's links: same origin, http(s), no fragment, no files. */
export const crawlableLinks = (hrefs: readonly string[], origin: string): string[] => {
  const pages = new Set<string>();
  for (const href of hrefs) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    if (url.origin !== origin || !/^https?:$/.test(url.protocol) || NOT_A_PAGE.test(url.pathname)) continue;
    pages.add(withoutHash(url.href));
  }
  return [...pages];
};

/** Breadth-first order of pages to visit, at most `limit`, each once, the ones robots.txt allows. */
export class CrawlQueue {
  private readonly seen = new Set<string>();
  private readonly waiting: string[] = [];
  private taken = 0;

  constructor(
    private readonly limit: number,
    private readonly allowed: (url: string) => boolean,
  ) {}

  add(urls: readonly string[]): void {
    for (const url of urls) {
      if (this.seen.has(url) || !this.allowed(url)) continue;
      this.seen.add(url);
      this.waiting.push(url);
    }
  }

  next(): string | undefined {
    if (this.taken >= this.limit) return undefined;
    const url = this.waiting.shift();
    if (url !== undefined) this.taken += 1;
    return url;
  }

  /** Pages still waiting, as far as the limit lets them be visited. */
  get queued(): number {
    return Math.min(this.waiting.length, this.limit - this.taken);
  }
}
