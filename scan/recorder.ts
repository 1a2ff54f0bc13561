import type { BrowserContext, Page } from 'playwright-core';
import { isThirdParty } from './party';
import { causeFromStack, scriptCause, TRACE_BINDING, type TraceEvent, traceWrites, withoutHash } from './trace';
import type { Cause, CookieRecord, Pass, RequestRecord, StorageRecord, WidgetSetup } from './types';

interface Initiator {
  type: string;
  url?: string;
  lineNumber?: number;
  stack?: CallStack;
}
interface CallStack {
  callFrames: { url: string; lineNumber: number }[];
  parent?: CallStack;
}

const firstFrame = (stack: CallStack | undefined): { url: string; lineNumber: number } | undefined => {
  for (let level = stack; level; level = level.parent) {
    const frame = level.callFrames.find((candidate) => /^(https?|file):/.test(candidate.url));
    if (frame) return frame;
  }
  return undefined;
};

/** What made a request, from Chromium's own record of its initiator. */
export const causeOfRequest = (initiator: Initiator, pageUrl: string): Cause | undefined => {
  const frame = firstFrame(initiator.stack);
  // DevTools counts lines from 0; people and editors from 1.
  if (frame) return scriptCause(frame.url, frame.lineNumber + 1, pageUrl);
  if (initiator.type === 'parser' && initiator.url) {
    return withoutHash(initiator.url) === withoutHash(pageUrl)
      ? {
          kind: 'parser',
          page: withoutHash(pageUrl),
          ...(initiator.lineNumber === undefined ? {} : { line: initiator.lineNumber + 1 }),
        }
      : scriptCause(initiator.url, undefined, pageUrl);
  }
  return undefined;
};

const SCRIPT_SRC = /<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/i;

/**
 * Chromium names the page, not the script, as the initiator of a request a synchronous script makes while the
 * page is parsed (`new Image().src = …` in a pixel's tag), with the line of that script's element: the
 * script is the one whose tag is on that line of the page's source.
 */
export const resolveParserCause = (cause: Cause, source: string | undefined): Cause => {
  if (cause.kind !== 'parser' || cause.line === undefined || source === undefined) return cause;
  const src = SCRIPT_SRC.exec(source.split('\n')[cause.line - 1] ?? '')?.[1];
  return src ? scriptCause(new URL(src, cause.page).href, undefined, cause.page) : cause;
};

/**
 * One browser context for one pass: traces cookie and storage writes, `Set-Cookie` responses and
 * third-party requests of each page it visits, and reads what the page holds afterwards.
 */
export class PassRecorder {
  private readonly causes = new Map<string, Cause>();
  /** The HTML of each page as the server sent it, to read the line a parser-initiated request names. */
  private readonly sources = new Map<string, string>();
  private requests: RequestRecord[] = [];
  private pending: Promise<unknown>[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly pass: Pass,
  ) {}

  static async open(context: BrowserContext, pass: Pass): Promise<PassRecorder> {
    const page = await context.newPage();
    const recorder = new PassRecorder(context, page, pass);
    await context.exposeBinding(TRACE_BINDING, ({ frame }, event: TraceEvent) => {
      const cause = causeFromStack(event.stack, frame.url());
      if (cause) recorder.remember(`${event.kind}:${event.name}`, cause);
    });
    await context.addInitScript(traceWrites, TRACE_BINDING);
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
        recorder.pending.push(
          response
            .text()
            .then((text) => recorder.sources.set(withoutHash(response.url()), text))
            .catch(() => undefined),
        );
      }
      recorder.pending.push(
        response
          .headersArray()
          .then((headers) => {
            for (const { name, value } of headers) {
              if (name.toLowerCase() !== 'set-cookie') continue;
              for (const line of value.split('\n')) {
                const cookie = line.split(';')[0]?.split('=')[0]?.trim();
                if (cookie) recorder.remember(`cookie:${cookie}`, { kind: 'response', url: response.url() });
              }
            }
          })
          .catch(() => undefined),
      );
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (event) => {
      const url = event.request.url;
      if (!/^https?:/.test(url)) return;
      const host = new URL(url).hostname;
      // Before the first page has loaded, the page is still about:blank: the document being loaded is the page.
      const pageUrl = /^https?:/.test(page.url()) ? page.url() : event.documentURL;
      if (!isThirdParty(host, pageUrl)) return;
      const cause = causeOfRequest(event.initiator as Initiator, pageUrl);
      recorder.requests.push({ url, host, type: (event.type ?? 'Other').toLowerCase(), ...(cause ? { cause } : {}) });
    });
    return recorder;
  }

  private remember(key: string, cause: Cause): void {
    if (!this.causes.has(key)) this.causes.set(key, cause);
  }

  /** Forgets the requests made so far: those before a decision belong to the first pass. */
  forgetRequests(): void {
    this.requests = [];
  }

  /** Everything the page holds now, and the third-party requests since the last read. */
  async read(): Promise<{ cookies: CookieRecord[]; storage: StorageRecord[]; requests: RequestRecord[] }> {
    await Promise.all(this.pending);
    this.pending = [];
    const pageUrl = this.page.url();
    const cookies = (await this.context.cookies()).map((cookie): CookieRecord => {
      const cause = this.causes.get(`cookie:${cookie.name}`);
      return {
        name: cookie.name,
        domain: cookie.domain,
        path: cookie.path,
        expires: cookie.expires,
        httpOnly: cookie.httpOnly,
        secure: cookie.secure,
        sameSite: cookie.sameSite,
        thirdParty: isThirdParty(cookie.domain, pageUrl),
        ...(cause ? { cause } : {}),
      };
    });
    const keys = await this.page
      .evaluate(() => {
        const list = (area: () => Storage) => {
          try {
            return Object.keys(area());
          } catch {
            return [];
          }
        };
        return { localStorage: list(() => localStorage), sessionStorage: list(() => sessionStorage) };
      })
      .catch(() => ({ localStorage: [], sessionStorage: [] }));
    const storage = (['localStorage', 'sessionStorage'] as const).flatMap((area) =>
      keys[area].map((key): StorageRecord => {
        const cause = this.causes.get(`${area}:${key}`);
        return { area, key, ...(cause ? { cause } : {}) };
      }),
    );
    const requests = this.requests.map((request) =>
      request.cause && request.cause.kind === 'parser'
        ? { ...request, cause: resolveParserCause(request.cause, this.sources.get(request.cause.page)) }
        : request,
    );
    this.requests = [];
    return { cookies, storage, requests };
  }

  /** How the page carries the widget: its tags, whether it started, its purposes, the tags it holds back. */
  readWidget(): Promise<WidgetSetup> {
    return this.page.evaluate(() => {
      const tags = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((script) =>
        /\/shopconsent(\.min)?\.js$/.test(new URL(script.src, location.href).pathname),
      );
      const config = (window as unknown as { shopConsentConfig?: { purposes?: unknown } }).shopConsentConfig;
      const attribute = tags[0]?.getAttribute('data-purposes');
      const fromConfig = Array.isArray(config?.purposes)
        ? config.purposes.map((purpose) =>
            typeof purpose === 'string' ? purpose : String((purpose as { id?: unknown })?.id ?? ''),
          )
        : undefined;
      const asked =
        attribute !== null && attribute !== undefined
          ? attribute.split(',').map((purpose) => purpose.trim())
          : (fromConfig ?? ['analytics', 'marketing']);
      const gated = [...document.querySelectorAll<HTMLElement>('script[data-consent], iframe[data-consent]')].map(
        (element) => {
          const src = element.getAttribute('src') ?? element.getAttribute('data-src');
          return {
            element: element.localName === 'iframe' ? ('iframe' as const) : ('script' as const),
            purposes: (element.getAttribute('data-consent') ?? '').split(/\s+/).filter(Boolean),
            ...(src ? { src: new URL(src, location.href).href } : {}),
          };
        },
      );
      return {
        tags: tags.length,
        loaded: 'ShopConsent' in window,
        purposes: ['necessary', ...asked.filter((purpose) => purpose && purpose !== 'necessary')],
        gated,
      };
    });
  }
}
