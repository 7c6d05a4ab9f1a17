import { describe, expect, it } from 'vitest';
import * as nas from './index';

describe('NAS public API', () => {
  it('re-exports the search core', () => {
    const exported = new Map(Object.entries(nas));
    for (const name of [
      'createSmac',
      'createRandomSearch',
      'createEnumerationSearch',
      'enumerationConfigs',
      'createSurrogate',
      'expectedImprovement',
      'normalCdf',
      'computeFperf',
      'computeAccuracyFraction',
      'nonDominated',
      'hypervolume2d',
      'selectOnline',
      'readNasLink',
      'formatNasLink',
      'createNasRunConfig',
      'sampleConfig',
      'neighbours',
      'encode',
      'decode',
      'configKey',
      'countConfigurations',
      'describeConfig',
    ] as const) {
      expect(typeof exported.get(name)).toBe('function');
    }
    expect(nas.NAS_ACTIVATIONS).toEqual(['relu', 'sigmoid', 'tanh']);
  });
});
