import { describe, expect, it } from 'vitest';
import { buildRunJson, computeFront, computeHistories, computePicks, computeRoundTimings, formatRecordsCsv, summarizeSearches } from './analysis';
import { createEnumerationSearch, createRandomSearch } from './baselines';
import { measureSynthetic, SYNTHETIC_WEIGHTS, syntheticScale } from './fixtures/syntheticObjective';
import { createNasRunState, driveNasRun, isNasRunDone, type NasMeasure, type NasObjective, type NasRecord } from './run';
import { createSmac } from './smac';
import { configKey, createNasSpace } from './space';
import type { NasConfig } from './types';

const space = createNasSpace();
const objective: NasObjective = { weights: SYNTHETIC_WEIGHTS, normalization: 'max', scale: syntheticScale() };

/** The synthetic objective as a measure: test accuracy a little below validation, so the splits differ. */
function synthetic(config: NasConfig): NasMeasure {
  const m = measureSynthetic(config);
  return {
    valAccuracy: m.accuracy,
    testAccuracy: Math.max(0, m.accuracy - 0.01),
    speedup: m.speedup,
    energyReduction: m.energyReduction,
    finalMse: 0,
    trainMs: 1,
    hardwareMs: 0.1,
  };
}

function makeSearches(budget: number, seed: number) {
  return [
    { id: 'smac' as const, search: createSmac({ space, budget, seed, challengers: 300 }) },
    { id: 'random' as const, search: createRandomSearch(space, budget, seed) },
    { id: 'enumeration' as const, search: createEnumerationSearch({}, budget) },
  ];
}

describe('NAS run driver', () => {
  it('spends every budget exactly, measures a configuration once however many searches propose it, and records in order', async () => {
    const searches = makeSearches(20, 3);
    const measured: string[] = [];
    const state = await driveNasRun({
      searches,
      batch: 4,
      objective,
      measure: async (configs) => {
        measured.push(...configs.map(configKey));
        return configs.map(synthetic);
      },
    });
    expect(isNasRunDone(searches, state)).toBe(true);
    for (const id of ['smac', 'random', 'enumeration'] as const) expect(state.records.filter((r) => r.search === id)).toHaveLength(20);
    expect(new Set(measured).size).toBe(measured.length); // never trained twice
    expect(state.records.map((r) => r.index)).toEqual(state.records.map((_, i) => i));
    // Reused exactly when an earlier record has the same configuration.
    for (const r of state.records) expect(r.reused).toBe(state.records.findIndex((q) => q.key === r.key) !== r.index);
    // f_perf as told is eq. 4 on the validation split.
    const r0 = state.records[0];
    const m = r0.measure;
    const expected =
      SYNTHETIC_WEIGHTS.alpha * m.valAccuracy +
      SYNTHETIC_WEIGHTS.beta * (m.speedup / objective.scale.maxSpeedup) +
      SYNTHETIC_WEIGHTS.eps * (m.energyReduction / objective.scale.maxEnergyReduction);
    expect(r0.fperf).toBeCloseTo(expected, 12);
  });

  it('a stop inside a batch loses nothing: the resumed run gives the records of an uninterrupted one', async () => {
    const uninterrupted = await driveNasRun({ searches: makeSearches(12, 5), batch: 3, objective, measure: async (c) => c.map(synthetic) });
    const searches = makeSearches(12, 5);
    const state = createNasRunState();
    let calls = 0;
    let stop = false;
    await driveNasRun(
      {
        searches,
        batch: 3,
        objective,
        shouldStop: () => stop,
        measure: async (configs) => {
          calls++;
          if (calls === 2) {
            stop = true;
            return null; // interrupted mid-batch
          }
          return configs.map(synthetic);
        },
      },
      state,
    );
    expect(isNasRunDone(searches, state)).toBe(false);
    expect(state.interrupted).not.toBeNull();
    stop = false;
    await driveNasRun({ searches, batch: 3, objective, measure: async (c) => c.map(synthetic) }, state);
    expect(isNasRunDone(searches, state)).toBe(true);
    const strip = (records: readonly NasRecord[]) => records.map((r) => [r.search, r.key, r.fperf, r.round]);
    expect(strip(state.records)).toEqual(strip(uninterrupted.records));
  });

  it('analysis: fronts, histories, picks, timings and exports agree with the records', async () => {
    const state = await driveNasRun({ searches: makeSearches(16, 2), batch: 4, objective, measure: async (c) => c.map(synthetic) });
    const smac = state.records.filter((r) => r.search === 'smac');
    const front = computeFront(smac, 'test');
    // Nothing on the front is dominated by any record; everything off it is.
    const dominated = (a: NasRecord, b: NasRecord) =>
      b.measure.testAccuracy >= a.measure.testAccuracy &&
      b.measure.energyReduction >= a.measure.energyReduction &&
      (b.measure.testAccuracy > a.measure.testAccuracy || b.measure.energyReduction > a.measure.energyReduction);
    smac.forEach((r, i) => expect(front.includes(i)).toBe(!smac.some((q) => dominated(r, q))));
    const histories = computeHistories(state.records);
    expect(histories.map((h) => h.search)).toEqual(['smac', 'random', 'enumeration']);
    for (const h of histories) {
      expect(h.bestFperf).toHaveLength(16);
      for (let i = 1; i < 16; i++) {
        expect(h.bestFperf[i]).toBeGreaterThanOrEqual(h.bestFperf[i - 1]);
        expect(h.hypervolume[i]).toBeGreaterThanOrEqual(h.hypervolume[i - 1] - 1e-12);
      }
    }
    const picks = computePicks(smac, 'test', { cAcc: 0, cEnergy: 0, theta: 1 });
    const best = Math.max(...front.map((i) => smac[i].measure.testAccuracy));
    expect(smac[picks[0].record as number].measure.testAccuracy).toBe(best); // quality = most accurate
    expect(computePicks(smac, 'test', { cAcc: 2, cEnergy: 0, theta: 0.5 }).every((p) => p.mode === 'quality' || p.record === null)).toBe(true);
    const timings = computeRoundTimings(state.records);
    expect(timings.reduce((s, t) => s + t.candidates, 0)).toBe(new Set(state.records.map((r) => r.key)).size);
    const csv = formatRecordsCsv(state.records).trim().split('\n');
    expect(csv).toHaveLength(1 + state.records.length);
    const oneLayer = state.records.findIndex((r) => r.config.layers.length === 1);
    expect(csv[1 + oneLayer].split(',').slice(9, 11)).toEqual(['n/a', 'n/a']);
    const json = buildRunJson(state.records, { cAcc: 0.5, cEnergy: 1, theta: 0.5 });
    expect(json.evaluations).toHaveLength(state.records.length);
    for (const i of json.fronts.smac) expect(json.evaluations[i].search).toBe('smac');
    const summary = summarizeSearches(state.records, 'test', 0.5);
    expect(summary.find((s) => s.search === 'smac')?.frontSize).toBe(front.length);
  });
});
