import { describe, expect, it } from 'vitest';
import type { EvaluationPoint } from '../core/weights';
import { truncateRunTo } from './store';
import { formatMessage } from '../core/messages';
import { describeGpuFallback, describeStalledRun } from './runMessages';

describe('continuing a run from its checkpoint', () => {
  it('keeps the curves up to the checkpoint step and shows that step', () => {
    const history = [500, 1000, 1500].map((step) => ({ step }) as EvaluationPoint);
    const next = truncateRunTo({ history }, 1000);
    expect(next.history.map((p) => p.step)).toEqual([500, 1000]);
    expect(next).toMatchObject({ step: 1000, status: 'initializing', backend: null, message: null });
  });

  it('names the checkpoint in the stalled-worker notice, or step 0 before the first one', () => {
    expect(formatMessage(describeStalledRun({ silentMs: 4600, step: 1180 }, 'cpu', 1000), 'en')).toBe(
      'The training worker stopped responding (no progress for 5 s). It was ended. Continue resumes from step 1000, the last checkpoint, with the same settings on cpu (the 180 steps after it are trained again, to the same numbers).',
    );
    expect(formatMessage(describeStalledRun({ silentMs: 4600, step: 80 }, 'wasm', null), 'en')).toMatch(
      /Continue starts it again from step 0 with the same settings on wasm \(no checkpoint yet/,
    );
  });

  it('says where a run goes on after a GPU loss', () => {
    expect(formatMessage(describeGpuFallback({ backend: 'webgl', reason: 'the WebGL context was lost' }, 'wasm', 1500), 'en')).toBe(
      "The GPU stopped responding on webgl (the WebGL context was lost). Continuing on wasm from step 1500, the last checkpoint; from there on the numbers are wasm's.",
    );
    expect(formatMessage(describeGpuFallback({ backend: 'webgpu', reason: 'x' }, 'cpu', null), 'en')).toMatch(/Continuing on cpu from step 0 \(no checkpoint yet\)/);
    expect(formatMessage(describeGpuFallback({ backend: 'webgl', reason: 'the WebGL context was lost' }, 'wasm', 1500), 'zh')).toBe(
      'GPU 在 webgl 上停止响应（the WebGL context was lost）。改在 wasm 上从第 1500 步（最后的检查点）继续；此后的数值来自 wasm。',
    );
  });
});
