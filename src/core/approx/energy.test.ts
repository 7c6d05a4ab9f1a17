import { describe, expect, it } from 'vitest';
import { NPU_CONSTANTS } from '../npu/constants';
import { priceDrumMultiply, priceWeightRead } from './energy';

describe('priceDrumMultiply', () => {
  it('spends E_mult16·((k/16)² + o), saving within the DRUM abstract’s 54–80 % for k = 8…4', () => {
    const savings = [4, 5, 6, 7, 8].map((k) => priceDrumMultiply(k).saving);
    for (const saving of savings) {
      expect(saving).toBeGreaterThanOrEqual(0.54);
      expect(saving).toBeLessThanOrEqual(0.8);
    }
    for (let i = 1; i < savings.length; i++) expect(savings[i]).toBeLessThan(savings[i - 1]); // wider k costs more
    expect(savings[0]).toBeCloseTo(0.764, 3);
    expect(savings[4]).toBeCloseTo(0.576, 3);
    const price = priceDrumMultiply(8);
    expect(price.pj).toBeCloseTo(NPU_CONSTANTS.intMult16.value * (0.25 + 0.17375), 12);
    expect(price.sources.map((s) => s.id)).toEqual(['intMult16', 'drumOverheadFraction']);
    expect(price.sources.every((s) => s.status === 'estimate')).toBe(true);
    expect(priceDrumMultiply(4, { intMult16: 2 }).pj).toBeCloseTo(2 * (1 / 16 + 0.17375), 12);
    expect(() => priceDrumMultiply(0)).toThrow(RangeError);
    expect(() => priceDrumMultiply(17)).toThrow(RangeError);
  });
});

describe('priceWeightRead', () => {
  it('scales the SRAM row for the memory size by W/64 and (V/1.1)²', () => {
    const nominal = priceWeightRead({ voltageV: 1.1, wordBits: 8, memoryBytes: 6274 });
    expect(nominal.pj).toBe((NPU_CONSTANTS.sramRead8KB.value * 8) / 64);
    expect(nominal.saving).toBe(0);
    const agg = priceWeightRead({ voltageV: 0.4, wordBits: 8, memoryBytes: 6274 });
    expect(agg.pj / nominal.pj).toBeCloseTo((0.4 / 1.1) ** 2, 12);
    expect(agg.sources.map((s) => s.id)).toEqual(['sramRead8KB', 'sramNominalVoltage', 'sramVoltageEnergyExponent']);
    expect(priceWeightRead({ voltageV: 1.1, wordBits: 16, memoryBytes: 118_282 * 2 }).sources[0].id).toBe('sramRead1MB');
  });
});
