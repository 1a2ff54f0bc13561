import { describe, expect, it, vi } from 'vitest';
import { cleanups, setup } from '../embed/widget.testing';
import type { EventName } from './types';

describe('runtime: listeners', () => {
  it('on() hears changes and returns an unsubscribe', () => {
    const { start, api, events } = setup();
    start();
    const listener = vi.fn();
    const off = api.on('change', listener);
    api.acceptAll();
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0][0]).toEqual(events.change[0]);
    expect(listener.mock.calls[0][0]).toMatchObject({ source: 'api', state: api.get() });
    off();
    api.rejectAll();
    expect(listener).toHaveBeenCalledOnce();
  });

  it('a throwing listener does not stop the others and does not throw out of the API', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { start, api } = setup();
    start();
    const before = vi.fn();
    const after = vi.fn();
    cleanups.push(api.on('change', before));
    cleanups.push(
      api.on('change', () => {
        throw new Error('shop bug');
      }),
    );
    cleanups.push(api.on('change', after));
    expect(() => api.acceptAll()).not.toThrow();
    expect(before).toHaveBeenCalledOnce();
    expect(after).toHaveBeenCalledOnce();
    expect(api.has('analytics')).toBe(true);
    expect(error).toHaveBeenCalledOnce();
  });

  it('on() with an unknown event or a non-function warns and returns a harmless unsubscribe', () => {
    const { start, api, warnings } = setup();
    start();
    const off = api.on('changed' as EventName, () => {});
    expect(typeof off).toBe('function');
    expect(() => off()).not.toThrow();
    const off2 = api.on('change', 'nope' as unknown as () => void);
    expect(() => off2()).not.toThrow();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('changed');
  });
});

describe('runtime: never throws into the page', () => {
  it('answers as each method’s type says: nothing from the actions, a boolean from has(), a function from on()', () => {
    const { start, api } = setup();
    start();
    expect(api.acceptAll()).toBeUndefined();
    expect(api.set({ analytics: false })).toBeUndefined();
    expect(api.open()).toBeUndefined();
    expect(api.close()).toBeUndefined();
    expect(api.setLanguage('lv')).toBeUndefined();
    expect(api.reset()).toBeUndefined();
    expect(typeof api.on('change', () => {})).toBe('function');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hostile = {
      toString() {
        throw new Error('a key that cannot be read');
      },
    };
    api.rejectAll();
    expect(api.has(hostile as unknown as string)).toBe(false);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0][0])).toContain('has() failed');
  });

  it('survives every method called with nonsense', () => {
    const { start, api } = setup();
    start();
    const nonsense: unknown[] = [undefined, null, 0, 'x', {}, [], () => {}, Symbol('s')];
    for (const value of nonsense) {
      for (const method of ['has', 'on', 'set', 'setLanguage'] as const) {
        expect(() => (api[method] as (...args: unknown[]) => unknown)(value, value)).not.toThrow();
      }
    }
  });
});
