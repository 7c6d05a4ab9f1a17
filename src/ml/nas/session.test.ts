import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNasRunConfig } from '../../core/nas/config';
import { findReplayMismatch, replayNasMeasures } from '../../core/nas/run';
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

  it('a new session that replays the told records trains none of them again and ends on the records of an uninterrupted run (Continue after a fault)', async () => {
    const strip = (records: readonly { search: string; key: string; measure: { valAccuracy: number; testAccuracy: number }; fperf: number }[]) =>
      records.map((r) => [r.search, r.key, r.measure.valAccuracy, r.measure.testAccuracy, r.fperf]);
    const whole = await createNasSession(tinySettings());
    await whole.run({});
    const first = await createNasSession(tinySettings());
    let rounds = 0;
    await first.run({ shouldStop: () => rounds >= 1, onRound: () => rounds++ });
    // What the page holds: the records as they crossed the worker boundary.
    const told = structuredClone(first.state.records);
    expect(told.length).toBeGreaterThan(0);
    expect(told.length).toBeLessThan(whole.state.records.length);
    const resumed = await createNasSession(tinySettings(), replayNasMeasures(told));
    await resumed.run({});
    expect(resumed.done()).toBe(true);
    expect(findReplayMismatch(resumed.state.records, told)).toBeNull();
    expect(strip(resumed.state.records)).toEqual(strip(whole.state.records));
    for (const record of told) expect(resumed.nets.has(record.key), record.key).toBe(false); // measured, not trained
    // A replay that differs is found at its first differing evaluation.
    const altered = told.map((r, i) => (i === 1 ? { ...r, fperf: r.fperf + 1e-9 } : r));
    expect(findReplayMismatch(resumed.state.records, altered)).toBe(1);
  });
});
