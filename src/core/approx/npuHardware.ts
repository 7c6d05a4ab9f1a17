/**
 * The approximate hardware the NPU view can simulate (issue 9 §5): one id per setting, as the share link carries
 * it (`npu.hw=<id>`, src/core/npu/params.ts). exact; DRUM-k multipliers for k = 1…8 in every dense product
 * (AxTrain §4, Fig. 6's range); NTV weight SRAM at AxTrain §4's three voltages. The numeric models are
 * drum.ts and fixedPoint.ts; the evaluation is axnetOnHardware.ts; the prices are energy.ts.
 */
import type { HardwareSetting } from '../axtrain/report';
import { DRUM_K_PRESETS, DRUM_K_PRESETS_SOURCE, DRUM_PRESET_IDS, type DrumPresetId } from './drum';
import { NTV_VOLTAGE_PRESETS, type NtvVoltageMv } from './ntv';

export const NPU_HARDWARE_IDS = ['exact', 'drum1', 'drum2', 'drum3', 'drum4', 'drum5', 'drum6', 'drum7', 'drum8', 'ntv400', 'ntv660', 'ntv850'] as const;
export type NpuHardwareId = (typeof NPU_HARDWARE_IDS)[number];
export const DEFAULT_NPU_HARDWARE: NpuHardwareId = 'exact';

/** DRUM-k operands: 16-bit per-layer dynamic fixed point (reference A.4.1 "Operand formats"; the 16-bit DRUM designs of Hashemi et al.). */
export const NPU_DRUM_OPERAND_BITS = 16;
/** NTV stored words: 8-bit per-layer two's complement, I ≥ 0 (reference A.4.2 "Format"; AxTrain §3.2). */
export const NPU_NTV_WORD_BITS = 8;
/**
 * NTV runs (flip masks) the NPU view averages over. AxTrain §5 uses 50 and `axlab train --hardware` keeps 50; the
 * view takes 20 so that the readout of a 2048-sample test set comes back in about a second (lab choice, estimate).
 */
export const NPU_NTV_RUNS = 20;

export function isNpuHardwareId(value: unknown): value is NpuHardwareId {
  return typeof value === 'string' && (NPU_HARDWARE_IDS as readonly string[]).includes(value);
}

/** The setting an id names: { kind: 'exact' } | { kind: 'drum', k } | { kind: 'ntv', voltageMv, flipRate }. Unknown ids throw. */
export function readNpuHardware(id: string): HardwareSetting {
  if (!isNpuHardwareId(id)) throw new Error(`Unsupported NPU hardware: ${id} (known: ${NPU_HARDWARE_IDS.join(', ')})`);
  if (id === 'exact') return { kind: 'exact' };
  if (id.startsWith('drum')) return { kind: 'drum', k: Number(id.slice(4)) };
  const voltageMv = Number(id.slice(3)) as NtvVoltageMv;
  const preset = NTV_VOLTAGE_PRESETS.find((p) => p.voltageMv === voltageMv);
  if (!preset) throw new Error(`Unsupported NPU hardware: ${id}`);
  return { kind: 'ntv', voltageMv, flipRate: preset.flipRate };
}

/** The AxTrain preset K_i whose k this is under the lab's reading K_i ≡ k = i (an interpretation), or null. */
export function findDrumPreset(k: number): DrumPresetId | null {
  return DRUM_PRESET_IDS.find((id) => DRUM_K_PRESETS[id] === k) ?? null;
}

export interface NpuHardwareDescription {
  id: NpuHardwareId;
  setting: HardwareSetting;
  /** Short name for a select: 'exact', 'DRUM-3 (K3)', 'NTV 400 mV (p = 10 %)'. */
  label: string;
  /** What the setting does, with the status of its facts. */
  detail: string;
}

/** Label and explanation of one id, for the view (statuses: the K ↔ k mapping is an interpretation, the NTV rates' source figure unverified). */
export function describeNpuHardware(id: NpuHardwareId): NpuHardwareDescription {
  const setting = readNpuHardware(id);
  switch (setting.kind) {
    case 'exact':
      return { id, setting, label: 'exact', detail: 'Exact multipliers and nominal-voltage weight memory: the float64 forward of the trained nets.' };
    case 'drum': {
      const preset = findDrumPreset(setting.k);
      return {
        id,
        setting,
        label: `DRUM-${setting.k}${preset ? ` (${preset})` : ''}`,
        detail:
          `Every product x·w of both nets by DRUM-${setting.k} (keep the leading one and ${Math.max(setting.k - 1, 0)} more bits, the last forced to 1): operands in ` +
          `${NPU_DRUM_OPERAND_BITS}-bit dynamic fixed point per layer, sign-magnitude, the products summed exactly, the bias added exactly; ⊙c stays exact.` +
          (preset ? ` ${preset} ↔ k = ${setting.k} is an ${DRUM_K_PRESETS_SOURCE.status}: ${DRUM_K_PRESETS_SOURCE.citation}.` : ''),
      };
    }
    case 'ntv': {
      const preset = NTV_VOLTAGE_PRESETS.find((p) => p.voltageMv === setting.voltageMv);
      return {
        id,
        setting,
        label: `NTV ${setting.voltageMv} mV (p = ${formatPercent(setting.flipRate)})`,
        detail:
          `Weights and biases of each layer stored in one ${NPU_NTV_WORD_BITS}-bit two's-complement format (I ≥ 0) in SRAM at ${setting.voltageMv} mV; every stored bit ` +
          `flips with p = ${formatPercent(setting.flipRate)}, one mask per word and run. The rate is stated by AxTrain §4 (${preset?.status ?? 'paper'}); which figure ` +
          `of its source [8] gives it is ${preset?.sourceFigureStatus ?? 'unverified'}.`,
      };
    }
    default: {
      const unknown: never = setting;
      throw new Error(`Unsupported hardware setting: ${JSON.stringify(unknown)}`);
    }
  }
}

function formatPercent(p: number): string {
  return `${Number((p * 100).toPrecision(3))} %`;
}
