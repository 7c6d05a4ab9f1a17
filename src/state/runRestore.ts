/**
 * The current run survives a reload or a crashed tab (issue 12): at its evaluations (throttled to one write per
 * RUN_STORE_INTERVAL_MS) the page stores ONE run in IndexedDB — its link, its curves up to the last checkpoint, and that
 * checkpoint — in the 'run' namespace of the one IndexedDB cache (studyCache.ts): the lab's own run (StoredRun,
 * trainingController.ts) or another kind's (StoredWorkerRun: a sweep, a NAS search, an AxTrain run, a comparison). On
 * load, a stored run whose link equals the page's is restored paused, and Play continues from its checkpoint.
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

/**
 * The runs other than the lab's own that survive a reload: a worker-run controller's (runMessages.ts) and a comparison
 * (compareController.ts); their kind names the record.
 */
export type StoredWorkerRunKind = 'sweep' | 'nas' | 'axtrain' | 'compare';

/**
 * A worker-run controller's run at its last checkpoint (a sweep, a NAS search, an AxTrain run): the run as the page
 * showed it then (paused) and the worker's checkpoint (a group's, NAS's told rounds, AxTrain's lanes).
 */
export interface StoredWorkerRun<Run = unknown, Checkpoint = unknown> {
  version: typeof STORED_RUN_VERSION;
  kind: StoredWorkerRunKind;
  /** The canonical link of the run's settings: only the same link restores it. */
  link: string;
  savedAt: number;
  run: Run;
  checkpoint: Checkpoint;
}

export type StoredSweepRun = StoredWorkerRun<SweepRun, GroupCheckpoint>;

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

/** The kind's own check of a stored run and its checkpoint (plain data from IndexedDB: trust nothing). */
export type StoredRunCheck = (run: Record<string, unknown>, checkpoint: Record<string, unknown>) => boolean;

/**
 * A stored value as a run of `kind` for `link`, or null: the envelope (version, kind, link, time, a checkpoint with a
 * step and a backend) here, the rest by the kind's `check`. The engines check their tensors when they restore them.
 */
export function parseStoredWorkerRun<Run, Checkpoint>(raw: unknown, kind: StoredWorkerRunKind, link: string, check: StoredRunCheck): StoredWorkerRun<Run, Checkpoint> | null {
  if (!isRecord(raw) || raw.version !== STORED_RUN_VERSION || raw.kind !== kind || raw.link !== link) return null;
  const { savedAt, run, checkpoint } = raw;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || !isRecord(run) || !isRecord(checkpoint)) return null;
  if (!isCount(checkpoint.step) || typeof checkpoint.backend !== 'string' || !check(run, checkpoint)) return null;
  return { version: STORED_RUN_VERSION, kind, link, savedAt, run: run as Run, checkpoint: checkpoint as Checkpoint };
}

/** Every θ of `engines` is a Float32Array (a group's or AxTrain's engines). */
export const hasEngineThetas = (engines: unknown): boolean =>
  Array.isArray(engines) && engines.every((e) => isRecord(e) && Array.isArray(e.groups) && e.groups.every((g) => isRecord(g) && g.theta instanceof Float32Array));

/** A sweep's check: one curve per variant of its plan, none past the checkpoint, the group's engines. */
export const checkStoredSweep: StoredRunCheck = (run, checkpoint) => {
  if (!isCount(checkpoint.size) || !hasEngineThetas(checkpoint.engines)) return false;
  if (!isRecord(run.plan) || !Array.isArray(run.plan.variants) || !Array.isArray(run.variants)) return false;
  if (run.variants.length !== run.plan.variants.length || run.variants.length !== checkpoint.size || run.step !== checkpoint.step) return false;
  const step = checkpoint.step as number;
  return run.variants.every((v) => isRecord(v) && Array.isArray(v.steps) && v.steps.every((s) => isCount(s) && s <= step));
};

/** A NAS search's check: the records told, in order, as many as the checkpoint says. */
export const checkStoredNas: StoredRunCheck = (run, checkpoint) =>
  isCount(checkpoint.round) &&
  isRecord(run.config) &&
  Array.isArray(run.records) &&
  run.records.length === checkpoint.step &&
  run.records.every((r, i) => isRecord(r) && r.index === i && typeof r.key === 'string' && isRecord(r.measure));

/** An AxTrain run's check: one snapshot per lane, each lane's engine (or none: finished). */
export const checkStoredAxtrain: StoredRunCheck = (run, checkpoint) =>
  isRecord(run.config) &&
  Array.isArray(run.snapshots) &&
  Array.isArray(checkpoint.lanes) &&
  run.snapshots.length === checkpoint.lanes.length &&
  checkpoint.lanes.every((lane) => isRecord(lane) && (lane.trainer === null || (isRecord(lane.trainer) && hasEngineThetas([lane.trainer.engine]))));

/** A lane's checkpoint as the lab's trainer stores it: its method, step, backend and engine's θs (or none: step 0). */
const isLaneCheckpoint = (lane: unknown, method: unknown): boolean =>
  lane === null ||
  (isRecord(lane) &&
    lane.method === method &&
    isCount(lane.step) &&
    typeof lane.backend === 'string' &&
    isRecord(lane.engine) &&
    typeof lane.engine.trainingMs === 'number' &&
    hasEngineThetas([lane.engine]));

/**
 * A comparison's check: one run per lane, in order, each a known method whose curve stops at its lane's checkpoint
 * (step 0 without one); the envelope's step is the lowest lane's.
 */
export const checkStoredCompare: StoredRunCheck = (run, checkpoint) => {
  if (!Array.isArray(run.runs) || !Array.isArray(checkpoint.lanes) || run.runs.length !== checkpoint.lanes.length || run.runs.length < 2) return false;
  const lanes = checkpoint.lanes as unknown[];
  return run.runs.every((r, i) => {
    if (!isRecord(r) || typeof r.method !== 'string' || !(METHOD_IDS as readonly string[]).includes(r.method) || !isLaneCheckpoint(lanes[i], r.method)) return false;
    const lane = lanes[i] as { step: number } | null;
    const step = lane?.step ?? 0;
    if (!['paused', 'done', 'error'].includes(r.status as string) || r.step !== step || !isCount(r.totalSteps) || step > r.totalSteps) return false;
    if (!Array.isArray(r.history) || !Array.isArray(r.historyMs) || r.history.length !== r.historyMs.length) return false;
    return r.history.every((p) => isRecord(p) && isCount(p.step) && p.step <= step && isRecord(p.metrics));
  });
};

/** A stored value as a sweep for `link`, or null. */
export function parseStoredSweepRun(raw: unknown, link: string): StoredSweepRun | null {
  return parseStoredWorkerRun<SweepRun, GroupCheckpoint>(raw, 'sweep', link, checkStoredSweep);
}

export interface RunStore {
  /** Stores the run that `build` describes now, or at the end of the throttle interval (the latest one then; null: none is left to store). */
  save(build: () => StoredRun | StoredWorkerRun | null): void;
  /** Forgets the stored run (reset, a new run). */
  clear(): void;
  /** The stored lab run for `link`, or null. */
  load(link: string): Promise<StoredRun | null>;
  /** The stored run of `kind` for `link` (checked by `check`), or null. */
  loadWorkerRun<Run, Checkpoint>(kind: StoredWorkerRunKind, link: string, check: StoredRunCheck): Promise<StoredWorkerRun<Run, Checkpoint> | null>;
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

export function createRunStore(cache: StudyCache<StoredRun | StoredWorkerRun> = openStudyCache<StoredRun | StoredWorkerRun>('run'), clock: RunStoreClock = REAL_CLOCK): RunStore {
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let pending: (() => StoredRun | StoredWorkerRun | null) | null = null;
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
    async loadWorkerRun<Run, Checkpoint>(kind: StoredWorkerRunKind, link: string, check: StoredRunCheck) {
      await queue;
      return parseStoredWorkerRun<Run, Checkpoint>(await cache.get(STORED_RUN_KEY), kind, link, check);
    },
  };
}

/** The page's one run store (the lab's run and the sweep share its single record); created on first use. */
let pageRunStore: RunStore | null = null;
export const getRunStore = (): RunStore => (pageRunStore ??= createRunStore());
