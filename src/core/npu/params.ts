/**
 * Architecture parameters of the AXNet NPU (paper §IV, Fig. 5) as a flat record of numbers and enums,
 * so that a share link can carry them. Defaults follow the MICRO 2012 NPU (reference §4).
 */
import { DEFAULT_NPU_HARDWARE, NPU_HARDWARE_IDS, isNpuHardwareId, type NpuHardwareId } from '../approx/npuHardware';
import { NPU_CONSTANTS, NPU_CONSTANT_IDS, isNpuConstantId, type NpuConstantId } from './constants';

export type NpuWordBits = 16 | 32;
export type NpuNumberFormat = 'fixed' | 'float';

export interface NpuParams {
  /** Number of tiles; PEs of all tiles share one layer (neuron-level parallelism). */
  tiles: number;
  /** PEs per tile. */
  pesPerTile: number;
  /** Capacity of each tile's input buffer, in words. */
  inputBufferWords: number;
  /** Capacity of each tile's output buffer, in words. */
  outputBufferWords: number;
  /** Capacity of each PE's weight buffer, in words (weights + biases). */
  peWeightBufferWords: number;
  /** Capacity of the on-chip memory, in words; its size picks the SRAM energy row. */
  onChipMemoryWords: number;
  /** Width of the data bus, in bits; a transfer of n words takes ceil(n · wordBits / busWidthBits) cycles. */
  busWidthBits: number;
  /** NPU clock, Hz. */
  clockHz: number;
  /** CPU clock for the CPU path, Hz. */
  cpuClockHz: number;
  /** Data word width, bits. */
  wordBits: NpuWordBits;
  numberFormat: NpuNumberFormat;
  /**
   * The arithmetic and weight memory the nets run on (issue 9 §5): exact, DRUM-k multipliers (k = 1…8) or NTV weight
   * SRAM at 400 / 660 / 850 mV (src/core/approx/npuHardware.ts). It prices the MAC and the weight buffer
   * (resolveEnergyRates) and selects the accuracy model of the view's hardware readout; it never restarts training.
   */
  hardware: NpuHardwareId;
  /** Edited constants (by id), replacing the table values of constants.ts; values in their units. */
  constantOverrides: Partial<Record<NpuConstantId, number>>;
}

export const DEFAULT_NPU_PARAMS: Readonly<NpuParams> = Object.freeze({
  tiles: 1,
  pesPerTile: NPU_CONSTANTS.micro2012PesPerNpu.value, // 8 PEs (MICRO 2012)
  inputBufferWords: NPU_CONSTANTS.micro2012FifoEntries.value, // 128-entry FIFO (unverified)
  outputBufferWords: NPU_CONSTANTS.micro2012FifoEntries.value,
  peWeightBufferWords: NPU_CONSTANTS.micro2012WeightBufferEntries.value, // 512 entries (unverified)
  onChipMemoryWords: 16384, // lab estimate: 32 KB at 16 bit
  busWidthBits: NPU_CONSTANTS.micro2012FifoBits.value, // 32-bit FIFO width (unverified)
  clockHz: NPU_CONSTANTS.npuClockHz.value,
  cpuClockHz: NPU_CONSTANTS.cpuClockHz.value,
  wordBits: 16,
  numberFormat: 'fixed',
  hardware: DEFAULT_NPU_HARDWARE,
  constantOverrides: Object.freeze({}),
});

/** Where each default comes from, for the UI. */
export const NPU_PARAM_SOURCES: Readonly<Record<Exclude<keyof NpuParams, 'constantOverrides'>, string>> = {
  tiles: 'Lab default: one tile (paper §IV leaves the tile count open)',
  pesPerTile: NPU_CONSTANTS.micro2012PesPerNpu.citation,
  inputBufferWords: NPU_CONSTANTS.micro2012FifoEntries.citation,
  outputBufferWords: NPU_CONSTANTS.micro2012FifoEntries.citation,
  peWeightBufferWords: NPU_CONSTANTS.micro2012WeightBufferEntries.citation,
  onChipMemoryWords: 'Lab estimate: 32 KB on-chip memory',
  busWidthBits: `${NPU_CONSTANTS.micro2012FifoBits.citation} (bus as wide as the FIFO)`,
  clockHz: NPU_CONSTANTS.npuClockHz.citation,
  cpuClockHz: NPU_CONSTANTS.cpuClockHz.citation,
  wordBits: 'Lab default: 16-bit words (Eyeriss costs are per 16-bit access)',
  numberFormat: 'Lab default: fixed point',
  hardware: 'Lab default: exact hardware; DRUM-k and NTV after AxTrain §4 (K1–K4 ↔ k = 1–4 is an interpretation; the NTV flip rates’ source figure is unverified)',
};

/** A named set of NpuParams with where each value comes from. */
export interface NpuParamsPreset {
  id: NpuPresetId;
  label: string;
  params: Readonly<NpuParams>;
  /** Per field that differs from DEFAULT_NPU_PARAMS (or matters to the preset): its source and status. */
  sources: Readonly<Partial<Record<Exclude<keyof NpuParams, 'constantOverrides'>, string>>>;
}

export const NPU_PRESET_IDS = ['micro2012', 'eyeriss'] as const;
export type NpuPresetId = (typeof NPU_PRESET_IDS)[number];

/**
 * Eyeriss (Chen et al., ISSCC 2016) as DATE'20 §IV runs it ("an Eyeriss NPU that operates at 1GHz", nn_dataflow):
 * 168 PEs as 12 × 14 and a 108 KB global buffer are recollections (reference B.7, unverified), 16-bit fixed point
 * (nn_dataflow's default word), so the MAC, the PE register file, the array hop and DRAM are priced by the Eyeriss
 * constants already in constants.ts (resolveEnergyRates, fixed16). The lab's model maps the array onto its tiles
 * (12 rows of 14 PEs, neuron-level parallelism) and the global buffer onto its on-chip memory.
 */
const EYERISS_PARAMS: Readonly<NpuParams> = Object.freeze({
  ...DEFAULT_NPU_PARAMS,
  tiles: 12,
  pesPerTile: 14,
  peWeightBufferWords: 224, // Eyeriss filter scratchpad: 224 × 16 bit per PE (recollection, unverified)
  onChipMemoryWords: (108 * 1024) / 2, // 108 KB global buffer at 16 bit (unverified)
  busWidthBits: 64, // lab estimate: a 64-bit global-buffer-to-array bus
  clockHz: NPU_CONSTANTS.npuClockHz.value, // 1 GHz (DATE'20 §IV)
  cpuClockHz: NPU_CONSTANTS.cpuClockHz.value,
  wordBits: 16,
  numberFormat: 'fixed',
  constantOverrides: Object.freeze({}),
});

export const NPU_PARAM_PRESETS: Readonly<Record<NpuPresetId, NpuParamsPreset>> = Object.freeze({
  micro2012: { id: 'micro2012', label: 'MICRO 2012 NPU (lab default)', params: DEFAULT_NPU_PARAMS, sources: NPU_PARAM_SOURCES },
  eyeriss: {
    id: 'eyeriss',
    label: 'Eyeriss-like (DATE’20: 16-bit, 1 GHz)',
    params: EYERISS_PARAMS,
    sources: {
      tiles: 'Eyeriss ISSCC 2016: 168 PEs as 12 × 14, taken as 12 tiles (reference B.7, from memory — unverified)',
      pesPerTile: 'Eyeriss ISSCC 2016: 14 PEs per row (reference B.7, from memory — unverified)',
      peWeightBufferWords: 'Eyeriss ISSCC 2016: 224 × 16-bit filter scratchpad per PE (from memory — unverified)',
      onChipMemoryWords: 'Eyeriss ISSCC 2016: 108 KB global buffer = 55,296 16-bit words (reference B.7, from memory — unverified); priced by the lab’s SRAM row for its size',
      busWidthBits: 'Lab estimate: 64-bit bus between the global buffer and the array — estimate',
      clockHz: NPU_CONSTANTS.npuClockHz.citation,
      cpuClockHz: NPU_CONSTANTS.cpuClockHz.citation,
      wordBits: 'nn_dataflow default word: 16 bits (reference B.7 — verified from its source)',
      numberFormat: 'Fixed point: the Eyeriss constants are per 16-bit fixed-point MAC and access (constants.ts)',
      inputBufferWords: NPU_CONSTANTS.micro2012FifoEntries.citation,
      outputBufferWords: NPU_CONSTANTS.micro2012FifoEntries.citation,
      hardware: NPU_PARAM_SOURCES.hardware,
    },
  },
});

/** The preset `id`; throws `Unsupported NPU preset: ${id}` for anything else. */
export function getNpuPreset(id: string): NpuParamsPreset {
  const presetId = NPU_PRESET_IDS.find((p) => p === id);
  if (presetId === undefined) throw new Error(`Unsupported NPU preset: ${id}`);
  return NPU_PARAM_PRESETS[presetId];
}

/** The id of the preset whose params equal `params` (no edited constants), or null. */
export function findNpuPreset(params: Readonly<NpuParams>): NpuPresetId | null {
  if (Object.keys(params.constantOverrides).length > 0) return null;
  for (const id of NPU_PRESET_IDS) {
    const preset = NPU_PARAM_PRESETS[id].params;
    if (NPU_PARAM_FIELDS.every((f) => params[f.field] === preset[f.field])) return id;
  }
  return null;
}

/** One URL field: short key, NpuParams field, and limits (numbers are clamped into [min, max]). */
export type NpuParamField =
  | {
      key: string;
      field: 'tiles' | 'pesPerTile' | 'inputBufferWords' | 'outputBufferWords' | 'peWeightBufferWords' | 'onChipMemoryWords' | 'busWidthBits';
      kind: 'int';
      min: number;
      max: number;
    }
  | { key: string; field: 'clockHz' | 'cpuClockHz'; kind: 'number'; min: number; max: number }
  | { key: string; field: 'wordBits'; kind: 'enum'; values: readonly NpuWordBits[] }
  | { key: string; field: 'numberFormat'; kind: 'enum'; values: readonly NpuNumberFormat[] }
  | { key: string; field: 'hardware'; kind: 'enum'; values: readonly NpuHardwareId[] };

export const NPU_PARAM_FIELDS: readonly NpuParamField[] = [
  { key: 'nt', field: 'tiles', kind: 'int', min: 1, max: 64 },
  { key: 'np', field: 'pesPerTile', kind: 'int', min: 1, max: 256 },
  { key: 'nib', field: 'inputBufferWords', kind: 'int', min: 1, max: 65536 },
  { key: 'nob', field: 'outputBufferWords', kind: 'int', min: 1, max: 65536 },
  { key: 'nwb', field: 'peWeightBufferWords', kind: 'int', min: 1, max: 65536 },
  { key: 'nom', field: 'onChipMemoryWords', kind: 'int', min: 16, max: 16777216 },
  { key: 'nbw', field: 'busWidthBits', kind: 'int', min: 8, max: 1024 },
  { key: 'nclk', field: 'clockHz', kind: 'number', min: 1e6, max: 1e10 },
  { key: 'cclk', field: 'cpuClockHz', kind: 'number', min: 1e6, max: 1e10 },
  { key: 'nwd', field: 'wordBits', kind: 'enum', values: [16, 32] },
  { key: 'nfmt', field: 'numberFormat', kind: 'enum', values: ['fixed', 'float'] },
  { key: 'hw', field: 'hardware', kind: 'enum', values: NPU_HARDWARE_IDS },
];

/** URL key of an edited constant: `e.<constantId>`; values are clamped into [0, CONSTANT_OVERRIDE_MAX]. */
export const CONSTANT_OVERRIDE_PREFIX = 'e.';
export const CONSTANT_OVERRIDE_MAX = 1e12;

function clampNumber(value: unknown, min: number, max: number, fallback: number, integer: boolean): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return fallback;
  const v = integer ? Math.round(n) : n;
  return Math.min(max, Math.max(min, v));
}

/**
 * Builds valid NpuParams from untrusted input (a share link, a form): unknown fields are dropped,
 * numbers clamped into the field table's limits, unknown enum values and non-numbers fall back to the defaults.
 */
export function clampNpuParams(input: Partial<Record<keyof NpuParams, unknown>> | null | undefined): NpuParams {
  const source = (input ?? {}) as Record<string, unknown>;
  const out: NpuParams = { ...DEFAULT_NPU_PARAMS, constantOverrides: {} };
  for (const f of NPU_PARAM_FIELDS) {
    const raw = source[f.field];
    switch (f.kind) {
      case 'int':
        out[f.field] = clampNumber(raw, f.min, f.max, DEFAULT_NPU_PARAMS[f.field], true);
        break;
      case 'number':
        out[f.field] = clampNumber(raw, f.min, f.max, DEFAULT_NPU_PARAMS[f.field], false);
        break;
      case 'enum':
        if (f.field === 'wordBits') {
          const n = Number(raw);
          out.wordBits = n === 16 || n === 32 ? n : DEFAULT_NPU_PARAMS.wordBits;
        } else if (f.field === 'numberFormat') {
          out.numberFormat = raw === 'fixed' || raw === 'float' ? raw : DEFAULT_NPU_PARAMS.numberFormat;
        } else {
          out.hardware = isNpuHardwareId(raw) ? raw : DEFAULT_NPU_PARAMS.hardware;
        }
        break;
      default: {
        const unknownField: never = f;
        throw new Error(`Unsupported NPU param field: ${JSON.stringify(unknownField)}`);
      }
    }
  }
  const overrides = source.constantOverrides;
  if (overrides !== null && typeof overrides === 'object') {
    for (const [id, value] of Object.entries(overrides as Record<string, unknown>)) {
      if (!isNpuConstantId(id)) continue;
      const v = clampNumber(value, 0, CONSTANT_OVERRIDE_MAX, NaN, false);
      if (Number.isFinite(v)) out.constantOverrides[id] = v;
    }
  }
  return out;
}

/** Fields (by URL key) whose values differ from the defaults, plus `e.<id>` for edited constants. */
export function diffNpuParams(params: NpuParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of NPU_PARAM_FIELDS) {
    const value = params[f.field];
    if (value !== DEFAULT_NPU_PARAMS[f.field]) out[f.key] = String(value);
  }
  for (const id of NPU_CONSTANT_IDS) {
    const v = params.constantOverrides[id];
    if (v !== undefined && v !== NPU_CONSTANTS[id].value) out[CONSTANT_OVERRIDE_PREFIX + id] = String(v);
  }
  return out;
}

/** Inverse of diffNpuParams: URL key → value strings to clamped NpuParams. */
export function readNpuParams(entries: Record<string, string>): NpuParams {
  const raw: Record<string, unknown> = {};
  const overrides: Record<string, unknown> = {};
  for (const f of NPU_PARAM_FIELDS) if (Object.hasOwn(entries, f.key)) raw[f.field] = entries[f.key];
  for (const [key, value] of Object.entries(entries)) {
    if (key.startsWith(CONSTANT_OVERRIDE_PREFIX)) overrides[key.slice(CONSTANT_OVERRIDE_PREFIX.length)] = value;
  }
  raw.constantOverrides = overrides;
  return clampNpuParams(raw);
}

/** Total PEs = tiles × PEs per tile. */
export function countPes(params: NpuParams): number {
  return params.tiles * params.pesPerTile;
}

/** Limits of a user-set CPU-path instruction count (per call of the exact function). */
export const NPU_CPU_INSTRUCTION_LIMITS = { min: 1, max: 1e7 } as const;

/** A CPU instruction count from a form or link: clamped integer, or null when not a finite number. */
export function clampCpuInstructions(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return null;
  return Math.min(NPU_CPU_INSTRUCTION_LIMITS.max, Math.max(NPU_CPU_INSTRUCTION_LIMITS.min, Math.round(n)));
}
