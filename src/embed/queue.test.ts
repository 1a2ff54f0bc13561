import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShopConsentApi } from '../runtime/types';
import { drainQueue, type QueueWindow } from './queue';

const api = { version: 'test' } as ShopConsentApi;
const fakeWindow = (queue?: unknown) => ({ shopConsentQueue: queue }) as QueueWindow;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('drainQueue', () => {
  it('runs the functions queued before load, in order, with the API', () => {
    const calls: string[] = [];
    const seen: unknown[] = [];
    const win = fakeWindow([
      (a: unknown) => {
        calls.push('first');
        seen.push(a);
      },
      (a: unknown) => {
        calls.push('second');
        seen.push(a);
      },
      () => calls.push('third'),
    ]);
    drainQueue(win, api);
    expect(calls).toEqual(['first', 'second', 'third']);
    expect(seen).toEqual([api, api]);
  });

  it('empties the queue so nothing runs twice', () => {
    const fn = vi.fn();
    const win = fakeWindow([fn]);
    drainQueue(win, api);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(win.shopConsentQueue).toHaveLength(0);
  });

  it('runs a function pushed later at once, also with the usual snippet', () => {
    const win = fakeWindow(undefined);
    drainQueue(win, api);
    const later = vi.fn();
    (win.shopConsentQueue as unknown[]).push(later);
    expect(later).toHaveBeenCalledExactlyOnceWith(api);

    // `(window.shopConsentQueue = window.shopConsentQueue || []).push(api => …)`
    const snippet = vi.fn();
    const w = win as QueueWindow & { shopConsentQueue: unknown[] };
    w.shopConsentQueue = w.shopConsentQueue || [];
    w.shopConsentQueue.push(snippet);
    expect(snippet).toHaveBeenCalledExactlyOnceWith(api);
  });

  it('runs several functions pushed at once, in order', () => {
    const win = fakeWindow([]);
    drainQueue(win, api);
    const calls: number[] = [];
    (win.shopConsentQueue as unknown[]).push(
      () => calls.push(1),
      () => calls.push(2),
    );
    expect(calls).toEqual([1, 2]);
  });

  it('keeps the same array the page already holds', () => {
    const queue: unknown[] = [];
    const win = fakeWindow(queue);
    drainQueue(win, api);
    expect(win.shopConsentQueue).toBe(queue);
    const fn = vi.fn();
    queue.push(fn);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('reports a function that throws and still runs the rest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    const win = fakeWindow([
      () => {
        throw new Error('boom');
      },
      after,
    ]);
    expect(() => drainQueue(win, api)).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0][0])).toContain('shopConsentQueue');

    const later = vi.fn();
    expect(() =>
      (win.shopConsentQueue as unknown[]).push(() => {
        throw new Error('later boom');
      }, later),
    ).not.toThrow();
    expect(later).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledTimes(2);
  });

  it('warns about something that is not a function and goes on', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fn = vi.fn();
    const win = fakeWindow(['analytics', fn, { open: true }]);
    drainQueue(win, api);
    expect(fn).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0][0])).toContain('"analytics"');
    expect(String(warn.mock.calls[1][0])).toContain('open');

    (win.shopConsentQueue as unknown[]).push(42);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[2][0])).toContain('42');
  });

  it('replaces a queue that is not an array, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const win = fakeWindow({ length: 1 });
    drainQueue(win, api);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0][0])).toContain('shopConsentQueue');
    expect(Array.isArray(win.shopConsentQueue)).toBe(true);
    const fn = vi.fn();
    (win.shopConsentQueue as unknown[]).push(fn);
    expect(fn).toHaveBeenCalledOnce();
  });
});
