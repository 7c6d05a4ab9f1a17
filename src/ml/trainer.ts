/**
 * The evaluation schedule shared by every driver of a trainer (worker, CLI, study, sweep), and the grid
 * of the surface views. The trainers themselves are programs of the one engine (src/ml/group/engine.ts,
 * built by src/ml/methods).
 */
import type { LabConfig } from '../core/config';
import type { TargetSpec } from '../core/targets/types';
import type { LabTrainer } from './types';

/** Where a schedule reads its length: a config (steps), or a trainer (totalSteps, e.g. a MethodTrainer). */
export type EvaluationSchedule = Pick<LabConfig, 'steps' | 'evalEvery'> | { readonly totalSteps: number; readonly config: Pick<LabConfig, 'evalEvery'> };

/** Last step of a schedule: trainer.totalSteps when given (method budgets, src/ml/methods/budget.ts), else config.steps. */
export function getScheduleLength(schedule: EvaluationSchedule | LabTrainer): number {
  if ('totalSteps' in schedule && typeof schedule.totalSteps === 'number') return schedule.totalSteps;
  if ('config' in schedule) return (schedule.config as Pick<LabConfig, 'steps'>).steps;
  return (schedule as Pick<LabConfig, 'steps'>).steps;
}

/**
 * The next step at which the §V metrics are evaluated: the next multiple of evalEvery, or the last step.
 * Pass a config (AXNet: its steps) or a trainer (its totalSteps when it has one, so that a baseline's
 * longer budget is scheduled the same way).
 */
export function nextEvaluationStep(step: number, schedule: EvaluationSchedule | LabTrainer): number {
  const evalEvery = 'config' in schedule ? schedule.config.evalEvery : (schedule as Pick<LabConfig, 'evalEvery'>).evalEvery;
  return Math.min(getScheduleLength(schedule), (Math.floor(step / evalEvery) + 1) * evalEvery);
}

/** Output k of rows laid out [count × outputDim], as [count] (the array itself when outputDim = 1). */
export function pickSurfaceOutput(values: Float32Array, outputDim: number, k: number): Float32Array {
  return outputDim === 1 ? values : Float32Array.from({ length: values.length / outputDim }, (_, s) => values[s * outputDim + k]);
}

/**
 * Samples of the grid of a 2-D target and the exact outputs there: index = row·res + col;
 * col ↔ input 0 (x axis), row ↔ input 1. exact: [res² × outputDim].
 */
export function buildSurfaceGrid(target: TargetSpec, resolution: number): { inputs: Float32Array; exact: Float32Array; ranges: [[number, number], [number, number]] } {
  const [r0, r1] = target.inputRanges;
  const ranges: [[number, number], [number, number]] = [
    [r0[0], r0[1]],
    [r1[0], r1[1]],
  ];
  const inputs = new Float32Array(resolution * resolution * 2);
  const at = (range: [number, number], k: number) => (resolution === 1 ? (range[0] + range[1]) / 2 : range[0] + ((range[1] - range[0]) * k) / (resolution - 1));
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const index = row * resolution + col;
      inputs[2 * index] = at(ranges[0], col);
      inputs[2 * index + 1] = at(ranges[1], row);
    }
  }
  const count = resolution * resolution;
  const exact = new Float32Array(count * target.outputDim);
  const outputRow = new Float64Array(target.outputDim);
  for (let s = 0; s < count; s++) {
    target.evaluate(inputs.subarray(2 * s, 2 * s + 2), outputRow);
    exact.set(outputRow, s * target.outputDim);
  }
  return { inputs, exact, ranges };
}
