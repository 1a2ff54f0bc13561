import type { Cause } from './types';

/** The binding the init script reports writes through. */
export const TRACE_BINDING = '__shopConsentScanTrace';

export interface TraceEvent {
  kind: 'cookie' | 'localStorage' | 'sessionStorage';
  name: string;
  stack: string;
}

/**
 * Runs in every frame before the page's own scripts: reports each `document.cookie` write and each
 * `Storage.setItem`, with the stack that made it, then lets the write through unchanged.
 */
export const traceWrites = (binding: string): void => {
  const report = (kind: string, name: string): void => {
    try {
      const send = (window as unknown as Record<string, (event: unknown) => void>)[binding];
      send?.({ kind, name, stack: new Error().stack ?? '' });
    } catch {
      // The page must behave as without the scanner, whatever the binding does.
    }
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.get && cookie.set) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable ?? false,
      get,
      set(value: unknown) {
        report('cookie', String(value).split(';')[0]?.split('=')[0]?.trim() ?? '');
        set.call(this, value);
      },
    });
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    let area = 'sessionStorage';
    try {
      if (this === window.localStorage) area = 'localStorage';
    } catch {
      // localStorage itself may be blocked; then the write is to sessionStorage.
    }
    report(area, String(key));
    setItem.call(this, key, value);
  };
};

const FRAME = /\(?((?:https?|file):\/\/[^\s)]+?):(\d+):\d+\)?$/;

/** The first frame of a V8 stack with a web address: the script that made the write. */
export const causeFromStack = (stack: string, pageUrl: string): Cause | undefined => {
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line.trim());
    if (!match?.[1]) continue;
    return scriptCause(match[1], Number(match[2]), pageUrl);
  }
  return undefined;
};

/** A script address as a cause: the page's own address means an inline script of that page. */
export const scriptCause = (url: string, line: number | undefined, pageUrl: string): Cause => {
  const page = withoutHash(pageUrl);
  const at = line === undefined ? {} : { line };
  return withoutHash(url) === page ? { kind: 'inline-script', page, ...at } : { kind: 'script', url, ...at };
};

export const withoutHash = (url: string): string => url.split('#')[0] ?? url;
