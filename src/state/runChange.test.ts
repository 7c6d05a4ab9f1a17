import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig } from '../core/config';
import { changedFields, configChangeMessages, decideConfigChange, describeConfigChanges, describeRunChange, mergeConfigChange, type RunChangeInput } from './runChange';
import { useLabStore, type RunStatus } from './store';
import { acceptRunChange, keepCurrentRun, resetRun, watchConfigChanges } from './trainingController';

const fresh = (status: RunStatus, step: number): RunChangeInput => ({ status, step, pending: false, matchesRun: false });

describe('decideConfigChange', () => {
  it('ignores a change when there is no run', () => {
    expect(decideConfigChange(fresh('idle', 0))).toBe('ignore');
  });

  it('restarts a run that is training, whatever its step', () => {
    expect(decideConfigChange(fresh('running', 1200))).toBe('restart');
    expect(decideConfigChange(fresh('initializing', 0))).toBe('restart');
  });

  it('asks before discarding a paused or finished run that trained steps', () => {
    expect(decideConfigChange(fresh('paused', 1200))).toBe('ask');
    expect(decideConfigChange(fresh('done', 3000))).toBe('ask');
  });

  it('drops without asking a run with nothing to lose: no step trained, or failed', () => {
    expect(decideConfigChange(fresh('paused', 0))).toBe('discard');
    expect(decideConfigChange(fresh('done', 0))).toBe('discard');
    expect(decideConfigChange(fresh('error', 500))).toBe('discard');
  });

  it('keeps asking while a question is open, and withdraws it when the settings return to the run’s', () => {
    for (const status of ['paused', 'done', 'running', 'idle', 'error'] as const) {
      expect(decideConfigChange({ status, step: 10, pending: true, matchesRun: false })).toBe('ask');
      expect(decideConfigChange({ status, step: 10, pending: true, matchesRun: true })).toBe('withdraw');
    }
  });
});

describe('describeRunChange', () => {
  it('names the step that would be discarded', () => {
    expect(describeRunChange(1200)).toBe('Start a new run with the changed settings? The current run (step 1,200) will be discarded.');
    expect(describeRunChange(1200, 'zh')).toBe('用更改后的设置开始新的训练吗？当前的训练（第 1,200 步）将被丢弃。');
  });
});

describe('mergeConfigChange', () => {
  it('folds successive edits into one proposal, keeping earlier edits to other fields', () => {
    const run = cloneConfig(DEFAULT_CONFIG);
    const first = mergeConfigChange(run, run, { ...run, learningRate: 0.05 });
    // The second edit starts from the run's settings again (the form shows the kept run).
    const second = mergeConfigChange(first, run, { ...run, seed: 9, approximatorHidden: [8, 8] });
    expect(changedFields(run, second).sort()).toEqual(['approximatorHidden', 'learningRate', 'seed']);
    expect(second.learningRate).toBe(0.05);
    expect(second.approximatorHidden).toEqual([8, 8]);
    expect(run.learningRate).toBe(DEFAULT_CONFIG.learningRate);
  });

  it('comes back to the run’s settings when an edit is undone', () => {
    const run = cloneConfig(DEFAULT_CONFIG);
    const changed = mergeConfigChange(run, run, { ...run, trainLone: !run.trainLone });
    const undone = mergeConfigChange(changed, run, { ...run, trainLone: run.trainLone });
    // The undo edit itself equals the run: the proposal keeps the earlier change.
    expect(changedFields(run, undone)).toEqual(['trainLone']);
    const toggledBack = mergeConfigChange(changed, changed, { ...changed, trainLone: run.trainLone });
    expect(changedFields(run, toggledBack)).toEqual([]);
  });
});

describe('describeConfigChanges', () => {
  it('lists each changed field with its old and new value', () => {
    const run = cloneConfig(DEFAULT_CONFIG);
    expect(describeConfigChanges(run, { ...run, learningRate: 0.05, approximatorHidden: [8, 4], trainLone: !run.trainLone })).toEqual([
      `approximator ${run.approximatorHidden.join('-')} → 8-4`,
      `learning rate ${run.learningRate} → 0.05`,
      `lone approximator ${run.trainLone ? 'on' : 'off'} → ${run.trainLone ? 'off' : 'on'}`,
    ]);
    expect(describeConfigChanges(run, run)).toEqual([]);
  });
});

describe('watchConfigChanges (the controller applies the decision)', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    resetRun();
    useLabStore.getState().replaceConfig(cloneConfig(DEFAULT_CONFIG));
    stop = watchConfigChanges();
  });
  afterEach(() => stop());

  /** A finished run of `step` steps, as the worker would leave it (no worker is needed for the decision). */
  const finishRun = (step: number) => useLabStore.setState({ status: 'done', step });

  it('keeps a finished run and its settings while asking; "Keep current" drops the change', () => {
    finishRun(1200);
    const runConfig = useLabStore.getState().config;
    useLabStore.getState().setNumber('learningRate', 0.05);
    const state = useLabStore.getState();
    expect(state.config).toBe(runConfig);
    expect(state.status).toBe('done');
    expect(state.step).toBe(1200);
    expect(state.runChange).toEqual({ kind: 'change', step: 1200, changes: configChangeMessages(runConfig, { ...runConfig, learningRate: 0.05 }) });
    expect(describeConfigChanges(runConfig, { ...runConfig, learningRate: 0.05 })).toEqual([`learning rate ${runConfig.learningRate} → 0.05`]);
    keepCurrentRun();
    expect(useLabStore.getState().runChange).toBeNull();
    expect(useLabStore.getState().config).toBe(runConfig);
    expect(useLabStore.getState().step).toBe(1200);
  });

  it('"New run" discards the run and applies every change made while asking', () => {
    finishRun(300);
    useLabStore.getState().setNumber('learningRate', 0.05);
    useLabStore.getState().setTrainLone(!DEFAULT_CONFIG.trainLone);
    expect(useLabStore.getState().runChange?.changes).toHaveLength(2);
    acceptRunChange();
    const state = useLabStore.getState();
    expect(state.runChange).toBeNull();
    expect(state.status).toBe('idle');
    expect(state.step).toBe(0);
    expect(state.config.learningRate).toBe(0.05);
    expect(state.config.trainLone).toBe(!DEFAULT_CONFIG.trainLone);
  });

  it('resets a training run at once, with a notice', () => {
    useLabStore.setState({ status: 'running', step: 40 });
    useLabStore.getState().setNumber('seed', 8);
    const state = useLabStore.getState();
    expect(state.config.seed).toBe(8);
    expect(state.status).toBe('idle');
    expect(state.runChange).toBeNull();
    expect(state.notice?.kind).toBe('info');
  });

  it('applies a change silently when there is no run', () => {
    useLabStore.getState().setNumber('seed', 9);
    expect(useLabStore.getState().config.seed).toBe(9);
    expect(useLabStore.getState().runChange).toBeNull();
  });
});
