import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig } from '../core/config';
import type { EvaluationPoint } from '../core/weights';
import type { FromWorkerMessage, ProgressPayload } from '../../workers/protocol';
import { createFrameBatcher, type FrameScheduler } from './frameBatcher';
import { useLabStore } from './store';

/** A scheduler whose frames the test runs by hand. */
function createFakeScheduler() {
  const frames: (() => void)[] = [];
  const schedule: FrameScheduler = (flush) => {
    frames.push(flush);
    return () => {
      const k = frames.indexOf(flush);
      if (k >= 0) frames.splice(k, 1);
    };
  };
  const runFrame = () => frames.splice(0).forEach((flush) => flush());
  return { schedule, runFrame, scheduled: () => frames.length };
}

const point = (step: number): EvaluationPoint => ({
  step,
  metrics: {
    trueInvocation: step / 1000,
    predictedInvocation: 0.5,
    predictionAccuracy: 0.5,
    overallError: 0.1,
    overallErrorWorstOutput: 0.1,
    codeAgreement: 1,
    codeOverallError: 0.05,
    samples: 2,
    safeCount: 1,
    predictedSafeCount: 1,
  },
  loss: 1,
  mse: 0.5,
  crossEntropy: 0.5,
  loneTrueInvocation: null,
});

const payload = (method: ProgressPayload['method'], step: number, running = true): ProgressPayload => ({
  method,
  step,
  totalSteps: 1000,
  phase: 'training',
  phaseMessage: null,
  running,
  backend: step === 10 ? 'cpu' : null,
  backendReport: null,
  stepsPerSecond: 100,
  trainingMs: step * 2,
  points: [point(step)],
  parameterCounts: null,
  surface: null,
});

describe('createFrameBatcher', () => {
  it('applies N pushed messages once, in order, on the next frame; nothing before it', () => {
    const fake = createFakeScheduler();
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>((messages) => applied.push(messages), fake.schedule);
    for (let k = 0; k < 50; k++) batcher.push(k);
    expect(applied).toEqual([]);
    expect(fake.scheduled()).toBe(1); // one frame requested, not 50
    fake.runFrame();
    expect(applied).toEqual([Array.from({ length: 50 }, (_, k) => k)]);
    fake.runFrame();
    expect(applied).toHaveLength(1); // an empty frame applies nothing
    batcher.push(50);
    fake.runFrame();
    expect(applied).toEqual([Array.from({ length: 50 }, (_, k) => k), [50]]);
  });

  it('flush applies at once and cancels the scheduled frame; cancel drops the queue', () => {
    const fake = createFakeScheduler();
    const applied: string[][] = [];
    const batcher = createFrameBatcher<string>((messages) => applied.push(messages), fake.schedule);
    batcher.push('a');
    batcher.push('b');
    batcher.flush();
    expect(applied).toEqual([['a', 'b']]);
    expect(fake.scheduled()).toBe(0);
    batcher.push('c');
    expect(batcher.pending()).toBe(1);
    batcher.cancel();
    fake.runFrame();
    expect(applied).toEqual([['a', 'b']]);
    expect(batcher.pending()).toBe(0);
  });

  it('with a minimum interval, waits that long after the previous flush, then for a frame', () => {
    vi.useFakeTimers();
    try {
      const fake = createFakeScheduler();
      const applied: number[][] = [];
      const batcher = createFrameBatcher<number>((messages) => applied.push(messages), fake.schedule, 100);
      batcher.push(1);
      fake.runFrame(); // nothing flushed before: no wait
      expect(applied).toEqual([[1]]);
      batcher.push(2);
      batcher.push(3);
      fake.runFrame();
      expect(applied).toHaveLength(1); // within 100 ms of the last flush: no frame requested yet
      vi.advanceTimersByTime(99);
      fake.runFrame();
      expect(applied).toHaveLength(1);
      vi.advanceTimersByTime(1);
      fake.runFrame();
      expect(applied).toEqual([[1], [2, 3]]);
      batcher.push(4);
      batcher.cancel(); // cancels the pending wait too
      vi.advanceTimersByTime(200);
      fake.runFrame();
      expect(applied).toEqual([[1], [2, 3]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back to a timeout where there is no requestAnimationFrame (Node)', async () => {
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>((messages) => applied.push(messages));
    batcher.push(1);
    batcher.push(2);
    expect(applied).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(applied).toEqual([[1, 2]]);
  });
});

/** A stand-in for the training worker: records what the page posts, lets the test post back. */
class FakeWorker {
  static instances: FakeWorker[] = [];
  posted: unknown[] = [];
  onmessage: ((event: MessageEvent<FromWorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    FakeWorker.instances.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {}
  emit(message: FromWorkerMessage) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorkerMessage>);
  }
}

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('controllers: worker progress reaches the store once per frame', () => {
  beforeEach(() => {
    FakeWorker.instances = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(async () => {
    const { resetRun } = await import('./trainingController');
    resetRun();
    vi.unstubAllGlobals();
  });

  it('lab view: 20 progress messages and done → one store update with every point in order, status done', async () => {
    const { playRun } = await import('./trainingController');
    useLabStore.getState().replaceConfig({ ...cloneConfig(DEFAULT_CONFIG), methods: ['axnet'] });
    playRun();
    const worker = FakeWorker.instances[0];
    let updates = 0;
    const unsubscribe = useLabStore.subscribe(() => updates++);
    for (let k = 1; k <= 20; k++) worker.emit({ type: 'progress', ...payload('axnet', k * 10) });
    worker.emit({ type: 'done', ...payload('axnet', 210, false) });
    expect(updates).toBe(0);
    await nextFrame();
    unsubscribe();
    expect(updates).toBe(1);
    const state = useLabStore.getState();
    expect(state.history.map((p) => p.step)).toEqual(Array.from({ length: 21 }, (_, k) => (k + 1) * 10));
    expect(state.step).toBe(210);
    expect(state.backend).toBe('cpu'); // sent by the first message only, kept
    expect(state.status).toBe('done');
  });

  it('a pause between a message and its frame is not undone by the message', async () => {
    const { pauseRun, playRun } = await import('./trainingController');
    useLabStore.getState().replaceConfig({ ...cloneConfig(DEFAULT_CONFIG), methods: ['axnet'] });
    playRun();
    const worker = FakeWorker.instances[0];
    worker.emit({ type: 'progress', ...payload('axnet', 10) });
    await nextFrame();
    expect(useLabStore.getState().status).toBe('running');
    worker.emit({ type: 'progress', ...payload('axnet', 20) });
    pauseRun();
    await nextFrame();
    expect(useLabStore.getState().status).toBe('paused');
    expect(useLabStore.getState().history).toHaveLength(2);
  });

  it('an error applies the queued points at once, then fails the run', async () => {
    const { playRun } = await import('./trainingController');
    useLabStore.getState().replaceConfig({ ...cloneConfig(DEFAULT_CONFIG), methods: ['axnet'] });
    playRun();
    const worker = FakeWorker.instances[0];
    for (let k = 1; k <= 3; k++) worker.emit({ type: 'progress', ...payload('axnet', k * 10) });
    worker.emit({ type: 'error', message: 'The loss diverged.', fatal: false });
    // No frame needed: the error flushes first.
    expect(useLabStore.getState().history.map((p) => p.step)).toEqual([10, 20, 30]);
    expect(useLabStore.getState().status).toBe('error');
    await nextFrame();
    expect(useLabStore.getState().status).toBe('error'); // nothing queued re-applies a status
  });

  it('compare mode: messages of four workers → one store update; runs and header both current', async () => {
    const { playRun } = await import('./trainingController');
    const methods = ['axnet', 'onepass', 'iterative', 'weightsharing'] as const;
    useLabStore.getState().replaceConfig({ ...cloneConfig(DEFAULT_CONFIG), methods: [...methods] });
    playRun();
    expect(FakeWorker.instances).toHaveLength(4);
    let updates = 0;
    const unsubscribe = useLabStore.subscribe(() => updates++);
    for (let k = 1; k <= 5; k++) FakeWorker.instances.forEach((worker, w) => worker.emit({ type: 'progress', ...payload(methods[w], k * 10) }));
    FakeWorker.instances[0].emit({ type: 'done', ...payload('axnet', 60, false) });
    await nextFrame();
    unsubscribe();
    expect(updates).toBe(1);
    const { compareRuns, step, status } = useLabStore.getState();
    expect(compareRuns.map((run) => run.history.map((p) => p.step))).toEqual([
      [10, 20, 30, 40, 50, 60],
      [10, 20, 30, 40, 50],
      [10, 20, 30, 40, 50],
      [10, 20, 30, 40, 50],
    ]);
    expect(compareRuns.map((run) => run.status)).toEqual(['done', 'running', 'running', 'running']);
    expect(step).toBe(50); // the header shows the slowest run's step
    expect(status).toBe('running');
  });
});
