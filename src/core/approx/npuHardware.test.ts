import { describe, expect, it } from 'vitest';
import { DEFAULT_NPU_HARDWARE, NPU_HARDWARE_IDS, describeNpuHardware, findDrumPreset, isNpuHardwareId, readNpuHardware } from './npuHardware';

describe('NPU hardware ids', () => {
  it('name exact, DRUM-1…8 and NTV at AxTrain’s three voltages, default exact', () => {
    expect(NPU_HARDWARE_IDS).toHaveLength(12);
    expect(DEFAULT_NPU_HARDWARE).toBe('exact');
    expect(readNpuHardware('exact')).toEqual({ kind: 'exact' });
    expect(readNpuHardware('drum3')).toEqual({ kind: 'drum', k: 3 });
    expect(readNpuHardware('ntv400')).toEqual({ kind: 'ntv', voltageMv: 400, flipRate: 0.1 });
    expect(readNpuHardware('ntv850')).toEqual({ kind: 'ntv', voltageMv: 850, flipRate: 0.001 });
    for (const bad of ['drum9', 'ntv500', 'DRUM3', '__proto__', '']) {
      expect(isNpuHardwareId(bad)).toBe(false);
      expect(() => readNpuHardware(bad)).toThrow(`Unsupported NPU hardware: ${bad}`);
    }
    expect(isNpuHardwareId(3)).toBe(false);
  });

  it('describe each setting with the status of its facts: K1–K4 ↔ k an interpretation, the NTV rates’ source figure unverified', () => {
    expect(describeNpuHardware('drum2').label).toBe('DRUM-2 (K2)');
    expect(describeNpuHardware('drum2').detail).toContain('interpretation');
    expect(describeNpuHardware('drum7').label).toBe('DRUM-7');
    expect(describeNpuHardware('drum7').detail).not.toContain('interpretation');
    expect(describeNpuHardware('ntv660').label).toBe('NTV 660 mV (p = 1 %)');
    expect(describeNpuHardware('ntv660').detail).toContain('unverified');
    expect(describeNpuHardware('ntv850').label).toBe('NTV 850 mV (p = 0.1 %)');
    expect(findDrumPreset(4)).toBe('K4');
    expect(findDrumPreset(5)).toBeNull();
    for (const id of NPU_HARDWARE_IDS) expect(describeNpuHardware(id).setting).toEqual(readNpuHardware(id));
  });
});
