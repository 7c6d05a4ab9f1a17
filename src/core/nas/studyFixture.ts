/**
 * A small, deterministic NAS study for the tests (studyMessages.test.ts, the Paper view's, e2e/i18n-views.spec.ts):
 * every unit of the quick plan with four fixed candidates per search, measured by the synthetic objective
 * (fixtures/syntheticObjective.ts), so no search runs and the tables' numbers never move. Fig. 3/4 at full accuracy
 * (a pick and a mode without one), Fig. 5 with one row where only NAS reaches 90% and two where neither does, and
 * AXNet-NAS against onepass and iterative with test-split ratios that differ from the validation's.
 */
import { measureSynthetic } from './fixtures/syntheticObjective';
import type { NasMeasure, NasRecord, NasSearchId } from './run';
import { configKey } from './space';
import { assembleNasStudyResults, buildNasStudyPlan, type NasStudyResults, type NasUnitRecord } from './study';
import type { NasActivation, NasConfig } from './types';

const l = (width: number, activation: NasActivation = 'relu') => ({ width, activation });

/** Four candidates per search (an AXNet-NAS unit gives the i-th a one-layer predictor of 4·(i + 1)). */
const FIXTURE_CONFIGS: Readonly<Record<NasSearchId, readonly NasConfig[]>> = {
  smac: [{ layers: [l(32)] }, { layers: [l(64), l(16, 'tanh')] }, { layers: [l(16)] }, { layers: [l(128), l(32)] }],
  random: [{ layers: [l(8, 'sigmoid')] }, { layers: [l(24, 'tanh')] }, { layers: [l(48), l(4)] }, { layers: [l(2)] }],
  enumeration: [{ layers: [l(8, 'sigmoid')] }, { layers: [l(32, 'sigmoid')] }, { layers: [l(8, 'sigmoid'), l(8, 'sigmoid')] }, { layers: [l(16, 'sigmoid')] }],
};

/** One unit: the synthetic measures with the accuracy scaled; `testRatioScale` set: an AXNet-NAS unit (predictor, invocation). */
function buildFixtureUnit(key: string, accuracyScale: number, wallMs: number, testRatioScale?: number): NasUnitRecord {
  const records: NasRecord[] = [];
  for (const search of ['smac', 'random', 'enumeration'] as const)
    FIXTURE_CONFIGS[search].forEach((base, i) => {
      const config: NasConfig = testRatioScale === undefined ? base : { ...base, predictor: [4 * (i + 1)] };
      const m = measureSynthetic(base);
      const accuracy = m.accuracy * accuracyScale;
      const split = { invokedWithinBound: accuracy, withinBound: m.accuracy, predicted: 0.5, energyReduction: m.energyReduction, speedup: m.speedup };
      const measure: NasMeasure = {
        ...(testRatioScale === undefined
          ? {}
          : { invocation: { validation: split, test: { ...split, energyReduction: m.energyReduction * testRatioScale, speedup: m.speedup * testRatioScale } } }),
        valAccuracy: accuracy,
        testAccuracy: accuracy,
        speedup: m.speedup,
        energyReduction: m.energyReduction,
        finalMse: 0,
        trainMs: 1,
        hardwareMs: 0,
      };
      records.push({
        index: records.length,
        search,
        evaluation: i + 1,
        round: i + 1,
        config,
        key: configKey(config),
        proposer: search === 'smac' ? 'smac-ei' : search,
        ei: null,
        mu: null,
        sigma: null,
        searchMs: 0,
        reused: false,
        measure,
        fperf: 0.85 * accuracy + 0.01 * m.speedup + 0.1 * m.energyReduction,
      });
    });
  return { key, records, wallMs, backend: 'test' };
}

/** The records of every unit of the quick plan, by unit key (as the Paper view caches them). */
export function buildNasStudyFixtureRecords(): Record<string, NasUnitRecord> {
  const plan = buildNasStudyPlan({ quick: true });
  const fig5 = plan.units.filter((u) => u.role === 'fig5');
  const fig5Scales = [1, 0.6, 0.8];
  const axnetScales: Readonly<Record<string, number>> = { axnet: 1, onepass: 0.8, iterative: 0.6 };
  const records: Record<string, NasUnitRecord> = {};
  plan.units.forEach((u, i) => {
    const scale = u.role === 'fig3' ? 1 : u.role === 'fig5' ? fig5Scales[fig5.indexOf(u)] : axnetScales[u.config.method];
    records[u.key] = buildFixtureUnit(u.key, scale, 1500 * (i + 1), u.role === 'axnet' ? 2 : undefined);
  });
  return records;
}

/** The quick study assembled from the fixture's records (wall time 123.456 s). */
export function buildNasStudyFixture(): NasStudyResults {
  return assembleNasStudyResults(buildNasStudyPlan({ quick: true }), buildNasStudyFixtureRecords(), 123_456);
}
