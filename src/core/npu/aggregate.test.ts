import { describe, expect, it } from 'vitest';
import type { AxnetParams, DenseLayerParams } from '../axnetMath';
import { aggregateAxnetCost, aggregateBaselineCost, reweightNpuAggregate } from './aggregate';
import { getCpuPathCost, makeCpuPathCost } from './cpuCost';
import { DEFAULT_NPU_PARAMS } from './params';

function dense(fanIn: number, fanOut: number, kernel: number[], bias: number[]): DenseLayerParams {
  return { fanIn, fanOut, kernel: Float32Array.from(kernel), bias: Float32Array.from(bias) };
}

const NET: AxnetParams = {
  predictor: [dense(2, 2, [1, 0, 0, 1], [0, 0]), dense(2, 4, [1, 0, 0, -1, 0, 1, 0, 1], [0, 0, 0.5, 0])],
  approximator: [dense(2, 2, [1, 1, 1, -1], [0, 0]), dense(2, 1, [2, 5], [1])],
};
const PARAMS = { ...DEFAULT_NPU_PARAMS, busWidthBits: 32, constantOverrides: {} };
const CPU = makeCpuPathCost(100);

describe('aggregateAxnetCost', () => {
  it('averages the two paths by the decisions (hand numbers of schedule.test.ts)', () => {
    // [1, 2] safe (293.15 pJ, 23 cycles), [2, 1] unsafe (7172.4 pJ, 42 cycles)
    const a = aggregateAxnetCost(NET, [1, 2, 2, 1], PARAMS, { cpuCost: CPU });
    expect(a.samples).toBe(2);
    expect(a.invocation).toBe(0.5);
    expect(a.averageEnergyPj).toBeCloseTo((293.15 + 7172.4) / 2, 9);
    expect(a.averageCycles).toBeCloseTo((23 + 42) / 2, 12);
    expect(a.cpuOnly.energyPj).toBeCloseTo(7000, 10);
    expect(a.energyGain).toBeCloseTo(7000 / ((293.15 + 7172.4) / 2), 12);
    // CPU only: 100 cycles at 3.4 GHz; AXNet: 32.5 cycles at 1 GHz
    expect(a.speedup).toBeCloseTo(100 / 3.4e9 / (32.5 / 1e9), 12);
    const sum = Object.values(a.averageComponentsPj).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo(a.averageEnergyPj, 9);
  });

  it('takes decisions from the caller', () => {
    const a = aggregateAxnetCost(NET, [1, 2, 2, 1], PARAMS, { cpuCost: CPU, predictedSafe: [1, 1] });
    expect(a.invocation).toBe(1);
    expect(a.averageEnergyPj).toBeCloseTo(293.15, 9);
    expect(() => aggregateAxnetCost(NET, [1, 2], PARAMS, { cpuCost: CPU, predictedSafe: [1, 0] })).toThrow(/entries/);
  });

  it('returns NaN averages for an empty test set', () => {
    const a = aggregateAxnetCost(NET, [], PARAMS, { cpuCost: CPU });
    expect(a.samples).toBe(0);
    expect(a.averageEnergyPj).toBeNaN();
    expect(a.energyGain).toBeNaN();
  });

  it('gains more with more invocation', () => {
    const low = aggregateAxnetCost(NET, [1, 2, 2, 1], PARAMS, { cpuCost: getCpuPathCost('blackscholes'), predictedSafe: [1, 0] });
    const high = aggregateAxnetCost(NET, [1, 2, 2, 1], PARAMS, { cpuCost: getCpuPathCost('blackscholes'), predictedSafe: [1, 1] });
    expect(high.energyGain).toBeGreaterThan(low.energyGain);
  });
});

describe('aggregateBaselineCost', () => {
  it('computes a gain for classifier + approximator without ⊙c', () => {
    const nets = {
      classifier: [dense(2, 2, [1, 0, 0, 1], [0, 0]), dense(2, 2, [0, -1, 0, 1], [0.5, 0])],
      approximator: [dense(2, 2, [1, 1, 1, -1], [0, 0]), dense(2, 1, [2, 5], [1])],
    };
    const b = aggregateBaselineCost(nets, [1, 2, 2, 1], PARAMS, { cpuCost: CPU });
    expect(b.invocation).toBe(0.5);
    expect(b.approximatorPath.counts.hadamardMultiplies).toBe(0);
    expect(b.energyGain).toBeGreaterThan(0);
  });
});

describe('reweightNpuAggregate', () => {
  it('re-mixes the two scheduled paths at another predicted invocation, e.g. the decisions on approximate hardware', () => {
    const a = aggregateAxnetCost(NET, [1, 2, 2, 1], PARAMS, { cpuCost: CPU });
    const allSafe = reweightNpuAggregate(a, 1, PARAMS, CPU);
    expect(allSafe.averageEnergyPj).toBeCloseTo(a.approximatorPath.energy.totalPj, 9);
    expect(allSafe.invocation).toBe(1);
    const quarter = reweightNpuAggregate(a, 0.25, PARAMS, CPU);
    expect(quarter.invokedCount).toBe(0.5);
    expect(quarter.averageEnergyPj).toBeCloseTo(0.25 * 293.15 + 0.75 * 7172.4, 9);
    expect(reweightNpuAggregate(a, 0.5, PARAMS, CPU)).toEqual(a);
    expect(() => reweightNpuAggregate(a, Number.NaN, PARAMS, CPU)).toThrow(RangeError);
    expect(() => reweightNpuAggregate(a, 1.5, PARAMS, CPU)).toThrow(RangeError);
  });
});
