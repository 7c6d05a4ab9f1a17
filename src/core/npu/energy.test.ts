import { describe, expect, it } from 'vitest';
import { priceDrumMultiply, priceWeightRead } from '../approx/energy';
import { NPU_HARDWARE_IDS } from '../approx/npuHardware';
import type { AxnetParams, DenseLayerParams } from '../axnetMath';
import { NPU_CONSTANTS } from './constants';
import { makeCpuPathCost } from './cpuCost';
import { resolveEnergyRates } from './energy';
import { DEFAULT_NPU_PARAMS, clampNpuParams, type NpuParams } from './params';
import { scheduleInference } from './schedule';

const params = (patch: Partial<NpuParams>): NpuParams => clampNpuParams({ ...DEFAULT_NPU_PARAMS, ...patch });

describe('resolveEnergyRates on approximate hardware (issue 9 §5)', () => {
  it('DRUM-k replaces the MAC’s multiplier: E_MAC − E_mult16 + E_DRUM(k) for the Eyeriss MAC, mult → DRUM for mult + add', () => {
    const exact = resolveEnergyRates(params({}));
    for (let k = 1; k <= 8; k++) {
      const drum = resolveEnergyRates(params({ hardware: `drum${k}` as NpuParams['hardware'] }));
      const expected = NPU_CONSTANTS.eyerissMac.value - NPU_CONSTANTS.intMult16.value + priceDrumMultiply(k).pj;
      expect(drum.mac.pjPerUnit).toBeCloseTo(expected, 12);
      expect(drum.mac.pjPerUnit).toBeLessThan(exact.mac.pjPerUnit);
      expect(drum.mac.label).toBe(`MAC (DRUM-${k} multiply)`);
      expect(drum.mac.formula).toBe(`2 pJ − 0.8 pJ + ${priceDrumMultiply(k).formula}`);
      expect(drum.mac.sources.map((s) => s.id)).toEqual(['eyerissMac', 'intMult16', 'drumOverheadFraction']);
      // Only the MAC changes; ⊙c stays an exact multiply, as in the accuracy model.
      for (const id of ['activation', 'hadamard', 'weightBuffer', 'ioBuffers', 'onChipMemory', 'bus', 'dram', 'controller', 'cpu'] as const) expect(drum[id]).toEqual(exact[id]);
    }
    const fixed32 = resolveEnergyRates(params({ hardware: 'drum4', wordBits: 32 }));
    expect(fixed32.mac.pjPerUnit).toBeCloseTo(NPU_CONSTANTS.intAdd32.value + priceDrumMultiply(4).pj, 12);
    expect(fixed32.mac.formula).toBe(`0.1 pJ + ${priceDrumMultiply(4).formula}`);
    // Edited constants reach the DRUM price; a MAC edited below the multiplier keeps only the DRUM part.
    expect(resolveEnergyRates(params({ hardware: 'drum4', constantOverrides: { intMult16: 1 } })).mac.pjPerUnit).toBeCloseTo(2 - 1 + priceDrumMultiply(4, { intMult16: 1 }).pj, 12);
    expect(resolveEnergyRates(params({ hardware: 'drum4', constantOverrides: { eyerissMac: 0.5 } })).mac.pjPerUnit).toBeCloseTo(priceDrumMultiply(4).pj, 12);
  });

  it('NTV at V scales the PE weight buffer by (V / V_nom)^n, priceWeightRead’s voltage factor, and nothing else', () => {
    const exact = resolveEnergyRates(params({}));
    for (const mv of [400, 660, 850]) {
      const ntv = resolveEnergyRates(params({ hardware: `ntv${mv}` as NpuParams['hardware'] }));
      const factor = 1 - priceWeightRead({ voltageV: mv / 1000, wordBits: 16, memoryBytes: 1024 }).saving;
      expect(factor).toBeCloseTo((mv / 1000 / 1.1) ** 2, 12);
      expect(ntv.weightBuffer.pjPerUnit).toBeCloseTo(exact.weightBuffer.pjPerUnit * factor, 12);
      expect(ntv.weightBuffer.formula).toBe(`1 pJ × 16/16 × (${mv / 1000} V / 1.1 V)^2`);
      expect(ntv.weightBuffer.sources.map((s) => s.id)).toEqual(['eyerissRegisterFile', 'sramNominalVoltage', 'sramVoltageEnergyExponent']);
      expect(ntv.mac).toEqual(exact.mac);
      expect(ntv.onChipMemory).toEqual(exact.onChipMemory);
    }
  });

  it('one energy sum: a scheduled inference on DRUM-k or NTV differs from exact by exactly the changed rates × their counts', () => {
    const dense = (fanIn: number, fanOut: number, seed: number): DenseLayerParams => ({
      fanIn,
      fanOut,
      kernel: Float32Array.from({ length: fanIn * fanOut }, (_, i) => Math.sin(seed + i)),
      bias: Float32Array.from({ length: fanOut }, (_, i) => 0.1 * Math.cos(seed + i)),
    });
    const net: AxnetParams = { approximator: [dense(2, 4, 1), dense(4, 1, 2)], predictor: [dense(2, 3, 3), dense(3, 6, 4)] };
    const cpuCost = makeCpuPathCost(100);
    const run = (hardware: NpuParams['hardware']) => scheduleInference(net, [0.3, -0.2], params({ hardware }), { cpuCost, decision: 'safe' });
    const exact = run('exact');
    for (const id of NPU_HARDWARE_IDS) {
      const other = run(id);
      const rates = resolveEnergyRates(params({ hardware: id }));
      const exactRates = resolveEnergyRates(params({}));
      const expected =
        exact.energy.totalPj +
        other.counts.macs * (rates.mac.pjPerUnit - exactRates.mac.pjPerUnit) +
        (other.counts.weightBufferReads + other.counts.weightBufferWrites) * (rates.weightBuffer.pjPerUnit - exactRates.weightBuffer.pjPerUnit);
      expect(other.energy.totalPj).toBeCloseTo(expected, 9);
      expect(other.counts).toEqual(exact.counts);
      if (id !== 'exact') expect(other.energy.totalPj).toBeLessThan(exact.energy.totalPj);
    }
  });
});
