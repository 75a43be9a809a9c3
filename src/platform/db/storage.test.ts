import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistence, storageEstimate } from './storage';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('storage manager helpers', () => {
  it('answer null where there is no navigator or no storage manager', async () => {
    vi.stubGlobal('navigator', undefined);
    expect(await storageEstimate()).toBeNull();
    expect(await requestPersistence()).toBeNull();
    vi.stubGlobal('navigator', {});
    expect(await storageEstimate()).toBeNull();
    expect(await requestPersistence()).toBeNull();
  });

  it('pass on what the browser reports', async () => {
    const persist = vi.fn(async () => false);
    vi.stubGlobal('navigator', {
      storage: { estimate: async () => ({ usage: 1234, quota: 10_000 }), persist },
    });
    expect(await storageEstimate()).toEqual({ usage: 1234, quota: 10_000 });
    expect(await requestPersistence()).toBe(false);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('answer null when the estimate leaves out usage or quota', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 10_000 }) } });
    expect(await storageEstimate()).toBeNull();
    expect(await requestPersistence()).toBeNull();
  });
});
