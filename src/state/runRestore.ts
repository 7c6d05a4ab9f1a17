/**
 * The current run survives a reload or a crashed tab (issue 12): at its evaluations (throttled to one write per
 * RUN_STORE_INTERVAL_MS) the page stores ONE run in IndexedDB — its link, its curves up to the last checkpoint, and that
 * checkpoint — in the 'run' namespace of the one IndexedDB cache (studyCache.ts): the lab's own run (StoredRun,
 * trainingController.ts) or a sweep (StoredSweepRun, sweepController.ts). On load, a stored run whose link equals the
 * page's is restored paused, and Play continues from its checkpoint.
 */
import type { GroupCheckpoint, TrainerCheckpoint } from '../core/checkpoint';
import type { SweepRun } from './sweepSlice';
import { METHOD_IDS, type MethodId } from '../core/config';
import type { EvaluationPoint } from '../core/weights';
import { openStudyCache, type StudyCache } from './studyCache';

/** Least time between two writes of the stored run, ms (a checkpoint comes at every evaluation). Status 'estimate'. */
export const RUN_STORE_INTERVAL_MS = 2000;
const STORED_RUN_KEY = 'current';
const STORED_RUN_VERSION = 1;

export interface StoredRun {
  version: typeof STORED_RUN_VERSION;
  /** The run's canonical link (formatHash of its config): only the same link restores it. */
  link: string;
  /** Date.now() of the write. */
  savedAt: number;
  method: MethodId;
  totalSteps: number;
  /** Evaluation points up to the checkpoint's step. */
  history: EvaluationPoint[];
  /** The networks' parameter counts (weights + biases), for the readout before Play; null when unknown. */
  parameterCounts: { approximator: number; predictor: number; total: number; lone: number } | null;
  checkpoint: TrainerCheckpoint;
}

/** A sweep at its last checkpoint: the run as the page showed it then (its plan, curves and stops) and the group's checkpoint. */
export interface StoredSweepRun {
  version: typeof STORED_RUN_VERSION;
  kind: 'sweep';
  /** The canonical link of the lab's config and its sweep spec: only the same link restores it. */
  link: string;
  savedAt: number;
  run: SweepRun;
  checkpoint: GroupCheckpoint;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * A stored value as a run for `link`, field by field, or null (another link, another version, or anything malformed).
 * The checkpoint's tensors are checked by the engine when it restores them (src/ml/group/engine.ts).
 */
export function parseStoredRun(raw: unknown, link: string): StoredRun | null {
  if (!isRecord(raw) || raw.version !== STORED_RUN_VERSION || raw.link !== link) return null;
  const { savedAt, method, totalSteps, history, checkpoint, parameterCounts } = raw;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return null;
  if (typeof method !== 'string' || !(METHOD_IDS as readonly string[]).includes(method) || !isCount(totalSteps)) return null;
  if (!isRecord(checkpoint) || checkpoint.method !== method || !isCount(checkpoint.step) || checkpoint.step > totalSteps || typeof checkpoint.backend !== 'string') return null;
  if (!isRecord(checkpoint.engine) || typeof checkpoint.engine.trainingMs !== 'number' || !Number.isFinite(checkpoint.engine.trainingMs)) return null;
  if (!Array.isArray(checkpoint.engine.groups) || !checkpoint.engine.groups.every((g) => isRecord(g) && g.theta instanceof Float32Array)) return null;
  if (!Array.isArray(history)) return null;
  const step = checkpoint.step;
  const points = history.filter((p): p is EvaluationPoint => isRecord(p) && isCount(p.step) && p.step <= step && isRecord(p.metrics));
  const counts =
    isRecord(parameterCounts) && ['approximator', 'predictor', 'total', 'lone'].every((k) => isCount(parameterCounts[k]))
      ? (parameterCounts as StoredRun['parameterCounts'])
      : null;
  return {
    version: STORED_RUN_VERSION,
    link,
    savedAt,
    method: method as MethodId,
    totalSteps,
    history: points,
    parameterCounts: counts,
    checkpoint: checkpoint as unknown as TrainerCheckpoint,
  };
}

/**
 * A stored value as a sweep for `link`, field by field, or null. The plan must be the one the group trained (one model
 * per variant, each curve no longer than the checkpoint's step); the engines check their tensors when they restore them.
 */
export function parseStoredSweepRun(raw: unknown, link: string): StoredSweepRun | null {
  if (!isRecord(raw) || raw.version !== STORED_RUN_VERSION || raw.kind !== 'sweep' || raw.link !== link) return null;
  const { savedAt, run, checkpoint } = raw;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || !isRecord(run) || !isRecord(checkpoint)) return null;
  if (!isCount(checkpoint.step) || !isCount(checkpoint.size) || typeof checkpoint.backend !== 'string' || !Array.isArray(checkpoint.engines)) return null;
  if (!checkpoint.engines.every((e) => isRecord(e) && Array.isArray(e.groups) && e.groups.every((g) => isRecord(g) && g.theta instanceof Float32Array))) return null;
  if (!isRecord(run.plan) || !Array.isArray(run.plan.variants) || !Array.isArray(run.variants)) return null;
  if (run.variants.length !== run.plan.variants.length || run.variants.length !== checkpoint.size || run.step !== checkpoint.step) return null;
  const step = checkpoint.step;
  const curvesFit = run.variants.every((v) => isRecord(v) && Array.isArray(v.steps) && v.steps.every((s) => isCount(s) && s <= step));
  if (!curvesFit) return null;
  return { version: STORED_RUN_VERSION, kind: 'sweep', link, savedAt, run: run as unknown as SweepRun, checkpoint: checkpoint as unknown as GroupCheckpoint };
}

export interface RunStore {
  /** Stores the run that `build` describes now, or at the end of the throttle interval (the latest one then; null: none is left to store). */
  save(build: () => StoredRun | StoredSweepRun | null): void;
  /** Forgets the stored run (reset, a new run). */
  clear(): void;
  /** The stored lab run for `link`, or null. */
  load(link: string): Promise<StoredRun | null>;
  /** The stored sweep for `link`, or null. */
  loadSweep(link: string): Promise<StoredSweepRun | null>;
}

export interface RunStoreClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: RunStoreClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createRunStore(cache: StudyCache<StoredRun | StoredSweepRun> = openStudyCache<StoredRun | StoredSweepRun>('run'), clock: RunStoreClock = REAL_CLOCK): RunStore {
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let pending: (() => StoredRun | StoredSweepRun | null) | null = null;
  let timer: unknown = null;
  /** Writes in order: a clear after a save is not overtaken by it. */
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task).catch(() => undefined);
  };
  const write = () => {
    timer = null;
    const build = pending;
    pending = null;
    if (!build) return;
    lastWriteAt = clock.now();
    const record = build();
    if (record) enqueue(() => cache.set(STORED_RUN_KEY, record));
  };
  return {
    save(build) {
      pending = build;
      if (timer !== null) return;
      const wait = lastWriteAt + RUN_STORE_INTERVAL_MS - clock.now();
      if (wait <= 0) write();
      else timer = clock.setTimeout(write, wait);
    },
    clear() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      pending = null;
      enqueue(() => cache.clear());
    },
    async load(link) {
      await queue;
      return parseStoredRun(await cache.get(STORED_RUN_KEY), link);
    },
    async loadSweep(link) {
      await queue;
      return parseStoredSweepRun(await cache.get(STORED_RUN_KEY), link);
    },
  };
}

/** The page's one run store (the lab's run and the sweep share its single record); created on first use. */
let pageRunStore: RunStore | null = null;
export const getRunStore = (): RunStore => (pageRunStore ??= createRunStore());
