/**
 * Runs the AxTrain study plan (./study.ts) unit by unit, for `axlab reproduce --paper axtrain` and the Paper view:
 * a unit found in the cache is taken as it is, the others are trained by `runUnit` (in process, or in a study worker)
 * and cached under their key as each finishes; progress counts units, with an ETA; an AbortSignal cancels between
 * units (and `runUnit` may stop sooner: the Paper view terminates its worker). Pure: no tf, no DOM.
 */
import { computeEpochSteps, type ClassificationDatasetId } from './config';
import { CLASSIFICATION_DATASETS, AXTRAIN_TRAIN_FRACTION } from './datasets';
import { isAxtrainUnitRecord, type AxtrainStudyPlan, type AxtrainStudyRow, type AxtrainStudyUnit, type AxtrainUnitRecord } from './study';

/** Where finished units are kept between runs (browser: IndexedDB; Node: a directory or nothing). */
export interface AxtrainStudyCache {
  get(key: string): Promise<unknown> | unknown;
  set(key: string, record: AxtrainUnitRecord): Promise<void> | void;
}

export interface AxtrainStudyProgress {
  /** Units finished (trained or from the cache). */
  done: number;
  total: number;
  cachedCount: number;
  trainedCount: number;
  elapsedMs: number;
  /** Remaining wall time: the estimate of the units left, scaled by how fast the units trained so far went (null when nothing is left to estimate). */
  etaMs: number | null;
  /** The unit training now ("digits, seed 1"), null between units. */
  running: string | null;
  /** The last line the running unit logged ("… act: acc 0.8691 in 13.5 s"). */
  line: string | null;
}

export interface RunAxtrainStudyOptions {
  runUnit: (unit: AxtrainStudyUnit, context: { signal?: AbortSignal; log: (line: string) => void }) => Promise<AxtrainStudyRow[]>;
  cache?: AxtrainStudyCache | null;
  signal?: AbortSignal;
  onProgress?: (progress: AxtrainStudyProgress) => void;
  /** Each unit's record as it arrives (cached: read from the cache). */
  onUnit?: (record: AxtrainUnitRecord, cached: boolean) => void;
  /** Clock in ms (default performance.now); tests pass a fake one. */
  now?: () => number;
}

export interface AxtrainStudyRun {
  records: Record<string, AxtrainUnitRecord>;
  /** True when the signal aborted the study; records then hold what finished. */
  cancelled: boolean;
  wallMs: number;
}

export function labelAxtrainUnit(unit: Pick<AxtrainStudyUnit, 'dataset' | 'seed'>): string {
  return `${unit.dataset}, seed ${unit.seed}`;
}

/**
 * Milliseconds of one training step (batch 64) per data set and method, and of one forward pass over the test set
 * (evaluation: exact, DRUM k = 1…8, NTV × R masks at 3 voltages), from `axlab reproduce --paper axtrain --quick` on
 * this project's 2-core machine under load (Node, tfjs cpu; breast cancer unit 14 s, digits unit 42 s; the browser's
 * slowdown over these is in src/ui/paper/AxtrainStudySection.tsx) — estimate. pasDrum: a pas step through DRUM
 * products; pasNtv: through NTV flips. Each row: the unit's measured trainingMs / steps; testPass: the unit's wall
 * time less its trainings, over its 9 nets × (9 + 3R) passes.
 */
export const AXTRAIN_STUDY_TIMINGS_MS: Readonly<Record<ClassificationDatasetId, { bp: number; act: number; pasNtv: number; pasDrum: number; testPass: number }>> = {
  breastcancer: { bp: 8.7, act: 29.5, pasNtv: 7.8, pasDrum: 28.2, testPass: 8.5 },
  digits: { bp: 18.8, act: 195, pasNtv: 24.8, pasDrum: 66, testPass: 85 },
};
export const AXTRAIN_STUDY_TIMINGS_STATUS = 'estimate' as const;

/** Forward passes over the test set to evaluate one net: exact + DRUM k = 1…8 + R masks at each of the 3 NTV voltages (src/ml/axtrain/evaluate.ts). */
const testPassesPerNet = (evalRuns: number) => 1 + 8 + 3 * evalRuns;

/**
 * Estimated wall time of one unit (ms, AXTRAIN_STUDY_TIMINGS_MS): bp and act for `epochs`, pas from scratch for
 * `epochs` per NTV setting, AxTrain's pas stage for `pasEpochs` per claim setting, and every net's evaluation.
 */
export function estimateAxtrainUnitMs(unit: Pick<AxtrainStudyUnit, 'dataset' | 'config' | 'pasSettings' | 'actpasSettings'>): number {
  const t = AXTRAIN_STUDY_TIMINGS_MS[unit.dataset];
  const spec = CLASSIFICATION_DATASETS[unit.dataset];
  const epochSteps = computeEpochSteps(Math.round(spec.sampleCount * AXTRAIN_TRAIN_FRACTION.value), unit.config.batchSize);
  const batchScale = unit.config.batchSize / 64;
  const stepMs = (ms: number) => ms * Math.max(1, batchScale);
  const { epochs, pasEpochs } = unit.config;
  const pasStepMs = (kind: 'drum' | 'ntv' | 'exact') => stepMs(kind === 'drum' ? t.pasDrum : t.pasNtv);
  let ms = epochs * epochSteps * (stepMs(t.bp) + stepMs(t.act));
  for (const setting of unit.pasSettings) ms += epochs * epochSteps * pasStepMs(setting.kind);
  for (const setting of unit.actpasSettings) ms += pasEpochs * epochSteps * pasStepMs(setting.kind);
  const nets = 2 + unit.pasSettings.length + unit.actpasSettings.length;
  return ms + nets * testPassesPerNet(unit.config.evalRuns) * t.testPass;
}

export function estimateAxtrainStudyMs(plan: Pick<AxtrainStudyPlan, 'units'>): number {
  return plan.units.reduce((sum, unit) => sum + estimateAxtrainUnitMs(unit), 0);
}

/** Runs every unit of `plan` not in the cache, in plan order, one at a time. A failing unit rejects (finished units stay cached). */
export async function runAxtrainStudy(plan: AxtrainStudyPlan, options: RunAxtrainStudyOptions): Promise<AxtrainStudyRun> {
  const now = options.now ?? (() => performance.now());
  const { signal, cache } = options;
  const started = now();
  const records: Record<string, AxtrainUnitRecord> = {};
  const estimates = new Map(plan.units.map((u) => [u.key, estimateAxtrainUnitMs(u)]));
  let done = 0;
  let cachedCount = 0;
  let trainedCount = 0;
  // Rate = measured / estimated wall time of the units trained so far (1 before the first: the estimate as it is).
  let trainedMs = 0;
  let trainedEstimate = 0;
  let running: { unit: AxtrainStudyUnit; started: number } | null = null;
  let line: string | null = null;

  const report = () => {
    if (!options.onProgress) return;
    const t = now();
    const rate = trainedEstimate > 0 ? trainedMs / trainedEstimate : 1;
    let left = 0;
    for (const unit of plan.units) if (!Object.hasOwn(records, unit.key)) left += estimates.get(unit.key) ?? 0;
    const inUnit = running ? t - running.started : 0;
    options.onProgress({
      done,
      total: plan.units.length,
      cachedCount,
      trainedCount,
      elapsedMs: t - started,
      etaMs: left > 0 ? Math.max(0, rate * left - inUnit) : done === plan.units.length ? 0 : null,
      running: running ? labelAxtrainUnit(running.unit) : null,
      line,
    });
  };

  report();
  for (const unit of plan.units) {
    if (signal?.aborted) break;
    const hit = cache ? await cache.get(unit.key) : undefined;
    if (isAxtrainUnitRecord(hit, unit.key)) {
      records[unit.key] = hit;
      done++;
      cachedCount++;
      options.onUnit?.(hit, true);
      report();
      continue;
    }
    running = { unit, started: now() };
    line = null;
    report();
    let rows: AxtrainStudyRow[];
    try {
      rows = await options.runUnit(unit, {
        signal,
        log: (text) => {
          line = text;
          report();
        },
      });
    } catch (error) {
      running = null;
      if (signal?.aborted) break;
      throw error;
    }
    if (signal?.aborted) break;
    const record: AxtrainUnitRecord = { key: unit.key, rows, wallMs: Math.round(now() - running.started) };
    running = null;
    records[unit.key] = record;
    if (cache) await cache.set(unit.key, record);
    trainedMs += record.wallMs;
    trainedEstimate += estimates.get(unit.key) ?? 0;
    done++;
    trainedCount++;
    options.onUnit?.(record, false);
    report();
  }
  return { records, cancelled: Boolean(signal?.aborted) && done < plan.units.length, wallMs: now() - started };
}
