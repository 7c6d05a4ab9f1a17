import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNasRunConfig } from '../../core/nas/config';
import { createNasSession, resolveNasSessionSettings, type NasSessionSettings } from './session';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function tinySettings(): NasSessionSettings {
  const config = { ...createNasRunConfig('blackscholes'), budget: 4, stepsPerCandidate: 20, batch: 2, maxWidth: 8, challengers: 50 };
  return { ...resolveNasSessionSettings(config), trainSize: 512, testSize: 128 };
}

describe('a NAS session on the engine', () => {
  it('runs SMAC, random search and the enumeration to their budgets, with the P_acc and NPU numbers of each candidate, and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const session = await createNasSession(tinySettings());
    expect(session.settings.bound).toBe(0.01); // Table 2 group 1 for blackscholes
    const done = await session.run({});
    expect(done).toBe(true);
    const records = session.state.records;
    expect(records.filter((r) => r.search === 'smac')).toHaveLength(4);
    expect(records.filter((r) => r.search === 'enumeration')).toHaveLength(4);
    for (const r of records) {
      expect(r.measure.valAccuracy).toBeGreaterThanOrEqual(0);
      expect(r.measure.valAccuracy).toBeLessThanOrEqual(1);
      expect(r.measure.energyReduction).toBeGreaterThan(0);
      expect(r.measure.energyReduction).toBeLessThanOrEqual(session.objective.scale.maxEnergyReduction + 1e-9);
      expect(session.nets.has(r.key)).toBe(true);
    }
    // The enumeration goes in its fixed order: one sigmoid layer of 2, 4, 8 (widths ≤ maxWidth 8), then two layers.
    expect(records.filter((r) => r.search === 'enumeration').map((r) => r.key)).toEqual(['2s', '4s', '8s', '2s-2s']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a pause mid-run resumes to the numbers of an uninterrupted run (same seed, same backend)', async () => {
    const whole = await createNasSession(tinySettings());
    await whole.run({});
    const paused = await createNasSession(tinySettings());
    let rounds = 0;
    await paused.run({ shouldStop: () => rounds >= 1, onRound: () => rounds++ });
    expect(paused.done()).toBe(false);
    await paused.run({});
    expect(paused.done()).toBe(true);
    const strip = (s: typeof whole) => s.state.records.map((r) => [r.search, r.key, r.measure.valAccuracy, r.measure.testAccuracy, r.fperf]);
    expect(strip(paused)).toEqual(strip(whole));
  });
});
