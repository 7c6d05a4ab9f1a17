import { describe, expect, it } from 'vitest';
import { computeAxnetForward, type AxnetParams, type DenseLayerParams } from '../axnetMath';
import { makeCpuPathCost } from './cpuCost';
import { DEFAULT_NPU_PARAMS, type NpuParams } from './params';
import { scheduleBaselineInference, scheduleInference, type NpuEvent } from './schedule';

function dense(fanIn: number, fanOut: number, kernel: number[], bias: number[]): DenseLayerParams {
  return { fanIn, fanOut, kernel: Float32Array.from(kernel), bias: Float32Array.from(bias) };
}

/**
 * Hand-set AXNet: approximator 2-2-1, predictor 2-2-4 (c(1) 2 wide + [z_unsafe, z_safe]).
 * Predictor: h = ReLU(x·I); out = [h0, h1, 0.5, −h0 + h1] → c = h, z_unsafe = 0.5, z_safe = h1 − h0.
 * Approximator: a = ReLU([x0 + x1, x0 − x1]) ⊙ c; y = 2·a0 + 5·a1 + 1.
 * x = [1, 2]: c = [1, 2], z = [0.5, 1] → safe; a = [3, 0] ⊙ [1, 2] = [3, 0]; y = 7.
 * x = [2, 1]: c = [2, 1], z = [0.5, −1] → unsafe.
 */
const NET: AxnetParams = {
  predictor: [dense(2, 2, [1, 0, 0, 1], [0, 0]), dense(2, 4, [1, 0, 0, -1, 0, 1, 0, 1], [0, 0, 0.5, 0])],
  approximator: [dense(2, 2, [1, 1, 1, -1], [0, 0]), dense(2, 1, [2, 5], [1])],
};

/** 1 tile × 8 PEs, 16-bit fixed point, 32-bit bus, 32 KB on-chip memory (5 pJ per 16-bit word). */
const PARAMS: NpuParams = {
  ...DEFAULT_NPU_PARAMS,
  tiles: 1,
  pesPerTile: 8,
  wordBits: 16,
  numberFormat: 'fixed',
  busWidthBits: 32,
  onChipMemoryWords: 16384,
  peWeightBufferWords: 512,
  constantOverrides: {},
};
const CPU = makeCpuPathCost(100);

function energyOf(result: ReturnType<typeof scheduleInference>, id: string): number {
  return result.energy.components.find((c) => c.id === id)!.pj;
}

describe('scheduleInference: hand-worked 2-2-1 / 2-2-4 AXNet', () => {
  it('computes the forward pass, P(x) and c in float64', () => {
    const r = scheduleInference(NET, [1, 2], PARAMS, { cpuCost: CPU });
    expect(Array.from(r.forward.controls[0])).toEqual([1, 2]);
    expect(r.forward.logits).toEqual([0.5, 1]);
    expect(r.forward.predictedSafe).toBe(true);
    expect(r.forward.safeProbability).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 12);
    expect(Array.from(r.forward.approximatorOutput!)).toEqual([7]);
    expect(r.invoked).toBe('approximator');
    const reference = computeAxnetForward(NET, [1, 2]);
    expect(Array.from(r.forward.approximatorOutput!)).toEqual(Array.from(reference.output));
  });

  it('matches the hand count of cycles per stage (safe input)', () => {
    // Bus: ceil(words · 16 / 32) cycles. Neuron: fanIn MACs + 1 activate (+1 ⊙c).
    // Stage 1: x (2 words) 1 + P layer 0 (2+1) 3 + out→in buffer (2 words) 1 + P layer 1 (2+1) 3 = 8
    // Stage 2: [c, z] 4 words → on-chip: 2
    // Stage 3: controller reads 2 words 1 + decide 1 = 2
    // Stage 4: x 1 + c 1 + A layer 0 (2+1+1) 4 + out→in 1 + A layer 1 (2+1) 3 = 10
    // Stage 5: y 1 word → 1
    const r = scheduleInference(NET, [1, 2], PARAMS, { cpuCost: CPU });
    expect(r.stages.map((s) => s.cycles)).toEqual([8, 2, 2, 10, 1]);
    expect(r.stages.map((s) => s.startCycle)).toEqual([0, 8, 10, 12, 22]);
    expect(r.cycles).toEqual({ npu: 23, cpu: 0, total: 23 });
    expect(r.layerByLayer).toBe(false);
    expect(r.cpu).toBeNull();
  });

  it('matches the hand count of accesses and energy per component (safe input)', () => {
    const r = scheduleInference(NET, [1, 2], PARAMS, { cpuCost: CPU });
    // MACs: 2·2 + 2·4 + 2·2 + 2·1 = 18; activate steps: 2 + 4 + 2 + 1 = 9; ⊙c: 2
    // weight-buffer reads (fanIn + 1 per neuron): 6 + 12 + 6 + 3 = 27
    // input buffer: writes x 2, act 2, x 2, c 2, act 2 = 10; reads 2 + 2 + (2 + 2 c_j) + 2 = 10
    // output buffer: writes 2 + 4 + 2 + 1 = 9; reads 2 + 4 + 2 + 1 = 9
    // on-chip: reads x 2 + logits 2 + x 2 + c 2 = 8; writes [c, z] 4 + y 1 = 5
    // bus words: 2 + 2 + 4 + 2 + 2 + 2 + 2 + 1 = 17; bus cycles 1+1+2+1+1+1+1+1 = 9
    expect(r.counts).toMatchObject({
      macs: 18,
      activations: 9,
      hadamardMultiplies: 2,
      weightBufferReads: 27,
      weightBufferWrites: 0,
      inputBufferWrites: 10,
      inputBufferReads: 10,
      outputBufferWrites: 9,
      outputBufferReads: 9,
      onChipReads: 8,
      onChipWrites: 5,
      dramReads: 0,
      busWords: 17,
      busCycles: 9,
      controllerDecisions: 1,
      cpuInstructions: 0,
      busyPeCycles: 29, // 2·3 + 4·3 + 2·4 + 1·3
    });
    // pJ: MAC 18 × 2 (Eyeriss) = 36; activate 9 × 0.05 = 0.45; ⊙c 2 × 0.8 = 1.6; weight buffer 27 × 1 = 27;
    // I/O buffers 38 × (10 · 16/64 = 2.5) = 95; on-chip 13 × (20 · 16/64 = 5) = 65; bus 17 × 4 = 68;
    // controller 0.1; total 293.15
    const expected: Record<string, number> = {
      mac: 36,
      activation: 0.45,
      hadamard: 1.6,
      weightBuffer: 27,
      ioBuffers: 95,
      onChipMemory: 65,
      bus: 68,
      dram: 0,
      controller: 0.1,
      cpu: 0,
    };
    for (const [id, pj] of Object.entries(expected)) expect(energyOf(r, id)).toBeCloseTo(pj, 10);
    expect(r.energy.totalPj).toBeCloseTo(293.15, 10);
    expect(r.utilization).toBeCloseTo(29 / (8 * 23), 12);
    expect(r.pjPerMac).toBeCloseTo(293.15 / 18, 10);
    expect(r.summary).toBe('23 cycles · 16.29 pJ/MAC · 15.8% util · 293.2 pJ/inference');
  });

  it('emits per-neuron events with PE, wave and values for the animation', () => {
    const r = scheduleInference(NET, [1, 2], PARAMS, { cpuCost: CPU });
    const neurons = r.stages[3].events.filter((e): e is Extract<NpuEvent, { type: 'neuron' }> => e.type === 'neuron');
    expect(neurons.map((n) => [n.layer, n.neuron, n.pe, n.wave, n.preActivation, n.activation, n.control, n.value])).toEqual([
      [0, 0, 0, 0, 3, 3, 1, 3],
      [0, 1, 1, 0, -1, 0, 2, 0],
      [1, 0, 0, 0, 7, 7, null, 7],
    ]);
    const transfers = r.stages[0].events.filter((e) => e.type === 'transfer');
    expect(transfers.map((t) => (t.type === 'transfer' ? [t.from, t.to, t.words, t.cycles] : null))).toEqual([
      ['onChipMemory', 'inputBuffer', 2, 1],
      ['outputBuffer', 'inputBuffer', 2, 1],
    ]);
    for (const stage of r.stages)
      for (const e of stage.events) {
        expect(e.startCycle).toBeGreaterThanOrEqual(stage.startCycle);
        expect(e.startCycle + e.cycles).toBeLessThanOrEqual(stage.startCycle + stage.cycles);
      }
  });

  it('puts the ⊙c multiply before the bias and activate when eq. 4 is taken as printed (same cycles and counts)', () => {
    // Approximator biases [0, 1.5]; x = [1, 2]: Σ x·w = [3, −1], c = [1, 2].
    // After activate (§IV PE): ReLU([3, 0.5]) × c = [3, 1] → y = 2·3 + 5·1 + 1 = 12.
    // Inside (eq. 4 as printed): ReLU([3·1 + 0, −1·2 + 1.5]) = [3, 0] → y = 2·3 + 1 = 7.
    const biased: AxnetParams = { ...NET, approximator: [dense(2, 2, [1, 1, 1, -1], [0, 1.5]), NET.approximator[1]] };
    const after = scheduleInference(biased, [1, 2], PARAMS, { cpuCost: CPU });
    const inside = scheduleInference({ ...biased, controlPlacement: 'insideActivation' }, [1, 2], PARAMS, { cpuCost: CPU });
    expect(Array.from(after.forward.approximatorOutput!)).toEqual([12]);
    expect(Array.from(inside.forward.approximatorOutput!)).toEqual([7]);
    expect(Array.from(inside.forward.approximatorOutput!)).toEqual(Array.from(computeAxnetForward({ ...biased, controlPlacement: 'insideActivation' }, [1, 2]).output));
    const neurons = (r: typeof inside) => r.stages[3].events.filter((e): e is Extract<NpuEvent, { type: 'neuron' }> => e.type === 'neuron');
    expect(neurons(inside).map((n) => [n.layer, n.neuron, n.dot, n.preActivation, n.activation, n.control, n.value])).toEqual([
      [0, 0, 3, 3, 3, 1, 3],
      [0, 1, -1, -0.5, 0, 2, 0],
      [1, 0, 6, 7, 7, null, 7],
    ]);
    expect(neurons(after).map((n) => [n.dot, n.preActivation, n.activation, n.value])).toEqual([
      [3, 3, 3, 3],
      [-1, 0.5, 0.5, 1],
      [11, 12, 12, 12],
    ]);
    expect(inside.cycles).toEqual(after.cycles);
    expect(inside.counts).toEqual(after.counts);
    expect(after.stages[3].name).toBe('approximator forward (⊙c after activate)');
    expect(inside.stages[3].name).toBe('approximator forward (⊙c before bias and activate)');
  });

  it('runs the CPU path and no approximator for an unsafe input', () => {
    const r = scheduleInference(NET, [2, 1], PARAMS, { cpuCost: CPU });
    expect(r.forward.logits).toEqual([0.5, -1]);
    expect(r.forward.predictedSafe).toBe(false);
    expect(r.invoked).toBe('cpu');
    expect(r.forward.approximatorOutput).toBeNull();
    expect(r.stages[3].cycles).toBe(0);
    expect(r.stages[3].events).toEqual([]);
    expect(r.stages[4].cycles).toBe(0);
    expect(r.counts.hadamardMultiplies).toBe(0);
    // stages 1–3 as before: 8 + 2 + 2 = 12; CPU: 100 instr × CPI 1 = 100 cycles at 3.4 GHz = ceil(100/3.4) = 30 NPU cycles
    expect(r.stages.map((s) => s.cycles)).toEqual([8, 2, 2, 0, 0]);
    expect(r.cpu).toMatchObject({ startCycle: 12, cycles: 30, cpuCycles: 100, instructions: 100 });
    expect(r.cycles).toEqual({ npu: 12, cpu: 30, total: 42 });
    // pJ: MAC 12 × 2 = 24; activate 6 × 0.05 = 0.3; weight buffer 18; I/O (4+4+6+6) × 2.5 = 50;
    // on-chip (4 + 4) × 5 = 40; bus 10 × 4 = 40; controller 0.1; CPU 100 × 70 = 7000; total 7172.4
    expect(energyOf(r, 'mac')).toBeCloseTo(24, 10);
    expect(energyOf(r, 'hadamard')).toBe(0);
    expect(energyOf(r, 'ioBuffers')).toBeCloseTo(50, 10);
    expect(energyOf(r, 'onChipMemory')).toBeCloseTo(40, 10);
    expect(energyOf(r, 'bus')).toBeCloseTo(40, 10);
    expect(energyOf(r, 'cpu')).toBeCloseTo(7000, 10);
    expect(r.energy.totalPj).toBeCloseTo(7172.4, 9);
    expect(r.utilization).toBeCloseTo(18 / (8 * 12), 12);
  });

  it('lets a forced decision override the predictor', () => {
    const r = scheduleInference(NET, [2, 1], PARAMS, { cpuCost: CPU, decision: 'safe' });
    expect(r.forward.predictedSafe).toBe(false);
    expect(r.invoked).toBe('approximator');
    expect(r.cycles.total).toBe(23);
  });

  it('switches to layer-by-layer scheduling when the weights exceed the PE buffers', () => {
    // Per-PE share with 8 PEs: Σ ceil(width/8)·(fanIn+1) = 3 + 3 + 3 + 3 = 12 words.
    expect(scheduleInference(NET, [1, 2], { ...PARAMS, peWeightBufferWords: 12 }, { cpuCost: CPU }).layerByLayer).toBe(false);
    const r = scheduleInference(NET, [1, 2], { ...PARAMS, peWeightBufferWords: 4 }, { cpuCost: CPU });
    expect(r.layerByLayer).toBe(true);
    expect(r.peWeightWords).toBe(12);
    // Weights reloaded per layer: 6 + 12 + 6 + 3 = 27 words from on-chip memory.
    expect(r.counts.weightBufferWrites).toBe(27);
    // Stage 1: x 1 + weights 6 words 3 + layer 3 + weights 12 words 6 + act → on-chip 1 + on-chip → in 1 + layer 3 = 18
    expect(r.stages[0].cycles).toBe(18);
    const weightLoads = r.stages[0].events.filter((e) => e.type === 'transfer' && e.payload === 'weights');
    expect(weightLoads).toHaveLength(2);
    expect(r.weightsFromDram).toBe(false);
    // Same numbers out.
    expect(Array.from(r.forward.approximatorOutput!)).toEqual([7]);
    // Weights beyond the on-chip memory come from DRAM.
    const d = scheduleInference(NET, [1, 2], { ...PARAMS, peWeightBufferWords: 4, onChipMemoryWords: 16 }, { cpuCost: CPU });
    expect(d.weightsFromDram).toBe(true);
    expect(d.counts.dramReads).toBe(27);
  });

  it('runs waves when a layer is wider than the PE count', () => {
    const r = scheduleInference(NET, [1, 2], { ...PARAMS, pesPerTile: 1 }, { cpuCost: CPU });
    // Predictor layer 1 has 4 neurons on 1 PE: 4 waves × 3 cycles.
    const plan = r.layers.find((l) => l.net === 'predictor' && l.layer === 1)!;
    expect(plan.waves).toBe(4);
    expect(r.utilization).toBeGreaterThan(0);
    expect(r.utilization).toBeLessThanOrEqual(1);
  });

  it('flows edited constants into the totals', () => {
    const base = scheduleInference(NET, [1, 2], PARAMS, { cpuCost: CPU });
    const edited = scheduleInference(NET, [1, 2], { ...PARAMS, constantOverrides: { eyerissMac: 4 } }, { cpuCost: CPU });
    expect(energyOf(edited, 'mac')).toBeCloseTo(2 * energyOf(base, 'mac'), 10);
    expect(edited.energy.totalPj - base.energy.totalPj).toBeCloseTo(energyOf(base, 'mac'), 10);
    const mac = edited.energy.components.find((c) => c.id === 'mac')!;
    expect(mac.sources[0]).toMatchObject({ id: 'eyerissMac', value: 4, defaultValue: 2, edited: true });
  });

  it('keeps the total equal to the sum of components and utilization in (0, 1]', () => {
    for (const params of [PARAMS, { ...PARAMS, wordBits: 32 as const, numberFormat: 'float' as const }, { ...PARAMS, tiles: 2, pesPerTile: 1 }]) {
      for (const x of [
        [1, 2],
        [2, 1],
        [0, 0],
      ]) {
        const r = scheduleInference(NET, x, params, { cpuCost: CPU });
        expect(r.energy.totalPj).toBeCloseTo(
          r.energy.components.reduce((s, c) => s + c.pj, 0),
          9,
        );
        expect(r.utilization).toBeGreaterThan(0);
        expect(r.utilization).toBeLessThanOrEqual(1);
        expect(r.cycles.total).toBe(r.stages.reduce((s, st) => s + st.cycles, 0) + r.cycles.cpu);
      }
    }
  });

  it('uses Horowitz float costs for 32-bit float words', () => {
    const r = scheduleInference(NET, [1, 2], { ...PARAMS, wordBits: 32, numberFormat: 'float' }, { cpuCost: CPU });
    expect(r.energy.components.find((c) => c.id === 'mac')!.pjPerUnit).toBeCloseTo(3.7 + 0.9, 12);
    expect(r.energy.components.find((c) => c.id === 'hadamard')!.pjPerUnit).toBeCloseTo(3.7, 12);
    // 32-bit words: each word is one bus cycle on a 32-bit bus; stage 2 moves 4 words in 4 cycles.
    expect(r.stages[1].cycles).toBe(4);
  });

  it('treats NaN inputs as data (unsafe: NaN logits compare false) and rejects a wrong input width', () => {
    const r = scheduleInference(NET, [NaN, 1], PARAMS, { cpuCost: CPU });
    expect(r.invoked).toBe('cpu');
    expect(() => scheduleInference(NET, [1], PARAMS, { cpuCost: CPU })).toThrow(/expects 2/);
  });
});

describe('scheduleBaselineInference', () => {
  const nets = {
    classifier: [dense(2, 2, [1, 0, 0, 1], [0, 0]), dense(2, 2, [0, -1, 0, 1], [0.5, 0])],
    approximator: [dense(2, 2, [1, 1, 1, -1], [0, 0]), dense(2, 1, [2, 5], [1])],
  };

  it('runs the approximator without ⊙c after the classifier', () => {
    const r = scheduleBaselineInference(nets, [1, 2], PARAMS, { cpuCost: CPU });
    // z = [0.5, −1 + 2] → safe; H = 2·3 + 5·0 + 1 = 7
    expect(r.invoked).toBe('approximator');
    expect(Array.from(r.forward.approximatorOutput!)).toEqual([7]);
    expect(r.counts.hadamardMultiplies).toBe(0);
    // Stage 4: x 1 + layer (2+1) 3 + out→in 1 + layer 3 = 8; stage 2 writes 2 logits: 1 cycle
    expect(r.stages.map((s) => s.cycles)).toEqual([8, 1, 2, 8, 1]);
  });

  it('rejects a classifier without 2 logits', () => {
    expect(() => scheduleBaselineInference({ ...nets, classifier: [dense(2, 3, [0, 0, 0, 0, 0, 0], [0, 0, 0])] }, [1, 2], PARAMS, { cpuCost: CPU })).toThrow(/2 logits/);
  });
});

describe('scheduleInference: fusion variants and sigmoid P(x)', () => {
  const dense = (fanIn: number, fanOut: number, seed: number): DenseLayerParams => ({
    fanIn,
    fanOut,
    kernel: Float64Array.from({ length: fanIn * fanOut }, (_, i) => Math.sin(seed * 7.1 + i * 1.3) * 0.8),
    bias: Float64Array.from({ length: fanOut }, (_, j) => 0.3 + 0.05 * Math.cos(seed + j)),
  });
  // Approximator 2-3-2-1; the predictor output is Σ_fused L_i + (2 softmax | 1 sigmoid) wide (eq. 3).
  const approximator = [dense(2, 3, 1), dense(3, 2, 2), dense(2, 1, 3)];
  const cases: { name: string; fusedLayers: number[]; predictionOutput: 'softmax' | 'sigmoid'; outputWidth: number }[] = [
    { name: 'only the 2nd layer, softmax', fusedLayers: [1], predictionOutput: 'softmax', outputWidth: 2 + 2 },
    { name: 'only the 1st layer, sigmoid', fusedLayers: [0], predictionOutput: 'sigmoid', outputWidth: 3 + 1 },
    { name: 'all layers, sigmoid', fusedLayers: [0, 1], predictionOutput: 'sigmoid', outputWidth: 3 + 2 + 1 },
  ];
  for (const variant of cases) {
    it(`matches the float64 forward pass with fusion ${variant.name}`, () => {
      const weights: AxnetParams = {
        approximator,
        predictor: [dense(2, 3, 4), dense(3, variant.outputWidth, 5)],
        fusedLayers: variant.fusedLayers,
        predictionOutput: variant.predictionOutput,
      };
      for (const input of [
        [0.2, 0.9],
        [0.7, 0.1],
        [-0.4, 0.5],
      ]) {
        const reference = computeAxnetForward(weights, input);
        const schedule = scheduleInference(weights, input, PARAMS, { cpuCost: CPU, decision: 'safe' });
        expect(schedule.forward.safeProbability).toBeCloseTo(reference.safeProbability, 12);
        expect(schedule.forward.approximatorOutput![0]).toBeCloseTo(reference.output[0], 12);
        // One ⊙c multiply per fused neuron, none for unfused layers.
        const fusedNeurons = variant.fusedLayers.reduce((sum, k) => sum + approximator[k].fanOut, 0);
        expect(schedule.counts.hadamardMultiplies).toBe(fusedNeurons);
      }
    });
  }
});
