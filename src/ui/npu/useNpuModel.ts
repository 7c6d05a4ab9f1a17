/**
 * Everything the NPU view derives from the store, memoised: the test set (regenerated from the config's seed,
 * exactly as the worker drew it), the predictor's decision per test sample (float64 forward of the trained
 * weights, eq. 3), the animated input, its five-stage schedule, and the test-set aggregates.
 * AXNet's weights come from the lab-view run, or, in compare mode, from the axnet worker (npuCompareAxnet); the
 * onepass / iterative nets trained in compare mode (npuBaselines) add their test-set aggregates (paper Fig. 10b).
 */
import { useMemo } from 'react';
import { computeAxnetForward, validateAxnetParams } from '../../core/axnetMath';
import { sampleTargetRows } from '../../core/dataset';
import { BASELINE_METHODS, type BaselineMethodId } from '../../core/methods/registry';
import { useTargetData } from '../useTargetData';
import { useWhileVisible } from '../useOnScreen';
import {
  aggregateAxnetCost,
  aggregateBaselineCost,
  getConfigCpuPathCost,
  makeCpuPathCost,
  scheduleInference,
  type CpuPathCost,
  type NpuAggregate,
  type NpuInferenceSchedule,
} from '../../core/npu';
import { resolveTarget } from '../../core/targets/index';
import type { TargetSpec } from '../../core/targets/types';
import type { AxnetWeights } from '../../core/weights';
import { useLabStore } from '../../state/store';
import { buildTimeline, listEvents, type NpuTimeline } from './timeline';

export interface NpuSampleDecisions {
  /** P(safe | x) per test sample. */
  safeProbability: Float64Array;
  /** 1 = the controller invokes the approximator, 0 = the CPU. */
  safe: Uint8Array;
  unsafeCount: number;
}

export interface NpuModel {
  target: TargetSpec;
  weights: AxnetWeights;
  weightsStep: number;
  testX: Float32Array;
  testY: Float32Array;
  testSize: number;
  decisions: NpuSampleDecisions;
  /** The test sample shown (clamped), or null when a surface point is animated. */
  sampleIndex: number | null;
  input: number[];
  /** Exact f(x) of the animated input. */
  exact: number[];
  cpuCost: CpuPathCost;
  schedule: NpuInferenceSchedule;
  events: ReturnType<typeof listEvents>;
  timeline: NpuTimeline;
  aggregate: NpuAggregate;
  baselines: NpuBaselineAggregate[];
}

/** A baseline's test-set cost, with its classifier's decisions (predicted invocation) on the same test set. */
export interface NpuBaselineAggregate {
  id: BaselineMethodId;
  aggregate: NpuAggregate;
}

/** 'none': no AXNet to simulate yet; the baselines trained in compare mode are still listed. */
export type NpuModelResult = { kind: 'none'; baselines: NpuBaselineAggregate[]; cpuCost: CpuPathCost } | { kind: 'error'; message: string } | { kind: 'ready'; model: NpuModel };

function computeDecisions(weights: AxnetWeights, testX: Float32Array, inputDim: number, size: number): NpuSampleDecisions {
  const safeProbability = new Float64Array(size);
  const safe = new Uint8Array(size);
  let unsafeCount = 0;
  for (let s = 0; s < size; s++) {
    const { logits, safeProbability: p } = computeAxnetForward(weights, testX.subarray(s * inputDim, (s + 1) * inputDim));
    safeProbability[s] = p;
    safe[s] = logits[1] > logits[0] ? 1 : 0; // ties → unsafe, as the controller (schedule.ts)
    if (!safe[s]) unsafeCount++;
  }
  return { safeProbability, safe, unsafeCount };
}

/**
 * visible: whether the view is on screen; while it is not, the model keeps the nets it last showed, so that a run's
 * end (new weights) costs the page nothing until the view scrolls in (useOnScreen).
 */
export function useNpuModel(visible = true): NpuModelResult {
  const labWeights = useWhileVisible(
    useLabStore((s) => s.weights),
    visible,
  );
  const labWeightsStep = useWhileVisible(
    useLabStore((s) => s.weightsStep),
    visible,
  );
  const compareAxnet = useWhileVisible(
    useLabStore((s) => s.npuCompareAxnet),
    visible,
  );
  // The lab-view run when it has been trained, else compare mode's axnet worker.
  const fromLab = labWeights !== null && labWeightsStep > 0;
  const weights = fromLab ? labWeights : (compareAxnet?.weights ?? null);
  const weightsStep = fromLab ? labWeightsStep : (compareAxnet?.step ?? 0);
  const targetId = useLabStore((s) => s.config.target);
  const customFunction = useLabStore((s) => s.config.customFunction);
  const seed = useLabStore((s) => s.config.seed);
  const testSize = useLabStore((s) => s.config.testSize);
  const params = useLabStore((s) => s.npuParams);
  const cpuInstructions = useLabStore((s) => s.npuCpuInstructions);
  const sample = useLabStore((s) => s.npuSample);
  const point = useLabStore((s) => s.npuPoint);
  const baselineNets = useWhileVisible(
    useLabStore((s) => s.npuBaselines),
    visible,
  );

  const target = resolveTarget({ target: targetId, customFunction });
  const hasNets = weights !== null || Object.keys(baselineNets).length > 0;
  const dataReady = useTargetData(targetId); // image targets: the photographs arrive in their own chunk
  const testSet = useMemo(() => (hasNets && dataReady ? sampleTargetRows(target, testSize, seed, 'test-data') : null), [hasNets, dataReady, target, testSize, seed]);
  const cpuCost = useMemo(
    () => (cpuInstructions === null ? getConfigCpuPathCost({ target: targetId, customFunction }) : makeCpuPathCost(cpuInstructions, 'user-set instruction count (estimate)')),
    [cpuInstructions, targetId, customFunction],
  );
  const base = useMemo((): { ok: true; decisions: NpuSampleDecisions } | { ok: false; message: string } | null => {
    if (!weights || !testSet) return null;
    try {
      validateAxnetParams(weights);
      if (weights.predictor[0].fanIn !== target.inputDim) throw new Error(`the network takes ${weights.predictor[0].fanIn} inputs, ${target.id} has ${target.inputDim}`);
      return { ok: true, decisions: computeDecisions(weights, testSet.x, target.inputDim, testSize) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [weights, testSet, target, testSize]);

  const sampleIndex = point ? null : Math.min(testSize - 1, Math.max(0, sample));
  const input = useMemo(() => {
    if (!testSet) return [];
    if (point && point.length === target.inputDim) return [...point];
    const k = sampleIndex ?? 0;
    return Array.from(testSet.x.subarray(k * target.inputDim, (k + 1) * target.inputDim));
  }, [testSet, point, sampleIndex, target.inputDim]);

  const derived = useMemo(() => {
    if (!weights || !testSet || !base?.ok || input.length !== target.inputDim) return null;
    try {
      const exactOut = new Float64Array(target.outputDim);
      target.evaluate(input, exactOut);
      const schedule = scheduleInference(weights, input, params, { cpuCost });
      return { schedule, events: listEvents(schedule), timeline: buildTimeline(schedule), exact: Array.from(exactOut) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [weights, testSet, base, input, params, cpuCost, target]);

  const aggregate = useMemo(() => {
    if (!weights || !testSet || !base?.ok) return null;
    return aggregateAxnetCost(weights, testSet.x, params, { cpuCost, predictedSafe: base.decisions.safe });
  }, [weights, testSet, base, params, cpuCost]);

  const baselines = useMemo(() => {
    if (!testSet) return [];
    const out: NpuBaselineAggregate[] = [];
    for (const id of BASELINE_METHODS) {
      const nets = baselineNets[id];
      if (!nets) continue;
      try {
        if (nets.approximator[0]?.fanIn !== target.inputDim) continue;
        // Decisions: the classifier's float64 forward on each test input (z_safe > z_unsafe), as the controller.
        out.push({ id, aggregate: aggregateBaselineCost(nets, testSet.x, params, { cpuCost }) });
      } catch {
        // Nets that do not fit the target are left out of the comparison.
      }
    }
    return out;
  }, [baselineNets, testSet, params, cpuCost, target.inputDim]);

  if (!weights || weightsStep <= 0 || !testSet || !base) return { kind: 'none', baselines, cpuCost };
  if (!base.ok) return { kind: 'error', message: base.message };
  if (!derived || 'error' in derived || !aggregate) return { kind: 'error', message: derived && 'error' in derived ? (derived.error ?? 'unknown error') : 'no input' };
  return {
    kind: 'ready',
    model: {
      target,
      weights,
      weightsStep,
      testX: testSet.x,
      testY: testSet.y,
      testSize,
      decisions: base.decisions,
      sampleIndex,
      input,
      exact: derived.exact,
      cpuCost,
      schedule: derived.schedule,
      events: derived.events,
      timeline: derived.timeline,
      aggregate,
      baselines,
    },
  };
}
