import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAxtrainConfig, type AxtrainConfig, type AxtrainMethodId } from '../../core/axtrain/config';
import type { AxtrainMethodDelta } from '../../core/axtrain/run';
import type { HardwareReport } from '../../core/axtrain/report';
import { loadAxtrainData } from './data';
import { evaluateOnHardware } from './evaluate';
import { collectDeltaBuffers, createAxtrainSession } from './session';
import { createAxtrainTrainer, trainAxtrainToCompletion } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Breast cancer on a small net (30-16-16-2), so that the twelve report pieces per method stay cheap on the cpu backend. */
const breastCancer = (changes: Partial<AxtrainConfig> = {}): AxtrainConfig => ({ ...createAxtrainConfig('breastcancer'), hidden: [16, 16], ...changes });

describe('AxTrain lockstep session', () => {
  it('trains every method in lockstep, evaluates all at the same steps, reports each at its end, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    // 2 epochs of 8 steps (455 rows / batch 64); actpas: 2 act epochs + 1 pas epoch. Evaluation every epoch.
    const config = breastCancer({ epochs: 2, pasEpochs: 1, evalRuns: 2, seed: 3 });
    const data = await loadAxtrainData(config);
    const session = createAxtrainSession(config, data, { landscape: { points: 5 } });
    expect(session.evalEverySteps).toBe(8);
    const first = session.takeDeltas(true);
    expect(first.map((d) => [d.method, d.step, d.totalSteps])).toEqual([
      ['bp', 0, 16],
      ['act', 0, 16],
      ['pas', 0, 16],
      ['actpas', 0, 24],
    ]);
    const deltas: AxtrainMethodDelta[] = [];
    let turns = 0;
    const piecesDone = new Map<string, number>();
    let piecesMade = 0;
    while (!session.done) {
      const turn = await session.trainTurn(5); // tiny budget: several rounds per epoch
      turns++;
      const taken = session.takeDeltas();
      // Lockstep: the methods still training stand in config order, at most one round's chunk apart.
      const training = session.readProgress().filter((p) => p.state === 'training');
      for (let k = 1; k < training.length; k++) expect(training[k - 1].step).toBeGreaterThanOrEqual(training[k].step);
      if (training.length > 0) expect(training[0].step - training.at(-1)!.step).toBeLessThanOrEqual(turn.roundSteps);
      // At most one piece of one report per turn ("scoring … (n / 12)" in the method's phase).
      let madeNow = 0;
      for (const d of taken) {
        const pieces = d.hardware ? 12 : Number(/\((\d+) \/ 12\)/.exec(d.phase)?.[1] ?? 0);
        madeNow += pieces - (piecesDone.get(d.method) ?? 0);
        piecesDone.set(d.method, pieces);
      }
      expect(madeNow).toBeLessThanOrEqual(1);
      piecesMade += madeNow;
      deltas.push(...taken);
    }
    // 12 report pieces (exact, 8 DRUM k, 3 NTV voltages) per method, one per turn.
    expect(piecesMade).toBe(4 * 12);
    expect(turns).toBeGreaterThan(4 * 12);
    const of = (method: AxtrainMethodId) => deltas.filter((d) => d.method === method);
    for (const method of ['bp', 'act', 'pas'] as const) {
      expect(of(method).flatMap((d) => d.points.map((p) => p.step))).toEqual([8, 16]);
      expect(of(method).filter((d) => d.hardware !== null)).toHaveLength(1);
    }
    expect(of('actpas').flatMap((d) => d.points.map((p) => p.step))).toEqual([8, 16, 24]);
    // Each evaluation brings its landscape and map; the map is the last layer's (16 × 2), the landscape 5 points.
    const withMap = deltas.filter((d) => d.sensitivityMap !== null);
    expect(withMap.length).toBe(2 + 2 + 2 + 3); // bp, act, pas: 2 evaluations each; actpas: 3 (deltas taken after every turn)
    for (const d of withMap) {
      expect([d.sensitivityMap!.fanIn, d.sensitivityMap!.fanOut]).toEqual([16, 2]);
      expect(d.sensitivityMap!.values).toBeInstanceOf(Float32Array);
      expect(d.landscape!.losses).toHaveLength(5);
    }
    const report = of('actpas').find((d) => d.hardware)!.hardware!;
    expect(report.results.filter((r) => r.setting.kind === 'ntv').every((r) => r.accuracy.runs === 2)).toBe(true);
    expect(collectDeltaBuffers(deltas)).toHaveLength(withMap.length);
    // Nothing more to say once done; every trainer was disposed at its method's end.
    expect(session.takeDeltas()).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives each method the numbers it gets when trained alone (lockstep does not change a run)', async () => {
    const config = breastCancer({ epochs: 2, methods: ['bp', 'act'], seed: 4, evalRuns: 1 });
    const data = await loadAxtrainData(config);
    const session = createAxtrainSession(config, data, { landscape: { points: 3 } });
    const points: Record<string, number[]> = { bp: [], act: [] };
    const reports: Record<string, HardwareReport | null> = { bp: null, act: null };
    while (!session.done) {
      await session.trainTurn(3);
      for (const d of session.takeDeltas()) {
        points[d.method].push(...d.points.map((p) => p.testAccuracy));
        reports[d.method] = d.hardware ?? reports[d.method];
      }
    }
    session.dispose();
    for (const method of ['bp', 'act'] as const) {
      const alone = createAxtrainTrainer(config, method, data);
      const expected = await trainAxtrainToCompletion(alone, 1);
      // The report made piece by piece is evaluateOnHardware's whole report.
      const whole = await evaluateOnHardware(alone);
      alone.dispose();
      expect(points[method]).toEqual(expected.map((p) => p.testAccuracy));
      expect(reports[method]).toEqual(whole);
    }
  });

  it('dispose mid-run frees the trainers that are still training', async () => {
    const before = tf.memory().numTensors;
    const config = breastCancer({ epochs: 3, methods: ['bp', 'pas'], evalRuns: 1 });
    const data = await loadAxtrainData(config);
    const session = createAxtrainSession(config, data);
    await session.trainTurn(5);
    expect(session.done).toBe(false);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a session restored from its checkpoint at every chance goes on to the numbers of an uninterrupted run (Continue after a fault), and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    // Every method: act's γ schedule, pas's NTV mask stream and actpas's second stage must all come back.
    // D = 10: every epoch's error is within it, so γ grows by Δγ at each epoch end (eq. 7).
    const config = breastCancer({ epochs: 3, pasEpochs: 1, evalRuns: 1, seed: 5, gammaBound: 10 });
    const data = await loadAxtrainData(config);
    const collect = (into: Map<string, unknown[]>, deltas: readonly AxtrainMethodDelta[]) => {
      for (const d of deltas) {
        const seen = into.get(d.method) ?? [];
        seen.push(...d.points, ...(d.hardware ? [d.hardware] : []), ...(d.landscape ? [d.landscape] : []), ...(d.sensitivityMap ? [Array.from(d.sensitivityMap.values)] : []));
        into.set(d.method, seen);
      }
    };
    const uninterrupted = new Map<string, unknown[]>();
    const whole = createAxtrainSession(config, data, { landscape: { points: 3 } });
    while (!whole.done) {
      await whole.trainTurn(4);
      collect(uninterrupted, whole.takeDeltas());
    }
    whole.dispose();

    const resumed = new Map<string, unknown[]>();
    let session = createAxtrainSession(config, data, { landscape: { points: 3 } });
    const states = new Set<string>();
    let restores = 0;
    while (!session.done) {
      await session.trainTurn(4);
      collect(resumed, session.takeDeltas());
      if (!session.checkpointDue) continue;
      // What crosses the worker boundary: a structured clone; the old session (the crashed worker) is gone.
      const checkpoint = structuredClone(await session.checkpoint());
      for (const lane of checkpoint.lanes) states.add(lane.state);
      session.dispose();
      session = createAxtrainSession(config, data, { landscape: { points: 3 }, checkpoint });
      restores++;
      // The restored session's first message says where each method stands; it carries no new points.
      expect(session.takeDeltas(true).every((d) => d.points.length === 0 && d.hardware === null)).toBe(true);
    }
    session.dispose();
    expect(restores).toBeGreaterThan(10);
    expect([...states].sort()).toEqual(['finished', 'scoring', 'training']);
    expect(resumed).toEqual(uninterrupted);
    const gammas = (uninterrupted.get('act') ?? []).flatMap((item) => ((item as { gamma?: number | null }).gamma ? [(item as { gamma: number }).gamma] : []));
    expect(new Set(gammas).size).toBeGreaterThan(1); // γ moved, so its schedule's restore is tested
    expect(tf.memory().numTensors).toBe(before);
  });
});
