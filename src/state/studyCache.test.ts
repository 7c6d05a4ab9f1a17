import { describe, expect, it } from 'vitest';
import { fromStoreKey, openStudyCache, toStoreKey } from './studyCache';

describe('study cache namespaces', () => {
  it('keeps the AXNet (§V) job keys bare and prefixes the AxTrain unit keys', () => {
    expect(toStoreKey('axnet', 'v3-axnet-1a2b')).toBe('v3-axnet-1a2b');
    expect(toStoreKey('axtrain', 'v1-digits-s1-e3-p1-r5')).toBe('axtrain:v1-digits-s1-e3-p1-r5');
  });

  it('gives each namespace back only its own keys', () => {
    const stored = ['v3-axnet-1a2b', 'axtrain:v1-digits-s1-e3-p1-r5', 'axtrain:v1-breastcancer-s2-e150-p10-r50'];
    expect(stored.map((k) => fromStoreKey('axnet', k))).toEqual(['v3-axnet-1a2b', null, null]);
    expect(stored.map((k) => fromStoreKey('axtrain', k))).toEqual([null, 'v1-digits-s1-e3-p1-r5', 'v1-breastcancer-s2-e150-p10-r50']);
    // Round trips: any AxTrain key; AXNet keys never hold a ':' (computeJobKey: v<version>-<method>-<hash>).
    expect(fromStoreKey('axtrain', toStoreKey('axtrain', 'odd:key'))).toBe('odd:key');
    expect(fromStoreKey('axnet', toStoreKey('axnet', 'v3-onepass-ff00'))).toBe('v3-onepass-ff00');
  });

  it('degrades to an empty cache where IndexedDB is missing (Node, private mode)', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const cache = openStudyCache<number>('axtrain');
    await cache.set('k', 1);
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.keys()).toEqual([]);
    await expect(cache.clear()).resolves.toBeUndefined();
  });
});
