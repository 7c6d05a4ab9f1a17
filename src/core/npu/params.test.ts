import { describe, expect, it } from 'vitest';
import { NPU_CONSTANTS, NPU_CONSTANT_IDS, resolveNpuConstant } from './constants';
import { CPU_PATH_COSTS, getCpuPathCost } from './cpuCost';
import { clampNpuParams, DEFAULT_NPU_PARAMS, diffNpuParams, NPU_PARAM_FIELDS, readNpuParams } from './params';
import { TARGET_IDS } from '../targets/types';

describe('NPU constants', () => {
  it('gives every constant a unit, a citation and a status', () => {
    for (const id of NPU_CONSTANT_IDS) {
      const c = NPU_CONSTANTS[id];
      expect(c.unit.length).toBeGreaterThan(0);
      expect(c.citation.length).toBeGreaterThan(0);
      expect(['verified', 'paper', 'unverified', 'estimate']).toContain(c.status);
      expect(Number.isFinite(c.value)).toBe(true);
    }
  });

  it('applies only finite, non-negative overrides', () => {
    expect(resolveNpuConstant('eyerissMac', { eyerissMac: 3 })).toMatchObject({ value: 3, edited: true });
    expect(resolveNpuConstant('eyerissMac', { eyerissMac: NaN })).toMatchObject({ value: 2, edited: false });
    expect(resolveNpuConstant('eyerissMac', { eyerissMac: -1 })).toMatchObject({ value: 2, edited: false });
  });
});

describe('NPU params', () => {
  it('defaults follow the MICRO 2012 NPU', () => {
    expect(DEFAULT_NPU_PARAMS).toMatchObject({ pesPerTile: 8, peWeightBufferWords: 512, inputBufferWords: 128, clockHz: 1e9, cpuClockHz: 3.4e9, hardware: 'exact' });
  });

  it('clamps untrusted input and drops unknown keys', () => {
    const p = clampNpuParams({
      tiles: 1e9,
      pesPerTile: -3,
      busWidthBits: 'NaN',
      wordBits: 24,
      numberFormat: 'posit',
      hardware: 'drum9',
      clockHz: Infinity,
      constantOverrides: { eyerissMac: 5, __proto__: 1, notAConstant: 2, intAdd16: -4 } as Record<string, unknown>,
    } as Record<string, unknown>);
    expect(p.tiles).toBe(64);
    expect(p.pesPerTile).toBe(1);
    expect(p.busWidthBits).toBe(DEFAULT_NPU_PARAMS.busWidthBits);
    expect(p.wordBits).toBe(16);
    expect(p.numberFormat).toBe('fixed');
    expect(p.hardware).toBe('exact');
    expect(p.clockHz).toBe(DEFAULT_NPU_PARAMS.clockHz);
    expect(p.constantOverrides).toEqual({ eyerissMac: 5, intAdd16: 0 });
    expect(clampNpuParams(null)).toEqual({ ...DEFAULT_NPU_PARAMS, constantOverrides: {} });
  });

  it('round-trips through the URL diff', () => {
    const p = {
      ...DEFAULT_NPU_PARAMS,
      tiles: 2,
      wordBits: 32 as const,
      numberFormat: 'float' as const,
      hardware: 'ntv660' as const,
      constantOverrides: { cpuEnergyPerInstruction: 500 },
    };
    const diff = diffNpuParams(p);
    expect(diff).toEqual({ nt: '2', nwd: '32', nfmt: 'float', hw: 'ntv660', 'e.cpuEnergyPerInstruction': '500' });
    expect(readNpuParams(diff)).toEqual(p);
    expect(diffNpuParams(DEFAULT_NPU_PARAMS)).toEqual({});
    expect(new Set(NPU_PARAM_FIELDS.map((f) => f.key)).size).toBe(NPU_PARAM_FIELDS.length);
  });
});

describe('CPU path costs', () => {
  it('has an estimate for each of the 8 targets and fails loudly on the unknown', () => {
    for (const id of TARGET_IDS) {
      expect(CPU_PATH_COSTS[id].instructions).toBeGreaterThan(0);
      expect(CPU_PATH_COSTS[id].status).toBe('estimate');
    }
    expect(getCpuPathCost('jpeg').instructions).toBe(1300);
    expect(() => getCpuPathCost('__proto__')).toThrow('Unsupported target: __proto__');
  });
});
