import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKEND_CACHE_MAX_AGE_MS, computeBackendCacheKey, parseBackendCacheEntry, type BackendCacheEntry, type BackendCacheStore } from '../core/backendCache';
import { DEFAULT_CONFIG, type BackendName, type LabConfig } from '../core/config';
import { createDataset } from '../core/dataset';
import {
  MIN_CANDIDATE_MS,
  createTrainingProbe,
  describeSoftwareAdapter,
  isNodeEnvironment,
  listBackendCandidates,
  selectBackend,
  selfTestBackend,
  type MeasureTraining,
} from './backend';
import { createMethodTrainer } from './methods';

const SMALL: LabConfig = { ...DEFAULT_CONFIG, steps: 400, trainSize: 512, testSize: 256, evalEvery: 50 };

/** A measurement that reports fixed rates and advances a fake clock by the cap it was given. */
function fakeMeasure(rates: Partial<Record<BackendName, number | null>>, clock: { t: number }, spend: 'cap' | number = 'cap') {
  const calls: { name: BackendName; capMs: number }[] = [];
  const measure: MeasureTraining = async (name, capMs) => {
    calls.push({ name, capMs });
    clock.t += spend === 'cap' ? capMs : spend;
    const rate = rates[name] ?? null;
    return rate === null ? null : { stepsPerSecond: rate, steps: 10, ms: 100 };
  };
  return { measure, calls };
}

function createMapStore(): BackendCacheStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    read: async (key) => map.get(key) ?? null,
    write: async (entry) => void map.set(entry.key, structuredClone(entry)),
  };
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await tf.setBackend('cpu');
});

describe('backend candidates', () => {
  it('lists the fallback chain', () => {
    expect(listBackendCandidates('auto', false)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(listBackendCandidates('auto', true)).toEqual(['wasm', 'cpu']);
    expect(listBackendCandidates('webgl', false)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(listBackendCandidates('cpu', false)).toEqual(['cpu']);
    expect(isNodeEnvironment()).toBe(true);
  });

  it('a forced cpu is used after a self-test, without measuring', async () => {
    const clock = { t: 0 };
    const { measure, calls } = fakeMeasure({ cpu: 10, wasm: 1000 }, clock);
    const result = await selectBackend('cpu', { measure });
    expect(result.backend).toBe('cpu');
    expect(result.how).toBe('forced');
    expect(result.tried).toEqual([{ name: 'cpu', ok: true, verdict: 'chosen', reason: 'forced by the link (not measured)' }]);
    expect(calls).toEqual([]);
    expect(tf.getBackend()).toBe('cpu');
    await expect(selfTestBackend()).resolves.toBeUndefined();
  });

  it('a forced browser backend in Node falls back with a reason', async () => {
    const result = await selectBackend('webgpu');
    expect(result.tried[0]).toMatchObject({ name: 'webgpu', ok: false, verdict: 'failed' });
    expect(result.tried[0].reason).toMatch(/Node/);
    expect(['wasm', 'cpu']).toContain(result.backend);
    expect(tf.getBackend()).toBe(result.backend);
  });

  it('auto without a measurement takes the first that works (wasm, or cpu when wasm fails)', async () => {
    const result = await selectBackend('auto');
    expect(result.how).toBe('first-working');
    expect(result.tried.at(-1)?.ok).toBe(true);
    expect(['wasm', 'cpu']).toContain(result.backend);
  });
});

describe('auto picks by measurement', () => {
  it('takes the fastest measured candidate, whichever it is', async () => {
    for (const [rates, winner, loser] of [
      [{ wasm: 100, cpu: 300 }, 'cpu', 'wasm'],
      [{ wasm: 400, cpu: 250 }, 'wasm', 'cpu'],
    ] as const) {
      const clock = { t: 0 };
      const { measure, calls } = fakeMeasure(rates, clock);
      const result = await selectBackend('auto', { measure, now: () => clock.t });
      expect(result.how).toBe('measured');
      expect(result.backend).toBe(winner);
      expect(tf.getBackend()).toBe(winner);
      expect(calls.map((c) => c.name)).toEqual(['wasm', 'cpu']);
      const byName = Object.fromEntries(result.tried.map((t) => [t.name, t]));
      expect(byName[winner]).toMatchObject({ ok: true, verdict: 'chosen', stepsPerSecond: rates[winner] });
      expect(byName[winner].reason).toBe(`chosen: ${rates[winner]} steps/s, the fastest measured`);
      expect(byName[loser]).toMatchObject({ ok: false, verdict: 'slower', stepsPerSecond: rates[loser], reason: `slower: ${rates[loser]} steps/s` });
    }
  });

  it('a candidate with no step inside its cap loses, even against a slow one', async () => {
    const clock = { t: 0 };
    const { measure } = fakeMeasure({ wasm: null, cpu: 5 }, clock);
    const result = await selectBackend('auto', { measure, now: () => clock.t });
    expect(result.backend).toBe('cpu');
    expect(result.tried.find((t) => t.name === 'wasm')).toMatchObject({ ok: false, verdict: 'too-slow' });
  });

  it('honours the time budget: each cap fits what is left, and no candidate starts after the budget', async () => {
    const clock = { t: 0 };
    const first = fakeMeasure({ wasm: 100, cpu: 300 }, clock);
    await selectBackend('auto', { measure: first.measure, now: () => clock.t, budgetMs: 700, candidateCapMs: 500 });
    expect(first.calls.map((c) => c.capMs)).toEqual([500, 200]);
    expect(clock.t).toBeLessThanOrEqual(700);

    clock.t = 0;
    const second = fakeMeasure({ wasm: 100, cpu: 300 }, clock);
    const result = await selectBackend('auto', { measure: second.measure, now: () => clock.t, budgetMs: 500 + MIN_CANDIDATE_MS - 1, candidateCapMs: 500 });
    expect(second.calls.map((c) => c.name)).toEqual(['wasm']);
    expect(result.backend).toBe('wasm');
    expect(result.tried.find((t) => t.name === 'cpu')).toMatchObject({ ok: false, verdict: 'unmeasured' });
  });

  it('never uses a software WebGPU adapter, and says so', async () => {
    const requestAdapter = vi.fn(async () => ({ info: { isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader' } }));
    vi.stubGlobal('navigator', { gpu: { requestAdapter } });
    const clock = { t: 0 };
    const { measure, calls } = fakeMeasure({ wasm: 100, cpu: 50, webgpu: 100_000 }, clock);
    const result = await selectBackend('auto', { measure, now: () => clock.t, node: false });
    expect(requestAdapter).toHaveBeenCalledWith(); // default options, as tfjs asks
    expect(calls.map((c) => c.name)).not.toContain('webgpu');
    expect(result.backend).toBe('wasm');
    expect(result.tried.map((t) => t.name)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(result.tried[0]).toEqual({ name: 'webgpu', ok: false, verdict: 'software', reason: 'software adapter (SwiftShader), not used' });
    expect(result.tried[1]).toMatchObject({ name: 'webgl', ok: false, verdict: 'failed' });
  });

  it('recognises software adapters by the old flag, the new one, or the name', async () => {
    const gpu = (adapter: object | null) => ({ requestAdapter: async () => adapter });
    await expect(describeSoftwareAdapter(gpu({ isFallbackAdapter: true }))).resolves.toBe('software adapter (fallback)');
    await expect(describeSoftwareAdapter(gpu({ info: { isFallbackAdapter: true } }))).resolves.toBe('software adapter (fallback)');
    await expect(describeSoftwareAdapter(gpu({ info: { isFallbackAdapter: false, description: 'SwiftShader Device (Subzero)' } }))).resolves.toBe('software adapter (SwiftShader)');
    await expect(describeSoftwareAdapter(gpu({ info: { isFallbackAdapter: false, vendor: 'nvidia', architecture: 'ampere' } }))).resolves.toBeNull();
    await expect(describeSoftwareAdapter(gpu(null))).rejects.toThrow(/null/);
  });
});

describe('measurement cache', () => {
  const key = computeBackendCacheKey('test-agent', SMALL, 'axnet');

  it('keys by browser and net shape', () => {
    expect(computeBackendCacheKey('other-agent', SMALL, 'axnet')).not.toBe(key);
    expect(computeBackendCacheKey('test-agent', SMALL, 'onepass')).not.toBe(key);
    expect(computeBackendCacheKey('test-agent', { ...SMALL, batchSize: 64 }, 'axnet')).not.toBe(key);
    expect(computeBackendCacheKey('test-agent', { ...SMALL, approximatorHidden: [8, 4] }, 'axnet')).not.toBe(key);
    expect(computeBackendCacheKey('test-agent', { ...SMALL, learningRate: 0.5 } as LabConfig, 'axnet')).toBe(key); // same cost per step
  });

  it('round-trips: the second selection re-uses the first one’s measurement', async () => {
    const store = createMapStore();
    const clock = { t: 0 };
    const first = fakeMeasure({ wasm: 120, cpu: 340 }, clock);
    const measured = await selectBackend('auto', { measure: first.measure, now: () => clock.t, cache: { store, key } });
    expect(measured.how).toBe('measured');
    const written = store.map.get(key);
    expect(parseBackendCacheEntry(written, key, Date.now())).toMatchObject({ backend: 'cpu', rates: { wasm: 120, cpu: 340 } });

    await tf.setBackend('wasm');
    const second = fakeMeasure({ wasm: 999, cpu: 1 }, clock);
    const cached = await selectBackend('auto', { measure: second.measure, now: () => clock.t, cache: { store, key } });
    expect(second.calls).toEqual([]);
    expect(cached.how).toBe('cached');
    expect(cached.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(cached.tried.map((t) => [t.name, t.verdict, t.stepsPerSecond, t.cached])).toEqual([
      ['wasm', 'slower', 120, true],
      ['cpu', 'chosen', 340, true],
    ]);
    expect(cached.tried[1].reason).toMatch(/^chosen: 340 steps\/s \(from cache/);
  });

  it('rejects junk and measures instead', async () => {
    const now = Date.now();
    const good: BackendCacheEntry = { version: 1, key, backend: 'wasm', rates: { wasm: 300, cpu: 200 }, measuredAt: now - 1000 };
    expect(parseBackendCacheEntry(good, key, now)).toEqual(good);
    const junk: unknown[] = [
      null,
      undefined,
      'wasm',
      42,
      [good],
      { ...good, version: 2 },
      { ...good, key: 'another' },
      { ...good, backend: 'tpu' },
      { ...good, rates: { wasm: Number.NaN, cpu: 200 } },
      { ...good, rates: { wasm: -3, cpu: 200 } },
      { ...good, rates: { wasm: 300, cpu: '200' } },
      { ...good, rates: { wasm: 300, quantum: 200 } },
      { ...good, rates: { cpu: 200 } }, // the winner without a rate
      { ...good, rates: { wasm: 300, cpu: 900 } }, // the winner is not the fastest
      { ...good, rates: null },
      { ...good, measuredAt: now + 60_000 },
      { ...good, measuredAt: now - BACKEND_CACHE_MAX_AGE_MS - 1 },
      { ...good, measuredAt: '2026-12-01' },
    ];
    for (const raw of junk) expect(parseBackendCacheEntry(raw, key, now)).toBeNull();

    const store = createMapStore();
    store.map.set(key, { ...good, rates: { wasm: Infinity } });
    const clock = { t: 0 };
    const { measure, calls } = fakeMeasure({ wasm: 100, cpu: 300 }, clock);
    const result = await selectBackend('auto', { measure, now: () => clock.t, cache: { store, key } });
    expect(result.how).toBe('measured');
    expect(calls.length).toBe(2);
    expect(result.backend).toBe('cpu');

    const broken: BackendCacheStore = { read: async () => Promise.reject(new Error('disk on fire')), write: async () => Promise.reject(new Error('disk on fire')) };
    await expect(selectBackend('auto', { measure, now: () => clock.t, cache: { store: broken, key } })).resolves.toMatchObject({ how: 'measured', backend: 'cpu' });
  });
});

describe('training probe', () => {
  it('times the real trainer, leaves numTensors as it found them, and does not change the run', async () => {
    await tf.setBackend('cpu');
    const dataset = createDataset(SMALL);
    const runFresh = async () => {
      const trainer = createMethodTrainer(SMALL, 'axnet', { dataset });
      await trainer.train(30);
      const point = await trainer.evaluate();
      trainer.dispose();
      return point;
    };
    const reference = await runFresh();
    const before = tf.memory().numTensors;
    const probe = createTrainingProbe(() => createMethodTrainer(SMALL, 'axnet', { dataset }), { windowMs: 100 });
    const rate = await probe('cpu', 2000);
    expect(tf.memory().numTensors).toBe(before);
    expect(rate).not.toBeNull();
    expect(rate!.steps).toBeGreaterThan(0);
    expect(rate!.stepsPerSecond).toBeCloseTo((rate!.steps * 1000) / rate!.ms, 6);
    expect(await runFresh()).toEqual(reference);
  });

  it('a backend too slow for one step within its cap gets no rate; the trainer is still disposed', async () => {
    let t = 0;
    let disposed = 0;
    const trainer = {
      step: 0,
      totalSteps: 100,
      train: async () => {
        t += 50;
        trainer.step++;
      },
      dispose: () => void disposed++,
    };
    const probe = createTrainingProbe(() => trainer, { now: () => t });
    await expect(probe('webgl', 30)).resolves.toBeNull();
    expect(disposed).toBe(1);
    expect(t).toBe(50); // stopped after the first step, not after the whole warm-up
  });

  it('the real probe drives selection on wasm and cpu within the budget and restores numTensors', async () => {
    const dataset = createDataset(SMALL);
    const before = tf.memory().numTensors;
    const started = performance.now();
    const result = await selectBackend('auto', { measure: createTrainingProbe(() => createMethodTrainer(SMALL, 'axnet', { dataset })) });
    const elapsed = performance.now() - started;
    expect(tf.memory().numTensors).toBe(before);
    expect(result.how).toBe('measured');
    const rates = result.tried.filter((t) => t.stepsPerSecond !== undefined).map((t) => t.stepsPerSecond!);
    expect(rates.length).toBeGreaterThan(0);
    const chosen = result.tried.find((t) => t.verdict === 'chosen');
    expect(chosen?.name).toBe(result.backend);
    expect(chosen?.stepsPerSecond).toBe(Math.max(...rates));
    expect(elapsed).toBeLessThan(1500 + 1000); // budget plus one step in flight and wasm's first start
  });
});

describe('describeWasmBlock (issue 12 item 10)', () => {
  it('is empty where WebAssembly compiles (Node), so a wasm failure keeps its own reason', async () => {
    const { describeWasmBlock } = await import('./backend');
    expect(describeWasmBlock()).toBe('');
  });

  it('names the policy when compiling is refused the way Chromium words it, and any other compile failure as such', async () => {
    const { describeWasmBlock } = await import('./backend');
    const refuse = (message: string) =>
      class {
        constructor() {
          throw new Error(message);
        }
      };
    try {
      vi.stubGlobal('WebAssembly', {
        Module: refuse("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source of script"),
      });
      expect(describeWasmBlock()).toBe(": the page's Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval' is missing from script-src)");
      vi.stubGlobal('WebAssembly', { Module: refuse('out of memory') });
      expect(describeWasmBlock()).toBe(': WebAssembly cannot compile here (out of memory)');
      vi.stubGlobal('WebAssembly', undefined);
      expect(describeWasmBlock()).toBe(': this runtime has no WebAssembly');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
