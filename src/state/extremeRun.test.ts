import { formatMessage } from '../core/messages';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClassroom } from '../core/classroom/classLink';
import { CONFIG_LIMITS, DEFAULT_CONFIG, cloneConfig, type LabConfig } from '../core/config';
import { SHRINK_LIMITS, estimateRunWork } from '../core/runEstimate';
import { resolveTarget } from '../core/targets';
import { askAboutExtremeRun, estimateConfig, estimateSweep, forgetMeasuredSpeeds, frozenShrinkFields, noteMeasuredSpeeds } from './extremeRun';
import { createDefaultSweep } from '../core/sweep';
import { useLabStore } from './store';
import { cancelExtremeRun, playRun, resetRun, shrinkExtremeRun, togglePlay, trainExtremeAnyway, watchConfigChanges } from './trainingController';

function maximalConfig(): LabConfig {
  const widths = Array(CONFIG_LIMITS.hiddenLayers.max).fill(CONFIG_LIMITS.hiddenWidth.max);
  return {
    ...cloneConfig(DEFAULT_CONFIG),
    approximatorHidden: widths,
    predictorHidden: [...widths],
    batchSize: CONFIG_LIMITS.batchSize.max,
    trainSize: CONFIG_LIMITS.trainSize.max,
  };
}

describe('the extreme-settings question', () => {
  afterEach(() => forgetMeasuredSpeeds());

  it('asks for the maximal link and offers a concrete smaller config', () => {
    const question = askAboutExtremeRun(maximalConfig(), createClassroom());
    expect(question).not.toBeNull();
    expect(question?.estimate.source).toBe('estimate');
    expect(question?.shrunk.approximatorHidden).toEqual([32, 32, 32, 32]);
    const inEnglish = question?.changes.map((change) => formatMessage(change, 'en'));
    expect(inEnglish).toContain('approximator 128-128-128-128 → 32-32-32-32');
    expect(inEnglish).toContain(`batch size 4096 → ${SHRINK_LIMITS.batchSize}`);
    expect(question?.changes.map((change) => formatMessage(change, 'zh'))).toContain(`批大小：由 4096 改为 ${SHRINK_LIMITS.batchSize}`);
    expect(askAboutExtremeRun(cloneConfig(DEFAULT_CONFIG), createClassroom())).toBeNull();
  });

  it('does not shrink what a class link locks or hides', () => {
    const classroom = { ...createClassroom(), lock: ['topology' as const], hide: ['steps' as const] };
    expect([...frozenShrinkFields(classroom)].sort()).toEqual(['approximatorHidden', 'predictorHidden', 'steps']);
    const question = askAboutExtremeRun(maximalConfig(), classroom);
    expect(question?.shrunk.approximatorHidden).toEqual(maximalConfig().approximatorHidden);
    expect(question?.changes.some((change) => formatMessage(change, 'en').startsWith('approximator'))).toBe(false);
  });

  it('uses a measured speed turned into MAC/s by the measured net', () => {
    const small = cloneConfig(DEFAULT_CONFIG);
    noteMeasuredSpeeds(small, [{ name: 'wasm', ok: true, stepsPerSecond: 100 }], 'wasm', 0);
    const macs = estimateRunWork(small, 'axnet', resolveTarget(small)).stepMacs;
    const estimate = estimateConfig({ ...maximalConfig(), backend: 'wasm' });
    expect(estimate.source).toBe('measured');
    expect(estimate.macPerSecond).toBe(100 * macs);
    expect(estimateConfig({ ...maximalConfig(), backend: 'auto' }).backend).toBe('wasm');
    expect(estimateConfig({ ...maximalConfig(), backend: 'cpu' }).source).toBe('estimate');
  });
});

describe('Play with extreme settings', () => {
  let workers = 0;
  beforeEach(() => {
    workers = 0;
    vi.stubGlobal(
      'Worker',
      class {
        onmessage = null;
        constructor() {
          workers += 1;
        }
        postMessage() {}
        terminate() {}
      },
    );
    useLabStore.setState({ config: maximalConfig(), runChange: null, status: 'idle', step: 0 });
  });
  afterEach(() => {
    resetRun();
    vi.unstubAllGlobals();
  });

  it('starts nothing before the answer; Cancel keeps the settings and starts nothing', () => {
    const stop = watchConfigChanges();
    playRun();
    expect(workers).toBe(0);
    expect(useLabStore.getState().runChange).toMatchObject({ kind: 'extreme' });
    cancelExtremeRun();
    expect(useLabStore.getState().runChange).toBeNull();
    expect(workers).toBe(0);
    expect(useLabStore.getState().config.batchSize).toBe(4096);
    stop();
  });

  it('Train anyway starts the same config; Shrink starts the smaller one', () => {
    const stop = watchConfigChanges();
    playRun();
    trainExtremeAnyway();
    expect(workers).toBe(1);
    expect(useLabStore.getState().config.batchSize).toBe(4096);
    resetRun();
    playRun(); // the answer holds for these settings in this page
    expect(workers).toBe(2);
    resetRun();
    useLabStore.setState({ config: { ...maximalConfig(), seed: 7 } });
    playRun();
    expect(workers).toBe(2);
    shrinkExtremeRun();
    expect(workers).toBe(3);
    expect(useLabStore.getState().config).toMatchObject({ batchSize: 512, approximatorHidden: [32, 32, 32, 32], seed: 7 });
    expect(useLabStore.getState().runChange).toBeNull();
    stop();
  });

  it('a sweep asks too, before its worker starts; Train anyway starts it', () => {
    const stop = watchConfigChanges();
    const config = maximalConfig();
    useLabStore.setState({ config, sweep: { ...createDefaultSweep(config), seeds: { kind: 'count', count: 2 } } });
    playRun();
    expect(workers).toBe(0);
    expect(useLabStore.getState().runChange).toMatchObject({ kind: 'extreme' });
    trainExtremeAnyway();
    expect(workers).toBe(1);
    useLabStore.setState({ sweep: null });
    stop();
  });

  it('a comparison asks too, before any lane starts; Train anyway starts every lane', () => {
    const stop = watchConfigChanges();
    useLabStore.setState({ config: { ...maximalConfig(), methods: ['axnet', 'onepass', 'iterative'] } });
    togglePlay(); // the header's Play button
    expect(workers).toBe(0);
    expect(useLabStore.getState().runChange).toMatchObject({ kind: 'extreme' });
    trainExtremeAnyway();
    expect(workers).toBe(3);
    stop();
  });
});

describe('the estimate of a sweep', () => {
  it("adds up its variants' estimates (one program trains them all) and asks where one run alone would not", () => {
    const config = { ...cloneConfig(DEFAULT_CONFIG), backend: 'wasm' as const, approximatorHidden: [64, 64], predictorHidden: [64, 64], batchSize: 1024 };
    const spec = {
      ...createDefaultSweep(config),
      parameter: 'errorBound' as const,
      values: { kind: 'list' as const, values: [0.01, 0.02, 0.05, 0.1] },
      seeds: { kind: 'count' as const, count: 4 },
    };
    const single = estimateConfig({ ...config, trainLone: false }); // a sweep's variants train no lone approximator
    const swept = estimateSweep(spec, config)!;
    expect(swept.runMs).toBeCloseTo(16 * single.runMs, 6);
    expect(swept.memoryBytes).toBe(16 * single.memoryBytes);
    expect(askAboutExtremeRun(config, createClassroom())).toBeNull();
    expect(askAboutExtremeRun(config, createClassroom(), swept)).not.toBeNull();
    expect(estimateSweep({ ...spec, values: { kind: 'list', values: [] } }, config)).toBeNull(); // cannot be planned
  });
});

describe('the estimate of a comparison', () => {
  it("is its longest lane's (iterative trains 16× AXNet's steps), with the slowest step and every lane's memory", () => {
    const config = { ...cloneConfig(DEFAULT_CONFIG), methods: ['axnet', 'onepass', 'iterative'] as LabConfig['methods'], backend: 'wasm' as const };
    const lanes = (['axnet', 'onepass', 'iterative'] as const).map((method) => estimateConfig({ ...config, methods: [method] }));
    const compared = estimateConfig(config);
    expect(lanes[2].runMs).toBeGreaterThan(10 * lanes[0].runMs);
    expect(compared.runMs).toBe(Math.max(...lanes.map((lane) => lane.runMs)));
    expect(compared.stepMs).toBe(Math.max(...lanes.map((lane) => lane.stepMs)));
    expect(compared.memoryBytes).toBe(lanes.reduce((sum, lane) => sum + lane.memoryBytes, 0));
    // The default comparison is not extreme: it starts without a question.
    expect(askAboutExtremeRun({ ...config, methods: ['axnet', 'onepass', 'iterative', 'weightsharing'] }, createClassroom())).toBeNull();
  });
});
