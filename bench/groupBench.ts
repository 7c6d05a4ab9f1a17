/**
 * The K-model cells of `npm run bench` (issue 8 §5), shared by the Node half (bench/nodeBench.ts) and
 * the browser worker (bench/bench.worker.ts): model-steps/s (K models × steps ÷ seconds of training) of
 * K AXNet-Bessel models trained through the group contract, createModelGroupTrainer(models, 'axnet')
 * (src/ml/group/types.ts). It uses nothing but that contract, so whichever engine sits behind it
 * (sequential today, batched next) is what gets measured. No DOM, no Node APIs: it runs in both.
 */
import { DEFAULT_CONFIG, type BackendName, type LabConfig } from '../src/core/config';
import { createModelGroupTrainer, type GroupModelSpec } from '../src/ml/group';

/** Group sizes of a full bench run and of `--quick`. */
export const GROUP_SIZES = [1, 8, 64, 256] as const;
export const QUICK_GROUP_SIZES = [1, 8] as const;

/**
 * Bessel J_ν, approximator A 2-4-4-1, predictor C 2-4-10 (the AXNet authors' setup), batch 128,
 * Adam lr 0.01, AXNet only (no lone approximator). A budget no cell reaches.
 */
export const GROUP_BENCH_CONFIG: Readonly<LabConfig> = Object.freeze<LabConfig>({
  ...DEFAULT_CONFIG,
  target: 'bessel_Jnu',
  approximatorHidden: [4, 4],
  predictorHidden: [4],
  batchSize: 128,
  learningRate: 0.01,
  trainLone: false,
  methods: ['axnet'],
  steps: 1_000_000,
});

/** K specs that differ only in seed (1…K): data, initialization and batch order each from its own stream. */
export function groupBenchModels(size: number, backend: BackendName): GroupModelSpec[] {
  return Array.from({ length: size }, (_, k) => ({ config: { ...GROUP_BENCH_CONFIG, backend, seed: k + 1 } }));
}

export interface GroupCellRequest {
  size: number;
  backend: BackendName;
  /** The timed window should take about this long, ms (the cell: warm-up + calibration + this). */
  targetMs: number;
  /** Untimed steps first (kernel compilation, first uploads, allocator); the calibration chunk is as long (≥ 1). */
  warmupSteps: number;
}

export interface GroupCellResult {
  size: number;
  backend: BackendName;
  /** Group steps timed (each is one step of every model). */
  steps: number;
  ms: number;
  modelStepsPerSecond: number;
  /** Building the group and its warm-up, ms (not in the rate). */
  setupMs: number;
  warmupMs: number;
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Times one cell: build the group, warm up (untimed), calibrate on a short chunk, then time ONE call
 * train(N) with N fixed from the calibrated rate so that it takes about targetMs. When the calibration
 * chunk alone took half the target or more (K = 256 one after another, a software GPU), it is the timed
 * window instead: one more such chunk would only lengthen the cell. The caller must have activated
 * `backend` (selectBackend) first.
 */
export async function measureGroupCell(request: GroupCellRequest): Promise<GroupCellResult> {
  const { size, backend, targetMs, warmupSteps } = request;
  const built = clock();
  const group = createModelGroupTrainer(groupBenchModels(size, backend), 'axnet');
  const train = async (steps: number): Promise<number> => {
    const start = clock();
    const result = await group.train(steps);
    const ms = clock() - start;
    const stopped = result.diverged.findIndex((d) => d !== null);
    if (stopped >= 0) throw new Error(`model ${stopped + 1} of ${size} diverged during the bench: ${result.diverged[stopped]!.message}`);
    return ms;
  };
  try {
    const setupMs = clock() - built;
    const warmupMs = warmupSteps > 0 ? await train(warmupSteps) : 0;
    const calibrationSteps = Math.max(1, warmupSteps);
    const calibrationMs = await train(calibrationSteps);
    let steps = calibrationSteps;
    let ms = calibrationMs;
    if (calibrationMs < targetMs / 2) {
      steps = Math.max(1, Math.round((targetMs * calibrationSteps) / calibrationMs));
      ms = await train(steps);
    }
    return { size, backend, steps, ms, modelStepsPerSecond: (size * steps * 1000) / ms, setupMs, warmupMs };
  } finally {
    group.dispose();
  }
}

/** One row of the K-model table as the Node and browser halves write it (bench/groupReport.ts reads it). */
export interface GroupBenchRow {
  where: 'node' | 'browser worker';
  backend: BackendName;
  size: number;
  /** "software adapter (SwiftShader)" and the like, else null. */
  software: string | null;
  /** Null when the cell did not run (see note). */
  result: GroupCellResult | null;
  note?: string;
}

/** Untimed warm-up steps of a cell: a few for small groups, one for large (one step of K = 256 one after another is ~1 s). */
export function groupWarmupSteps(size: number): number {
  return size <= 8 ? 5 : 1;
}
