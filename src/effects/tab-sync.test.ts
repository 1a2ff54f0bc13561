import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeChannel } from './fake-channel.testing';
import { createTabSync } from './tab-sync';

const fakeDocument = (visibilityState: DocumentVisibilityState = 'visible') =>
  Object.assign(new EventTarget(), { visibilityState }) as unknown as Document & {
    visibilityState: DocumentVisibilityState;
  };

beforeEach(() => {
  FakeChannel.all = [];
  vi.stubGlobal('BroadcastChannel', FakeChannel);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createTabSync', () => {
  it('announces a new cookie value, or null when the decision was forgotten', () => {
    const sync = createTabSync(fakeDocument(), () => {});
    sync.announce('1|abc');
    sync.announce(undefined);
    expect(FakeChannel.all).toHaveLength(1);
    expect(FakeChannel.all[0].posted).toEqual(['1|abc', null]);
  });

  it('passes on what another tab announced, and ignores anything else', () => {
    const heard = vi.fn();
    createTabSync(fakeDocument(), heard);
    const channel = FakeChannel.all[0];
    channel.onmessage?.({ data: '1|abc' } as MessageEvent);
    channel.onmessage?.({ data: null } as MessageEvent);
    channel.onmessage?.({ data: { evil: true } } as MessageEvent);
    channel.onmessage?.({ data: 5 } as MessageEvent);
    expect(heard.mock.calls).toEqual([['1|abc'], [null]]);
  });

  it('asks for a re-read of the cookie when the tab is shown again, not when hidden', () => {
    const heard = vi.fn();
    const doc = fakeDocument('hidden');
    createTabSync(doc, heard);
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(heard).not.toHaveBeenCalled();
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(heard).toHaveBeenCalledExactlyOnceWith();
  });

  it('works without BroadcastChannel', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const heard = vi.fn();
    const doc = fakeDocument();
    const sync = createTabSync(doc, heard);
    expect(() => sync.announce('1|abc')).not.toThrow();
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('works when BroadcastChannel throws (e.g. blocked storage)', () => {
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        constructor() {
          throw new Error('SecurityError');
        }
      },
    );
    expect(() => createTabSync(fakeDocument(), () => {}).announce('x')).not.toThrow();
  });
});
