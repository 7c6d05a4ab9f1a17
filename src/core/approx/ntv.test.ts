import { describe, expect, it } from 'vitest';
import { AXTRAIN_DATASET_VOLTAGES, NTV_VOLTAGE_PRESETS, getNtvFlipRate, isNtvVoltageMv, sramEnergyScale } from './ntv';

describe('NTV presets', () => {
  it('give AxTrain §4’s flip rates, stated by the paper with the source figure unverified', () => {
    expect([400, 660, 850].map(getNtvFlipRate)).toEqual([0.1, 0.01, 0.001]);
    for (const preset of NTV_VOLTAGE_PRESETS) {
      expect(preset.status).toBe('paper');
      expect(preset.sourceFigureStatus).toBe('unverified');
      expect(preset.citation).toMatch(/Dreslinski/);
    }
    expect(() => getNtvFlipRate(500)).toThrow(RangeError);
    expect(isNtvVoltageMv(660)).toBe(true);
    expect(isNtvVoltageMv(661)).toBe(false);
  });

  it('list Tab. 1: breast cancer at 400/660 mV, every other application at 660/850 mV', () => {
    expect(AXTRAIN_DATASET_VOLTAGES).toHaveLength(6);
    const breast = AXTRAIN_DATASET_VOLTAGES.find((d) => d.id === 'breast-cancer')!;
    expect(breast).toMatchObject({ topology: [30, 64, 64, 2], aggressiveMv: 400, conservativeMv: 660 });
    for (const d of AXTRAIN_DATASET_VOLTAGES) if (d.id !== 'breast-cancer') expect([d.aggressiveMv, d.conservativeMv]).toEqual([660, 850]);
  });
});

describe('sramEnergyScale', () => {
  it('is (V / 1.1 V)², the estimate of A.4.2, and follows edited registry constants', () => {
    expect(sramEnergyScale(1.1)).toBe(1);
    expect(sramEnergyScale(0.85)).toBeCloseTo(0.597, 3);
    expect(sramEnergyScale(0.66)).toBeCloseTo(0.36, 3);
    expect(sramEnergyScale(0.4)).toBeCloseTo(0.132, 3);
    expect(sramEnergyScale(0.55, { sramNominalVoltage: 1.0, sramVoltageEnergyExponent: 1 })).toBe(0.55);
    expect(() => sramEnergyScale(0)).toThrow(RangeError);
    expect(() => sramEnergyScale(Number.NaN)).toThrow(RangeError);
  });
});
