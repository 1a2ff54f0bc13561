import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../core/cookie-codec';
import { NOW, setup, storedState } from '../embed/widget.testing';
import { FakeChannel } from './fake-channel.testing';

describe('runtime: other tabs', () => {
  it('tells other tabs about each decision and a reset', () => {
    const { start, api, store } = setup();
    start();
    api.acceptAll();
    api.reset();
    const channel = FakeChannel.all.at(-1);
    expect(channel?.posted).toHaveLength(2);
    expect(decodeState(channel?.posted[0])).toMatchObject({ purposes: { analytics: true } });
    expect(channel?.posted[1]).toBeNull();
    expect(store.value).toBeUndefined();
  });

  it('follows a decision made in another tab, reporting source sync, without writing the cookie again', () => {
    const { start, api, events, store } = setup({ stored: encodeState(storedState()) });
    start();
    const other = storedState({
      decidedAt: new Date(NOW).toISOString(),
      purposes: { necessary: true, analytics: true, marketing: true },
      source: 'preferences',
    });
    store.value = encodeState(other);
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(other) } as MessageEvent);
    expect(api.get()).toEqual({ ...other, source: 'sync' });
    expect(events.change).toEqual([{ state: { ...other, source: 'sync' }, changed: ['marketing'], source: 'sync' }]);
    expect(store.writes).toEqual([]);
    expect(FakeChannel.all.at(-1)?.posted).toEqual([]);
  });

  it('a tab that is undecided follows another tab and closes its banner', () => {
    const { start, api, events } = setup();
    start();
    const other = storedState({ decidedAt: new Date(NOW).toISOString() });
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(other) } as MessageEvent);
    expect(api.get()).toEqual({ ...other, source: 'sync' });
    expect(events.close).toEqual([{ layer: 'banner' }]);
  });

  it('ignores a value from another tab that does not count here (other revision)', () => {
    const { start, api } = setup({ stored: encodeState(storedState()) });
    start();
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(storedState({ revision: '9' })) } as MessageEvent);
    expect(api.get()).toBeNull();
  });

  it('follows a reset in another tab', () => {
    const { start, api, events } = setup({ stored: encodeState(storedState()) });
    start();
    FakeChannel.all.at(-1)?.onmessage?.({ data: null } as MessageEvent);
    expect(api.get()).toBeNull();
    expect(events.change.at(-1)).toMatchObject({ state: null, source: 'reset' });
  });
});
