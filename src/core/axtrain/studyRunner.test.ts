import { describe, expect, it } from 'vitest';
import { buildAxtrainStudyPlan, type AxtrainStudyRow, type AxtrainStudyUnit, type AxtrainUnitRecord } from './study';
import { estimateAxtrainStudyMs, estimateAxtrainUnitMs, labelAxtrainUnit, runAxtrainStudy, type AxtrainStudyProgress } from './studyRunner';

/** A clock the tests move by hand. */
function createClock() {
  let t = 0;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** A row that names its unit (the runner only carries rows; their content is the trainer's). */
const rowOf = (unit: AxtrainStudyUnit) => ({ dataset: unit.dataset, seed: unit.seed, method: 'bp', trainingMs: 1 }) as unknown as AxtrainStudyRow;

function createMemoryCache(initial: Record<string, unknown> = {}) {
  const store = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    store,
    writes,
    get: async (key: string) => store.get(key),
    set: async (key: string, record: AxtrainUnitRecord) => {
      writes.push(key);
      store.set(key, record);
    },
  };
}

describe('AxTrain study runner', () => {
  const plan = buildAxtrainStudyPlan({ seeds: 2 });

  it('trains every unit in plan order, caches each record under its key with its wall time, and counts progress', async () => {
    const clock = createClock();
    const cache = createMemoryCache();
    const order: string[] = [];
    const progress: AxtrainStudyProgress[] = [];
    const run = await runAxtrainStudy(plan, {
      cache,
      now: clock.now,
      onProgress: (p) => progress.push(p),
      runUnit: async (unit, { log }) => {
        order.push(unit.key);
        clock.advance(1000);
        log(`${unit.key} bp: done`);
        return [rowOf(unit)];
      },
    });
    expect(order).toEqual(plan.units.map((u) => u.key));
    expect(cache.writes).toEqual(order);
    expect(Object.keys(run.records)).toEqual(order);
    expect(run.records[order[0]]).toEqual({ key: order[0], rows: [rowOf(plan.units[0])], wallMs: 1000 });
    expect(run).toMatchObject({ cancelled: false, wallMs: 4000 });
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ done: 4, total: 4, cachedCount: 0, trainedCount: 4, etaMs: 0, running: null });
    // While a unit runs, progress names it and carries the line it logged.
    expect(progress.find((p) => p.line === `${order[1]} bp: done`)).toMatchObject({ done: 1, running: labelAxtrainUnit(plan.units[1]) });
  });

  it('takes valid cached records without training, and retrains a unit whose cached value is not a record of it', async () => {
    const [first, second, third] = plan.units;
    const cached: AxtrainUnitRecord = { key: first.key, rows: [rowOf(first)], wallMs: 5 };
    const cache = createMemoryCache({
      [first.key]: cached,
      [second.key]: [rowOf(second)], // an older format: rows only
      [third.key]: { key: 'another-unit', rows: [], wallMs: 1 },
    });
    const trained: string[] = [];
    const seen: [string, boolean][] = [];
    const run = await runAxtrainStudy(plan, {
      cache,
      now: createClock().now,
      onUnit: (record, fromCache) => seen.push([record.key, fromCache]),
      runUnit: async (unit) => {
        trained.push(unit.key);
        return [rowOf(unit)];
      },
    });
    expect(trained).toEqual(plan.units.slice(1).map((u) => u.key));
    expect(run.records[first.key]).toBe(cached);
    expect(seen).toEqual(plan.units.map((u, i) => [u.key, i === 0]));
  });

  it('scales the ETA by how fast the trained units went against their estimate', async () => {
    const clock = createClock();
    const estimates = plan.units.map((u) => estimateAxtrainUnitMs(u));
    const progress: AxtrainStudyProgress[] = [];
    await runAxtrainStudy(plan, {
      now: clock.now,
      onProgress: (p) => progress.push(p),
      runUnit: async (unit) => {
        // Every unit takes twice its estimate.
        clock.advance(2 * estimates[plan.units.indexOf(unit)]);
        return [rowOf(unit)];
      },
    });
    // Before anything trained: the estimate as it is.
    expect(progress[0].etaMs).toBeCloseTo(
      estimates.reduce((a, b) => a + b, 0),
      6,
    );
    const afterFirst = progress.find((p) => p.done === 1 && p.running === null)!;
    expect(afterFirst.etaMs).toBeCloseTo(2 * (estimates[1] + estimates[2] + estimates[3]), 6);
  });

  it('stops between units on abort (cancelled, nothing more trained) and treats a runUnit rejection after abort as the cancel', async () => {
    const controller = new AbortController();
    const trained: string[] = [];
    const run = await runAxtrainStudy(plan, {
      signal: controller.signal,
      now: createClock().now,
      runUnit: async (unit) => {
        trained.push(unit.key);
        if (trained.length === 2) {
          controller.abort();
          throw new Error('terminated');
        }
        return [rowOf(unit)];
      },
    });
    expect(trained).toHaveLength(2);
    expect(run.cancelled).toBe(true);
    expect(Object.keys(run.records)).toEqual([plan.units[0].key]);
  });

  it('rejects with a unit’s error when nobody cancelled; the units before it stay cached', async () => {
    const cache = createMemoryCache();
    await expect(
      runAxtrainStudy(plan, {
        cache,
        now: createClock().now,
        runUnit: async (unit) => {
          if (unit === plan.units[1]) throw new Error('worker could not load');
          return [rowOf(unit)];
        },
      }),
    ).rejects.toThrow('worker could not load');
    expect(cache.writes).toEqual([plan.units[0].key]);
  });

  it('estimates the quick plan at the measured 56 s and the full plan from the same per-step times', () => {
    const quick = buildAxtrainStudyPlan({ quick: true });
    const full = buildAxtrainStudyPlan();
    // Measured: breast cancer 14 s, digits 42 s (axlab reproduce --paper axtrain --quick, Node, 2 cores).
    expect(estimateAxtrainUnitMs(quick.units[0]) / 1000).toBeCloseTo(14, 0);
    expect(estimateAxtrainUnitMs(quick.units[1]) / 1000).toBeCloseTo(42, 0);
    expect(estimateAxtrainStudyMs(quick) / 1000).toBeCloseTo(56, 0);
    const fullMinutes = estimateAxtrainStudyMs(full) / 60_000;
    expect(fullMinutes).toBeGreaterThan(15);
    expect(fullMinutes).toBeLessThan(40);
    // More epochs cost more; more seeds cost proportionally more.
    const longer = { ...quick.units[0], config: { ...quick.units[0].config, epochs: 40 } };
    expect(estimateAxtrainUnitMs(longer)).toBeGreaterThan(estimateAxtrainUnitMs(quick.units[0]));
    expect(estimateAxtrainStudyMs(buildAxtrainStudyPlan({ seeds: 6 }))).toBeCloseTo(2 * estimateAxtrainStudyMs(full), 6);
  });
});
