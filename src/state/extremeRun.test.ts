import { formatMessage } from '../core/messages';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClassroom } from '../core/classroom/classLink';
import { CONFIG_LIMITS, DEFAULT_CONFIG, cloneConfig, type LabConfig } from '../core/config';
import { SHRINK_LIMITS, estimateRunWork } from '../core/runEstimate';
import { resolveTarget } from '../core/targets';
import { askAboutExtremeRun, estimateConfig, forgetMeasuredSpeeds, frozenShrinkFields, noteMeasuredSpeeds } from './extremeRun';
import { useLabStore } from './store';
import { cancelExtremeRun, playRun, resetRun, shrinkExtremeRun, trainExtremeAnyway, watchConfigChanges } from './trainingController';

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
});
