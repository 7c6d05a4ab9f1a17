/**
 * inversek2j (AxBench): inverse kinematics of a planar 2-link arm, both links 0.5 long
 * (arbitrary length units). Input: end-effector (x, y); output joint angles (θ1, θ2) in radians:
 *   θ2 = acos((x² + y² − l1² − l2²) / (2 l1 l2)) = acos((x² + y² − 0.5) / 0.5),
 *   θ1 = atan2(y, x) − atan2(l2 sin θ2, l1 + l2 cos θ2).
 */
import type { Rng } from '../rng';
import { clampValue } from './sampling';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_ITERATIVE } from './topologies';
import type { TargetSpec } from './types';

/** Link lengths l1 = l2 (length units). */
const LINK_LENGTH = 0.5;

export function computeInverseKinematics(x: number, y: number, output: Float64Array): void {
  const l1 = LINK_LENGTH,
    l2 = LINK_LENGTH;
  // Clamp the cosine into [−1, 1] so that points just outside the reach do not give NaN.
  const cosTheta2 = clampValue((x * x + y * y - l1 * l1 - l2 * l2) / (2 * l1 * l2), -1, 1);
  const theta2 = Math.acos(cosTheta2);
  output[0] = Math.atan2(y, x) - Math.atan2(l2 * Math.sin(theta2), l1 + l2 * Math.cos(theta2));
  output[1] = theta2;
}

export const INVERSEK2J: TargetSpec = {
  id: 'inversek2j',
  title: 'Inverse kinematics (2 joints)',
  description: 'Planar 2-link arm, both links 0.5 (AxBench inversek2j): end-effector (x, y) → joint angles (θ1, θ2) in radians.',
  inputDim: 2,
  outputDim: 2,
  inputNames: ['x', 'y'],
  outputNames: ['θ1 (rad)', 'θ2 (rad)'],
  errorMetric: 'relative',
  boundPresets: [
    { value: 0.1, source: 'AXNet authors’ code' },
    { value: 0.01, source: 'NAS paper Table 2, group 1' },
    { value: 0.05, source: 'NAS paper Table 2, group 2' },
  ],
  topologies: [
    makeAxnetPreset([2, 5, 2], [3], 'AXNet authors’ notebook (A 2-5-2, C 2-3-7)'),
    makeAxnetPreset([2, 8, 2], [8], 'AxBench NN topology 2-8-2 (reference table) with an AXNet predictor 2-8-10'),
    makeBaselinePreset([2, 8, 2], [8], SOURCE_ITERATIVE),
  ],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    computeInverseKinematics(input[0], input[1], output);
  },
  sampleInput(rng: Rng, output: Float64Array): void {
    // AxBench draws the joint angles uniformly in [0, π/2] and runs forward kinematics.
    const theta1 = rng.uniform(0, Math.PI / 2);
    const theta2 = rng.uniform(0, Math.PI / 2);
    output[0] = LINK_LENGTH * Math.cos(theta1) + LINK_LENGTH * Math.cos(theta1 + theta2);
    output[1] = LINK_LENGTH * Math.sin(theta1) + LINK_LENGTH * Math.sin(theta1 + theta2);
  },
  datasetSizes: {
    train: 70000,
    test: 30000,
    source: 'AXNet/iterative authors’ inversek2j train.x and aggregated_test.fann (ACA-Lab-SJTU/approximate-computing): ≈ 70 000 / 30 000 rows, estimated from the file sizes',
  },
  inputRanges: [
    [-0.5, 1],
    [0, 1],
  ],
};
