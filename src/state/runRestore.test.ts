import { describe, expect, it } from 'vitest';
import type { TrainerCheckpoint } from '../core/checkpoint';
import type { EvaluationPoint } from '../core/weights';
import {
  RUN_STORE_INTERVAL_MS,
  checkStoredAxtrain,
  checkStoredCompare,
  checkStoredNas,
  createRunStore,
  parseStoredRun,
  parseStoredSweepRun,
  parseStoredWorkerRun,
  type StoredRun,
  type StoredSweepRun,
} from './runRestore';
import type { StudyCache } from './studyCache';

const checkpoint = {
  method: 'axnet',
  step: 1000,
  backend: 'cpu',
  engine: { trainingMs: 1200, groups: [{ name: 'AP', theta: new Float32Array(3) }] },
  diverged: null,
} as unknown as TrainerCheckpoint;
const run = (step: number): StoredRun => ({
  version: 1,
  link: '#v=1&seed=7',
  savedAt: 5,
  method: 'axnet',
  totalSteps: 3000,
  history: [500, 1000].map((s) => ({ step: s, metrics: {} }) as EvaluationPoint),
  parameterCounts: { approximator: 29, predictor: 122, total: 151, lone: 0 },
  checkpoint: { ...checkpoint, step },
});

function memoryCache(): StudyCache<StoredRun> & { writes: StoredRun[] } {
  const entries = new Map<string, StoredRun>();
  const writes: StoredRun[] = [];
  return {
    writes,
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      writes.push(value);
      entries.set(key, value);
    },
    keys: async () => [...entries.keys()],
    clear: async () => entries.clear(),
  };
}

function fakeClock() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle: unknown) => timers.splice(timers.indexOf(handle as (typeof timers)[number]), 1),
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.run();
      }
    },
  };
}

describe('the stored run', () => {
  it('restores only for the same link and version, with its checkpoint and the curves up to it', () => {
    expect(parseStoredRun(run(1000), '#v=1&seed=7')?.checkpoint.step).toBe(1000);
    expect(parseStoredRun(run(1000), '#v=1&seed=8')).toBeNull();
    expect(parseStoredRun({ ...run(1000), version: 2 }, '#v=1&seed=7')).toBeNull();
    expect(parseStoredRun({ ...run(1000), method: 'bogus' }, '#v=1&seed=7')).toBeNull();
    expect(parseStoredRun({ ...run(4000) }, '#v=1&seed=7')).toBeNull(); // past totalSteps
    expect(parseStoredRun(run(500)!, '#v=1&seed=7')?.history.map((p) => p.step)).toEqual([500]);
    expect(parseStoredRun('nonsense', '#v=1&seed=7')).toBeNull();
    expect(parseStoredRun(run(1000), '#v=1&seed=7')?.parameterCounts?.total).toBe(151);
    expect(parseStoredRun({ ...run(1000), parameterCounts: { total: -1 } }, '#v=1&seed=7')?.parameterCounts).toBeNull();
  });

  it('restores a sweep only for the same link, with one curve per variant of its plan, none past the checkpoint', () => {
    const link = '#v=1&sweep=errorBound&sweepRange=0.01:0.08:4:log';
    const variant = (steps: number[]) => ({ steps, trueInvocation: steps.map(() => 0.5), predictedInvocation: steps.map(() => 0.4), last: null, stopped: null });
    const sweep = (step: number, curve: number[]): StoredSweepRun =>
      ({
        version: 1,
        kind: 'sweep',
        link,
        savedAt: 5,
        run: { plan: { variants: [{}, {}] }, step, variants: [variant(curve), variant(curve)] },
        checkpoint: { method: 'axnet', size: 2, step, backend: 'cpu', trainingMs: 9, engines: [{ groups: [{ name: 'AP', theta: new Float32Array(3) }] }] },
      }) as unknown as StoredSweepRun;
    expect(parseStoredSweepRun(sweep(1000, [500, 1000]), link)?.checkpoint.step).toBe(1000);
    expect(parseStoredSweepRun(sweep(1000, [500, 1000]), `${link}&seed=2`)).toBeNull();
    expect(parseStoredSweepRun(sweep(1000, [500, 1500]), link)).toBeNull(); // a point past the checkpoint
    expect(parseStoredSweepRun({ ...sweep(1000, [500]), checkpoint: { ...sweep(1000, [500]).checkpoint, size: 3 } }, link)).toBeNull(); // another group
    expect(parseStoredSweepRun({ ...sweep(1000, [500]), kind: 'lab' }, link)).toBeNull();
    // The lab's record and the sweep's share one slot: each reads only its own.
    expect(parseStoredRun(sweep(1000, [500]), link)).toBeNull();
    expect(parseStoredSweepRun(run(1000), '#v=1&seed=7')).toBeNull();
  });

  it('restores a NAS search with its told records in order, and an AxTrain run with one snapshot per lane', () => {
    const link = '#v=1&nas=blackscholes';
    const record = (index: number) => ({ index, key: `${index}r`, measure: {} });
    const nas = (records: unknown[], step: number) => ({
      version: 1,
      kind: 'nas',
      link,
      savedAt: 1,
      run: { config: {}, records },
      checkpoint: { step, round: 1, backend: 'cpu' },
    });
    expect(parseStoredWorkerRun(nas([record(0), record(1)], 2), 'nas', link, checkStoredNas)).not.toBeNull();
    expect(parseStoredWorkerRun(nas([record(0), record(1)], 3), 'nas', link, checkStoredNas)).toBeNull(); // a count that disagrees
    expect(parseStoredWorkerRun(nas([record(1), record(0)], 2), 'nas', link, checkStoredNas)).toBeNull(); // out of order
    expect(parseStoredWorkerRun(nas([record(0)], 1), 'axtrain', link, checkStoredNas)).toBeNull(); // another kind
    const lane = (trainer: unknown) => ({ method: 'bp', trainer });
    const engine = { groups: [{ name: 'net', theta: new Float32Array(2) }] };
    const axtrain = (lanes: unknown[], snapshots: number) => ({
      version: 1,
      kind: 'axtrain',
      link,
      savedAt: 1,
      run: { config: {}, snapshots: Array.from({ length: snapshots }, () => ({})) },
      checkpoint: { step: 8, backend: 'cpu', lanes },
    });
    expect(parseStoredWorkerRun(axtrain([lane({ engine }), lane(null)], 2), 'axtrain', link, checkStoredAxtrain)).not.toBeNull();
    expect(parseStoredWorkerRun(axtrain([lane({ engine })], 2), 'axtrain', link, checkStoredAxtrain)).toBeNull();
    expect(parseStoredWorkerRun(axtrain([lane({ engine: { groups: [{ theta: [1, 2] }] } })], 1), 'axtrain', link, checkStoredAxtrain)).toBeNull(); // no Float32Array
  });

  it('restores a comparison with one run per lane, each curve stopping at its own lane checkpoint', () => {
    const link = '#v=1&methods=axnet,lone';
    const lane = (method: string, step: number) => ({ ...checkpoint, method, step });
    const laneRun = (method: string, steps: number[], step: number, status = 'paused') => ({
      method,
      status,
      step,
      totalSteps: 3000,
      history: steps.map((s) => ({ step: s, metrics: {} })),
      historyMs: steps.map((s) => s / 10),
    });
    const compare = (runs: unknown[], lanes: unknown[]) => ({ version: 1, kind: 'compare', link, savedAt: 1, run: { runs }, checkpoint: { step: 0, backend: 'cpu', lanes } });
    const parse = (raw: unknown) => parseStoredWorkerRun(raw, 'compare', link, checkStoredCompare);
    const good = compare([laneRun('axnet', [500, 1000], 1000), laneRun('lone', [], 0)], [lane('axnet', 1000), null]);
    expect(parse(good)).not.toBeNull();
    expect(parse(compare([laneRun('axnet', [500, 1000], 3000, 'done'), laneRun('lone', [500], 500)], [lane('axnet', 3000), lane('lone', 500)]))).not.toBeNull();
    expect(parse(compare([laneRun('axnet', [500, 1500], 1000), laneRun('lone', [], 0)], [lane('axnet', 1000), null]))).toBeNull(); // a point past its checkpoint
    expect(parse(compare([laneRun('axnet', [500], 1000), laneRun('lone', [], 0)], [lane('lone', 1000), null]))).toBeNull(); // another lane's checkpoint
    expect(parse(compare([laneRun('axnet', [500], 500), laneRun('lone', [500], 500)], [lane('axnet', 500), null]))).toBeNull(); // no checkpoint, yet past step 0
    expect(parse(compare([laneRun('axnet', [500], 500, 'running'), laneRun('lone', [], 0)], [lane('axnet', 500), null]))).toBeNull(); // stored runs are paused
    expect(parse(compare([laneRun('bogus', [], 0), laneRun('lone', [], 0)], [null, null]))).toBeNull();
    expect(parse(compare([laneRun('axnet', [], 0)], [null]))).toBeNull(); // one lane is no comparison
    expect(
      parse(compare([laneRun('axnet', [500], 500), laneRun('lone', [], 0)], [{ ...lane('axnet', 500), engine: { trainingMs: 1, groups: [{ theta: [1] }] } }, null])),
    ).toBeNull();
    // A comparison and the lab's own run share the one slot: each reads only its own.
    expect(parseStoredRun(good, link)).toBeNull();
    expect(parse({ ...run(1000), link })).toBeNull();
  });

  it('writes at most once per interval, the latest run, and a clear wins over an earlier save', async () => {
    const cache = memoryCache();
    const clock = fakeClock();
    const store = createRunStore(cache, clock);
    store.save(() => run(500));
    store.save(() => run(1000));
    store.save(() => run(1500));
    expect((await store.load('#v=1&seed=7'))?.checkpoint.step).toBe(500);
    clock.advance(RUN_STORE_INTERVAL_MS);
    expect((await store.load('#v=1&seed=7'))?.checkpoint.step).toBe(1500);
    expect(cache.writes.map((w) => w.checkpoint.step)).toEqual([500, 1500]);
    store.save(() => run(2000));
    store.clear();
    clock.advance(RUN_STORE_INTERVAL_MS);
    expect(await store.load('#v=1&seed=7')).toBeNull();
  });
});
