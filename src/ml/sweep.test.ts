import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/config';
import type { InvocationMetrics } from '../core/metrics';
import { planSweep } from '../core/sweep';
import type { GroupChunkResult, ModelGroupTrainer } from './group';
import { buildSweepRows, runSweepToCompletion } from './sweep';
import type { EvaluationPoint } from './types';

/** A group of K fake models whose model `diverging` diverges at step `divergeAt` (keeping step divergeAt − 1). */
function createFakeGroup(K: number, totalSteps: number, diverging: number, divergeAt: number): ModelGroupTrainer & { trainCalls: number[] } {
  let step = 0;
  const stoppedAt: (number | null)[] = Array.from({ length: K }, () => null);
  const trainCalls: number[] = [];
  const metrics = (k: number, s: number): InvocationMetrics => ({
    trueInvocation: s / totalSteps,
    predictedInvocation: k / K,
    predictionAccuracy: 0.5,
    overallError: 0.01,
    overallErrorWorstOutput: 0.01,
    codeAgreement: 0,
    codeOverallError: 0,
    samples: 1,
    safeCount: 0,
    predictedSafeCount: 0,
  });
  return {
    method: 'axnet',
    size: K,
    backend: 'cpu',
    configs: [],
    topologies: [],
    notes: Array.from({ length: K }, () => []),
    totalSteps,
    get step() {
      return step;
    },
    stoppedAt,
    trainingMs: 0,
    trainCalls,
    async train(n: number): Promise<GroupChunkResult> {
      trainCalls.push(n);
      const diverged: GroupChunkResult['diverged'] = stoppedAt.map(() => null);
      if (stoppedAt[diverging] === null && step < divergeAt && step + n >= divergeAt) {
        stoppedAt[diverging] = divergeAt - 1;
        diverged[diverging] = { atStep: divergeAt - 1, restoredStep: divergeAt - 2, message: 'The loss became NaN.' };
      }
      step += n;
      return { step, diverged };
    },
    async evaluate(): Promise<EvaluationPoint[]> {
      return stoppedAt.map((stop, k) => {
        const s = stop ?? step;
        return { step: s, metrics: metrics(k, s), loss: 0, mse: 0, crossEntropy: 0, loneTrueInvocation: null };
      });
    },
    evaluateValidation: () => Promise.reject(new Error('unused')),
    getWeights: () => Promise.reject(new Error('unused')),
    getBaselineWeights: async () => null,
    checkpoint: () => Promise.reject(new Error('unused')),
    dispose() {},
  };
}

describe('runSweepToCompletion', () => {
  it('evaluates on the evalEvery schedule; a diverged variant stops with its kept weights and the others go on', async () => {
    const group = createFakeGroup(3, 300, 1, 150);
    const { histories, stopped } = await runSweepToCompletion(group, 100);
    expect(group.trainCalls.every((n) => n <= 100)).toBe(true);
    expect(histories[0].map((p) => p.step)).toEqual([100, 200, 300]);
    expect(histories[2].map((p) => p.step)).toEqual([100, 200, 300]);
    // Variant 1: the point at 100, then one point of the weights it kept (step 149), and nothing after.
    expect(histories[1].map((p) => p.step)).toEqual([100, 149]);
    expect(stopped).toEqual([null, 'The loss became NaN.', null]);
    const { plan } = planSweep({ parameter: 'errorBound', layer: 0, values: { kind: 'list', values: [0.01, 0.02, 0.03] }, seeds: { kind: 'count', count: 1 } }, DEFAULT_CONFIG);
    const rows = buildSweepRows(plan!, histories, stopped);
    expect(rows.map((r) => r.steps)).toEqual([300, 149, 300]);
    expect(rows[1].stopped).toMatch(/NaN/);
    expect(rows.map((r) => r.value)).toEqual([0.01, 0.02, 0.03]);
  });
});
