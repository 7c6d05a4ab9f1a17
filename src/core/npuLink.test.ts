import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig } from './config';
import { DEFAULT_NPU_PARAMS, clampNpuParams } from './npu/params';
import { buildShareUrl, formatHash, parseLink, problemsText } from './link';

describe('NPU params in the link', () => {
  it('writes nothing for the defaults and keeps the config-only hash unchanged', () => {
    expect(formatHash(DEFAULT_CONFIG, { npu: clampNpuParams(DEFAULT_NPU_PARAMS) })).toBe('#v=1');
    const parsed = parseLink('#v=1&steps=40');
    expect(parsed.npu).toEqual(clampNpuParams(DEFAULT_NPU_PARAMS));
    expect(parsed.npuCpuInstructions).toBeNull();
    expect(parsed.problems).toEqual([]);
  });

  it('round-trips fields, edited constants and the CPU instruction count', () => {
    const config = { ...cloneConfig(DEFAULT_CONFIG), steps: 200 };
    const npu = clampNpuParams({
      ...DEFAULT_NPU_PARAMS,
      tiles: 2,
      pesPerTile: 4,
      wordBits: 32,
      numberFormat: 'float',
      constantOverrides: { eyerissMac: 3.5, cpuEnergyPerInstruction: 120 },
    });
    const hash = formatHash(config, { npu, npuCpuInstructions: 450 });
    expect(hash).toContain('npu.nt=2');
    expect(hash).toContain('npu.np=4');
    expect(hash).toContain('e.eyerissMac=3.5');
    expect(hash).toContain('npu.cpui=450');
    const parsed = parseLink(hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config).toEqual(config);
    expect(parsed.npu).toEqual(npu);
    expect(parsed.npuCpuInstructions).toBe(450);
    expect(buildShareUrl('http://x/#v=1', config, { npu, npuCpuInstructions: 450 })).toBe(`http://x/${hash}`);
  });

  it('clamps and reports bad NPU values; unknown NPU keys and prototype keys are ignored', () => {
    const parsed = parseLink('#npu.nt=9999&npu.np=abc&npu.nwd=8&e.eyerissMac=-1&e.__proto__=1&npu.polluted=1&npu.cpui=zz');
    expect(parsed.npu.tiles).toBe(64);
    expect(parsed.npu.pesPerTile).toBe(DEFAULT_NPU_PARAMS.pesPerTile);
    expect(parsed.npu.wordBits).toBe(DEFAULT_NPU_PARAMS.wordBits);
    expect(parsed.npu.constantOverrides).toEqual({ eyerissMac: 0 });
    expect(parsed.npuCpuInstructions).toBeNull();
    expect(parsed.problems.length).toBeGreaterThanOrEqual(6);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(parsed.npu.constantOverrides, '__proto__')).toBe(false);
  });

  it('carries the hardware model as npu.hw, validated against the known settings', () => {
    const config = cloneConfig(DEFAULT_CONFIG);
    for (const hardware of ['drum1', 'drum8', 'ntv400', 'ntv850'] as const) {
      const npu = clampNpuParams({ ...DEFAULT_NPU_PARAMS, hardware });
      const hash = formatHash(config, { npu });
      expect(hash).toBe(`#v=1&npu.hw=${hardware}`);
      const parsed = parseLink(hash);
      expect(parsed.problems).toEqual([]);
      expect(parsed.npu.hardware).toBe(hardware);
      expect(parsed.config).toEqual(config); // the hardware belongs to the NPU, not to the run: the config (and so training) is untouched
    }
    expect(formatHash(config, { npu: clampNpuParams({ ...DEFAULT_NPU_PARAMS, hardware: 'exact' }) })).toBe('#v=1');
    for (const bad of ['drum9', 'ntv500', 'exact%20', '__proto__', 'DRUM4']) {
      const parsed = parseLink(`#v=1&npu.hw=${bad}`);
      expect(parsed.npu.hardware).toBe('exact');
      expect(parsed.problems).toHaveLength(1);
      expect(problemsText(parsed.problems)[0]).toContain('npu.hw=');
    }
  });
});
