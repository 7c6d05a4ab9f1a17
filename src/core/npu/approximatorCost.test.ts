import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { NasConfig } from '../nas/types';
import { aggregateApproximatorCost, computeCpuOnlyCost } from './aggregate';
import { nasHardwareCost } from './approximatorCost';
import { NPU_CONSTANTS, resolveNpuConstant } from './constants';
import { getCpuPathCost, makeCpuPathCost } from './cpuCost';
import { resolveEnergyRates } from './energy';
import { DEFAULT_NPU_PARAMS, NPU_PARAM_PRESETS, clampNpuParams, countPes, findNpuPreset, getNpuPreset, type NpuParams } from './params';
import { applyNpuActivation, scheduleApproximatorOnly, scheduleInference, type NpuHiddenActivation, type NpuInferenceSchedule } from './schedule';

const CPU = getCpuPathCost('blackscholes');
const EYERISS = NPU_PARAM_PRESETS.eyeriss.params;

function randomLayers(widths: readonly number[], seed: number) {
  const rng = createRng(seed, 'misc');
  return widths.slice(1).map((fanOut, k) => {
    const fanIn = widths[k];
    return {
      fanIn,
      fanOut,
      kernel: Float64Array.from({ length: fanIn * fanOut }, () => rng.normal()),
      bias: Float64Array.from({ length: fanOut }, () => rng.normal()),
    };
  });
}

/** Σ counts × rates, written out from the counts (not through computeEnergyComponents). */
function sumCountsTimesRates(schedule: NpuInferenceSchedule, params: NpuParams): number {
  const c = schedule.counts;
  const r = resolveEnergyRates(params);
  return (
    c.macs * r.mac.pjPerUnit +
    c.activations * r.activation.pjPerUnit +
    c.activationLutReads * r.activationLut.pjPerUnit +
    c.hadamardMultiplies * r.hadamard.pjPerUnit +
    (c.weightBufferReads + c.weightBufferWrites) * r.weightBuffer.pjPerUnit +
    (c.inputBufferReads + c.inputBufferWrites + c.outputBufferReads + c.outputBufferWrites) * r.ioBuffers.pjPerUnit +
    (c.onChipReads + c.onChipWrites) * r.onChipMemory.pjPerUnit +
    c.busWords * r.bus.pjPerUnit +
    c.dramReads * r.dram.pjPerUnit +
    c.controllerDecisions * r.controller.pjPerUnit +
    c.cpuInstructions * r.cpu.pjPerUnit
  );
}

const SHAPES: { widths: number[]; activations: NpuHiddenActivation[] }[] = [
  { widths: [6, 1], activations: [] },
  { widths: [6, 8, 1], activations: ['relu'] },
  { widths: [6, 37, 1], activations: ['sigmoid'] },
  { widths: [2, 128, 128, 2], activations: ['tanh', 'relu'] },
  { widths: [18, 64, 9, 2], activations: ['sigmoid', 'tanh'] },
  { widths: [64, 128, 128, 64], activations: ['relu', 'sigmoid'] }, // too big for the PE weight buffers: layer by layer
];

describe('scheduleApproximatorOnly (a lone approximator, DATE’20 candidates)', () => {
  it('has no predictor, controller or CPU path: stages 1–3 take 0 cycles, every input is approximated', () => {
    const layers = randomLayers([6, 16, 1], 1);
    const r = scheduleApproximatorOnly(layers, ['tanh'], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], DEFAULT_NPU_PARAMS);
    expect(r.kind).toBe('approximator');
    expect(r.invoked).toBe('approximator');
    expect(r.stages.slice(0, 3).map((s) => s.cycles)).toEqual([0, 0, 0]);
    expect(r.stages.slice(0, 3).every((s) => s.events.length === 0)).toBe(true);
    expect(r.cpu).toBeNull();
    expect(r.counts.controllerDecisions).toBe(0);
    expect(r.counts.cpuInstructions).toBe(0);
    expect(r.cycles.total).toBe(r.stages[3].cycles + r.stages[4].cycles);
    expect(r.layers.map((l) => l.activation)).toEqual(['tanh', 'linear']);
  });

  it('computes f(x·W + b) with each hidden layer’s activation and a linear output, in float64', () => {
    const layers = randomLayers([3, 5, 4, 2], 2);
    const x = [0.3, -0.7, 1.1];
    const activations: NpuHiddenActivation[] = ['sigmoid', 'tanh'];
    const r = scheduleApproximatorOnly(layers, activations, x, DEFAULT_NPU_PARAMS);
    let a = Float64Array.from(x);
    layers.forEach((l, k) => {
      const out = new Float64Array(l.fanOut);
      for (let j = 0; j < l.fanOut; j++) {
        let z = l.bias[j];
        for (let i = 0; i < l.fanIn; i++) z += a[i] * l.kernel[i * l.fanOut + j];
        out[j] = k < activations.length ? (activations[k] === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : Math.tanh(z)) : z;
      }
      a = out;
    });
    expect(r.forward.approximatorOutput).not.toBeNull();
    for (let j = 0; j < 2; j++) expect(r.forward.approximatorOutput![j]).toBeCloseTo(a[j], 12);
    expect(applyNpuActivation('relu', -2)).toBe(0);
    expect(applyNpuActivation('linear', -2)).toBe(-2);
  });

  it('rejects a wrong number of activations and a broken chain', () => {
    expect(() => scheduleApproximatorOnly(randomLayers([2, 3, 1], 3), [], [0, 0], DEFAULT_NPU_PARAMS)).toThrow(/activations/);
    const broken = [...randomLayers([2, 3, 1], 3), ...randomLayers([2, 1], 4)];
    expect(() => scheduleApproximatorOnly(broken, ['relu', 'relu'], [0, 0], DEFAULT_NPU_PARAMS)).toThrow(/fanIn mismatch/);
  });

  for (const params of [DEFAULT_NPU_PARAMS, EYERISS]) {
    const name = findNpuPreset(params);
    it(`${name}: MACs = Σ fanIn·fanOut and energy = Σ counts × rates`, () => {
      for (const { widths, activations } of SHAPES) {
        const cost = aggregateApproximatorCost(widths, activations, params, { cpuCost: CPU });
        const macs = widths.slice(1).reduce((s, fanOut, k) => s + widths[k] * fanOut, 0);
        expect(cost.macs).toBe(macs);
        expect(cost.schedule.counts.macs).toBe(macs);
        expect(cost.energyPj).toBeCloseTo(sumCountsTimesRates(cost.schedule, params), 6);
        expect(cost.schedule.counts.activationLutReads).toBe(activations.reduce((s, a, k) => s + (a === 'relu' ? 0 : widths[k + 1]), 0));
      }
    });
  }

  it('makes a sigmoid or tanh layer cost exactly the lookup term more than a ReLU layer', () => {
    for (const params of [DEFAULT_NPU_PARAMS, EYERISS]) {
      const lutPj = resolveEnergyRates(params).activationLut.pjPerUnit;
      const lutCycles = resolveNpuConstant('activationLutCycles').value;
      for (const widths of [
        [6, 20, 1],
        [6, 9, 40, 1],
        [2, 128, 128, 2],
      ]) {
        const hidden = widths.length - 2;
        const relu = aggregateApproximatorCost(widths, Array(hidden).fill('relu'), params, { cpuCost: CPU });
        for (const kind of ['sigmoid', 'tanh'] as const) {
          for (let layer = 0; layer < hidden; layer++) {
            const activations: NpuHiddenActivation[] = Array(hidden).fill('relu');
            activations[layer] = kind;
            const other = aggregateApproximatorCost(widths, activations, params, { cpuCost: CPU });
            const width = widths[layer + 1];
            const waves = Math.ceil(width / countPes(params));
            expect(other.energyPj - relu.energyPj).toBeCloseTo(width * lutPj, 9);
            expect(other.cycles - relu.cycles).toBe(waves * lutCycles);
            expect(other.macs).toBe(relu.macs);
          }
        }
      }
      expect(lutPj).toBeGreaterThan(0);
    }
  });

  it('prices the lookup as one read of the MICRO’12 sigmoid table (its SRAM row × wordBits/64)', () => {
    const rate = resolveEnergyRates(DEFAULT_NPU_PARAMS).activationLut;
    // 2048 entries × 16 bit = 4 KB → the 8 KB row, 10 pJ / 64 bit.
    expect(rate.pjPerUnit).toBeCloseTo(NPU_CONSTANTS.sramRead8KB.value * (16 / 64), 12);
    expect(rate.sources.map((s) => s.id)).toEqual(['activationLutCycles', 'micro2012SigmoidTableEntries', 'sramRead8KB']);
    expect(NPU_CONSTANTS.activationLutCycles.status).toBe('estimate');
  });

  it('leaves AXNet’s schedule without lookups (ReLU is free)', () => {
    const weights = { approximator: randomLayers([2, 4, 1], 5), predictor: randomLayers([2, 4, 6], 6) };
    const r = scheduleInference(weights, [0.2, 0.4], DEFAULT_NPU_PARAMS, { cpuCost: CPU, decision: 'safe' });
    expect(r.counts.activationLutReads).toBe(0);
    expect(r.energy.components.find((c) => c.id === 'activationLut')!.pj).toBe(0);
    expect(r.layers.every((l) => l.activation === (l.relu ? 'relu' : 'linear'))).toBe(true);
  });

  it('is monotone in the widths: energy grows and cycles never shrink with any hidden width', () => {
    for (const params of [DEFAULT_NPU_PARAMS, EYERISS]) {
      for (const activation of ['relu', 'sigmoid'] as const) {
        let previous = aggregateApproximatorCost([6, 1, 1], [activation], params, { cpuCost: CPU });
        for (let w = 2; w <= 128; w++) {
          const next = aggregateApproximatorCost([6, w, 1], [activation], params, { cpuCost: CPU });
          expect(next.energyPj).toBeGreaterThan(previous.energyPj);
          expect(next.cycles).toBeGreaterThanOrEqual(previous.cycles);
          previous = next;
        }
        for (const layer of [0, 1]) {
          let before = aggregateApproximatorCost([6, 16, 16, 1], [activation, 'tanh'], params, { cpuCost: CPU });
          for (let w = 17; w <= 128; w += 7) {
            const widths = [6, 16, 16, 1];
            widths[layer + 1] = w;
            const next = aggregateApproximatorCost(widths, [activation, 'tanh'], params, { cpuCost: CPU });
            expect(next.energyPj).toBeGreaterThan(before.energyPj);
            expect(next.cycles).toBeGreaterThanOrEqual(before.cycles);
            before = next;
          }
        }
      }
    }
  });
});

describe('aggregateApproximatorCost and nasHardwareCost', () => {
  it('gives energy reduction E_CPU / E_NPU and speedup t_CPU / t_NPU against the CPU path', () => {
    const cost = aggregateApproximatorCost([6, 8, 1], ['sigmoid'], DEFAULT_NPU_PARAMS, { cpuCost: CPU });
    const cpu = computeCpuOnlyCost(DEFAULT_NPU_PARAMS, CPU);
    expect(cpu.energyPj).toBe(CPU.instructions * NPU_CONSTANTS.cpuEnergyPerInstruction.value);
    expect(cpu.seconds).toBeCloseTo((CPU.instructions * NPU_CONSTANTS.cpuCyclesPerInstruction.value) / DEFAULT_NPU_PARAMS.cpuClockHz, 18);
    expect(cost.energyReduction).toBeCloseTo(cpu.energyPj / cost.energyPj, 12);
    expect(cost.speedup).toBeCloseTo(cpu.seconds / (cost.cycles / DEFAULT_NPU_PARAMS.clockHz), 12);
    // A tenfold CPU path: tenfold reductions.
    const heavy = aggregateApproximatorCost([6, 8, 1], ['sigmoid'], DEFAULT_NPU_PARAMS, { cpuCost: makeCpuPathCost(CPU.instructions * 10) });
    expect(heavy.energyReduction).toBeCloseTo(cost.energyReduction * 10, 9);
    expect(heavy.speedup).toBeCloseTo(cost.speedup * 10, 9);
  });

  it('needs only the shapes: random weights and inputs give the same cycles, counts and energy', () => {
    for (const { widths, activations } of SHAPES) {
      const config: NasConfig = { layers: activations.map((activation, k) => ({ width: widths[k + 1], activation })) };
      const analytic = nasHardwareCost(widths[0], widths[widths.length - 1], config, EYERISS, CPU);
      for (const seed of [1, 2]) {
        const rng = createRng(seed, 'test-data');
        const x = Array.from({ length: widths[0] }, () => rng.normal());
        const r = scheduleApproximatorOnly(randomLayers(widths, seed), activations, x, EYERISS);
        expect(r.cycles.total).toBe(analytic.cycles);
        expect(r.energy.totalPj).toBe(analytic.energyPj);
        expect(r.counts.macs).toBe(analytic.macs);
      }
      const again = aggregateApproximatorCost(widths, activations, EYERISS, { cpuCost: CPU });
      expect(analytic).toEqual({ speedup: again.speedup, energyReduction: again.energyReduction, cycles: again.cycles, energyPj: again.energyPj, macs: again.macs });
    }
  });

  it('rejects widths that are not positive integers', () => {
    expect(() => aggregateApproximatorCost([6], [], DEFAULT_NPU_PARAMS, { cpuCost: CPU })).toThrow(/input and an output/);
    expect(() => aggregateApproximatorCost([6, 0, 1], ['relu'], DEFAULT_NPU_PARAMS, { cpuCost: CPU })).toThrow(/positive integers/);
    expect(() => aggregateApproximatorCost([6, Number.NaN, 1], ['relu'], DEFAULT_NPU_PARAMS, { cpuCost: CPU })).toThrow(/positive integers/);
  });
});

describe('NPU presets', () => {
  it('has an Eyeriss-like preset: 16-bit fixed point, 1 GHz, 168 PEs, priced by the Eyeriss constants', () => {
    const p = getNpuPreset('eyeriss').params;
    expect(p.wordBits).toBe(16);
    expect(p.numberFormat).toBe('fixed');
    expect(p.clockHz).toBe(1e9);
    expect(countPes(p)).toBe(168);
    const rates = resolveEnergyRates(p);
    expect(rates.mac.sources.map((s) => s.id)).toEqual(['eyerissMac']);
    expect(rates.weightBuffer.sources.map((s) => s.id)).toEqual(['eyerissRegisterFile']);
    expect(rates.bus.sources.map((s) => s.id)).toEqual(['eyerissArrayHop']);
    // Every field inside the link's limits, and every changed field has a source.
    expect(clampNpuParams(p)).toEqual({ ...p, constantOverrides: {} });
    for (const key of Object.keys(p) as (keyof NpuParams)[]) {
      if (key !== 'constantOverrides' && p[key] !== DEFAULT_NPU_PARAMS[key]) expect(NPU_PARAM_PRESETS.eyeriss.sources[key]).toBeTruthy();
    }
  });

  it('finds a preset from its params, and none for edited ones; throws on an unknown id', () => {
    expect(findNpuPreset(DEFAULT_NPU_PARAMS)).toBe('micro2012');
    expect(findNpuPreset(clampNpuParams(EYERISS))).toBe('eyeriss');
    expect(findNpuPreset({ ...EYERISS, tiles: 3 })).toBeNull();
    expect(findNpuPreset({ ...EYERISS, constantOverrides: { eyerissMac: 3 } })).toBeNull();
    expect(() => getNpuPreset('tpu')).toThrow('Unsupported NPU preset: tpu');
  });

  it('runs the same candidate faster on the 168-PE preset than on the 8-PE default', () => {
    const config: NasConfig = { layers: [{ width: 64, activation: 'relu' }] };
    const micro = nasHardwareCost(6, 1, config, DEFAULT_NPU_PARAMS, CPU);
    const eyeriss = nasHardwareCost(6, 1, config, EYERISS, CPU);
    expect(eyeriss.cycles).toBeLessThan(micro.cycles);
    expect(eyeriss.macs).toBe(micro.macs);
  });
});
