/**
 * Energy and clock constants of the NPU model, each with its source and how sure we are of it.
 * Sources: /work/shared/reference §4 (Horowitz ISSCC 2014; Eyeriss via nn_dataflow; MICRO 2012 NPU)
 * and the NAS paper §IV (Eyeriss at 1 GHz against a 3.4 GHz Penryn CPU).
 *
 * status:
 * - verified: checked against data or a second source;
 * - paper: stated in a seed paper;
 * - unverified: best available, to be confirmed;
 * - estimate: the lab's own assumption, stated in the citation.
 */

export type NpuConstantStatus = 'verified' | 'paper' | 'unverified' | 'estimate';

export interface NpuConstant {
  /** Short name for tables. */
  label: string;
  value: number;
  unit: string;
  /** Short text shown in the UI. */
  citation: string;
  status: NpuConstantStatus;
}

const HOROWITZ = 'Horowitz, ISSCC 2014, 45 nm';
const EYERISS = 'Eyeriss ISSCC 2016 chip, via nn_dataflow (pJ per 16-bit access)';
const EYERISS_REL = 'Eyeriss relative cost, via nn_dataflow (× one MAC)';
const MICRO12 = 'Esmaeilzadeh et al., MICRO 2012 NPU';

export const NPU_CONSTANTS = {
  // Arithmetic, Horowitz ISSCC 2014, 45 nm (verified rows of reference §4).
  intAdd8: { label: 'int add, 8 bit', value: 0.03, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },
  intAdd16: { label: 'int add, 16 bit', value: 0.05, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },
  intAdd32: { label: 'int add, 32 bit', value: 0.1, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },
  intMult8: { label: 'int mult, 8 bit', value: 0.2, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },
  intMult16: {
    label: 'int mult, 16 bit',
    value: 0.8,
    unit: 'pJ',
    citation: 'Lab estimate: Horowitz has no 16-bit int mult; multiplier energy ∝ bits², 0.2 pJ × (16/8)² (the same rule gives 3.2 ≈ 3.1 pJ at 32 bit)',
    status: 'estimate',
  },
  intMult32: { label: 'int mult, 32 bit', value: 3.1, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },
  fpAdd16: { label: 'FP add, 16 bit', value: 0.4, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },
  fpAdd32: { label: 'FP add, 32 bit', value: 0.9, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },
  fpMult16: { label: 'FP mult, 16 bit', value: 1.1, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },
  fpMult32: { label: 'FP mult, 32 bit', value: 3.7, unit: 'pJ', citation: `${HOROWITZ} — verified`, status: 'verified' },

  // Memory, Horowitz ISSCC 2014, 45 nm: pJ per 64-bit read.
  sramRead8KB: { label: 'SRAM read 64 bit, 8 KB', value: 10, unit: 'pJ / 64 bit', citation: `${HOROWITZ} — verified`, status: 'verified' },
  sramRead32KB: { label: 'SRAM read 64 bit, 32 KB', value: 20, unit: 'pJ / 64 bit', citation: `${HOROWITZ} — unverified`, status: 'unverified' },
  sramRead1MB: { label: 'SRAM read 64 bit, 1 MB', value: 100, unit: 'pJ / 64 bit', citation: `${HOROWITZ} — unverified`, status: 'unverified' },
  dramAccess64: {
    label: 'DRAM access 64 bit',
    value: 1950,
    unit: 'pJ / 64 bit',
    citation: `${HOROWITZ}: 1300–2600 pJ, midpoint taken — unverified`,
    status: 'unverified',
  },

  // Eyeriss absolute costs, pJ per 16-bit access.
  eyerissMac: { label: 'Eyeriss MAC, 16 bit', value: 2, unit: 'pJ', citation: `${EYERISS} — unverified`, status: 'unverified' },
  eyerissRegisterFile: { label: 'Eyeriss register file', value: 1, unit: 'pJ / 16 bit', citation: `${EYERISS} — unverified`, status: 'unverified' },
  eyerissArrayHop: { label: 'Eyeriss PE-array hop', value: 4, unit: 'pJ / 16 bit', citation: `${EYERISS} — unverified`, status: 'unverified' },
  eyerissGlobalBuffer: { label: 'Eyeriss global buffer', value: 15, unit: 'pJ / 16 bit', citation: `${EYERISS} — unverified`, status: 'unverified' },
  eyerissDram: { label: 'Eyeriss DRAM', value: 460, unit: 'pJ / 16 bit', citation: `${EYERISS} — unverified`, status: 'unverified' },

  // Eyeriss relative costs (shown for comparison; the model uses the absolute ones).
  eyerissRelativeMac: { label: 'Eyeriss relative: MAC', value: 1, unit: '× MAC', citation: `${EYERISS_REL} — unverified`, status: 'unverified' },
  eyerissRelativeRegisterFile: { label: 'Eyeriss relative: register file', value: 1, unit: '× MAC', citation: `${EYERISS_REL} — unverified`, status: 'unverified' },
  eyerissRelativeArrayHop: { label: 'Eyeriss relative: PE-array hop', value: 2, unit: '× MAC', citation: `${EYERISS_REL} — unverified`, status: 'unverified' },
  eyerissRelativeGlobalBuffer: { label: 'Eyeriss relative: global buffer', value: 6, unit: '× MAC', citation: `${EYERISS_REL} — unverified`, status: 'unverified' },
  eyerissRelativeDram: { label: 'Eyeriss relative: DRAM', value: 200, unit: '× MAC', citation: `${EYERISS_REL} — unverified`, status: 'unverified' },

  // Clocks and the CPU path.
  npuClockHz: { label: 'NPU clock', value: 1e9, unit: 'Hz', citation: 'NAS paper §IV: Eyeriss NPU at 1 GHz — paper', status: 'paper' },
  cpuClockHz: { label: 'CPU clock (Penryn)', value: 3.4e9, unit: 'Hz', citation: 'NAS paper §IV: Penryn core at 3.4 GHz (MARSSx86 + McPAT) — paper', status: 'paper' },
  cpuEnergyPerInstruction: {
    label: 'CPU energy per instruction',
    value: 70,
    unit: 'pJ / instruction',
    citation:
      'Horowitz, ISSCC 2014 keynote: ≈70 pJ per instruction on a simple 45 nm core (the add itself ≈0.1 pJ) — unverified; a 3.4 GHz out-of-order Penryn likely spends more, so CPU costs are a low estimate',
    status: 'unverified',
  },
  cpuCyclesPerInstruction: {
    label: 'CPU cycles per instruction',
    value: 1,
    unit: 'cycles / instruction',
    citation: 'Lab estimate: CPI 1 on the 4-wide Penryn (libm calls have long dependency chains)',
    status: 'estimate',
  },

  // MICRO 2012 NPU facts (defaults of the architecture parameters).
  micro2012PesPerNpu: { label: 'MICRO 2012 NPU: PEs', value: 8, unit: 'PEs', citation: `${MICRO12}: 8 PEs — paper`, status: 'paper' },
  micro2012WeightBufferEntries: {
    label: 'MICRO 2012 NPU: weight buffer per PE',
    value: 512,
    unit: 'entries',
    citation: `${MICRO12}, secondary sources — unverified`,
    status: 'unverified',
  },
  micro2012SigmoidTableEntries: {
    label: 'MICRO 2012 NPU: sigmoid table per PE',
    value: 2048,
    unit: 'entries',
    citation: `${MICRO12}, secondary sources — unverified`,
    status: 'unverified',
  },
  activationLutCycles: {
    label: 'sigmoid / tanh lookup, cycles per neuron',
    value: 1,
    unit: 'cycles / neuron',
    citation: `${MICRO12}: each PE computes its sigmoid by a lookup table (micro2012SigmoidTableEntries). Lab estimate: one table read takes 1 cycle after the bias add and is one SRAM access of the table's size per neuron (its energy: the SRAM row of that size, resolveEnergyRates); tanh(z) = 2σ(2z) − 1 reads the same table (the shift and subtract are taken as free); ReLU stays a free sign test — estimate`,
    status: 'estimate',
  },
  micro2012FifoEntries: { label: 'MICRO 2012 NPU: I/O FIFO depth', value: 128, unit: 'entries', citation: `${MICRO12}, secondary sources — unverified`, status: 'unverified' },
  micro2012FifoBits: { label: 'MICRO 2012 NPU: I/O FIFO width', value: 32, unit: 'bit', citation: `${MICRO12}, secondary sources — unverified`, status: 'unverified' },
  micro2012Speedup: { label: 'MICRO 2012 NPU: mean speedup', value: 2.3, unit: '×', citation: `${MICRO12}, abstract — verified`, status: 'verified' },
  micro2012EnergySaving: { label: 'MICRO 2012 NPU: mean energy saving', value: 3.0, unit: '×', citation: `${MICRO12}, abstract — verified`, status: 'verified' },

  // AxTrain's approximate hardware (reference axtrain-nas.md A.4.1, A.4.2; priced in src/core/approx/energy.ts).
  drumOverheadFraction: {
    label: 'DRUM-k overhead (LOD, mux, shifter)',
    // o = midpoint of 1 − 0.54 − (8/16)² (54 % saved at k = 8) and 1 − 0.80 − (4/16)² (80 % saved at k = 4).
    value: (1 - 0.54 - (8 / 16) ** 2 + (1 - 0.8 - (4 / 16) ** 2)) / 2,
    unit: '× int mult, 16 bit',
    citation:
      'Lab estimate: E_mult(k) = E_mult16 · ((k/16)² + o), the k×k core ∝ k² plus a fixed overhead o. The DRUM abstract (Hashemi et al., ICCAD 2015) gives 54–80 % power saved against an exact 16-bit multiplier (per-k values unverified; which k the range spans is unverified, taken as k = 8…4). No single o fits both ends (54 % at k = 8 needs o = 0.21, 80 % at k = 4 needs 0.1375); their midpoint 0.174 gives 57.6 % (k = 8) … 76.4 % (k = 4), 3.6 pp inside each end — estimate',
    status: 'estimate',
  },
  sramNominalVoltage: {
    label: 'SRAM nominal supply',
    value: 1.1,
    unit: 'V',
    citation: 'AxTrain §4: SRAM is reliable "at nominal voltage levels (e.g., 1.1V)" — paper',
    status: 'paper',
  },
  sramVoltageEnergyExponent: {
    label: 'SRAM read energy vs supply, exponent',
    value: 2,
    unit: 'E ∝ (V / V_nom)^n',
    citation: 'Lab estimate: dynamic energy ∝ C·V² (AxTrain used CACTI-P, not available here); leakage ignored, so 0.597 at 0.85 V, 0.360 at 0.66 V, 0.132 at 0.40 V — estimate',
    status: 'estimate',
  },
} as const satisfies Record<string, NpuConstant>;

export type NpuConstantId = keyof typeof NPU_CONSTANTS;

export const NPU_CONSTANT_IDS = Object.keys(NPU_CONSTANTS) as NpuConstantId[];

/** True if `id` names a constant (safe against prototype keys). */
export function isNpuConstantId(id: string): id is NpuConstantId {
  return Object.hasOwn(NPU_CONSTANTS, id);
}

/** A constant as used by one run: its value after the user's edits. */
export interface ResolvedNpuConstant extends NpuConstant {
  id: NpuConstantId;
  /** The table's value before edits. */
  defaultValue: number;
  edited: boolean;
}

/** The constant `id` with `overrides[id]` applied (a finite value ≥ 0 replaces the default). */
export function resolveNpuConstant(id: NpuConstantId, overrides?: Partial<Record<NpuConstantId, number>>): ResolvedNpuConstant {
  const base: NpuConstant = NPU_CONSTANTS[id];
  const override = overrides?.[id];
  const edited = override !== undefined && Number.isFinite(override) && override >= 0 && override !== base.value;
  return { ...base, id, defaultValue: base.value, value: edited ? override : base.value, edited };
}

/** The SRAM row of reference §4 for a memory of `bytes`: the smallest listed size ≥ bytes (8 KB, 32 KB, 1 MB). */
export function pickSramConstant(bytes: number): NpuConstantId {
  if (bytes <= 8 * 1024) return 'sramRead8KB';
  if (bytes <= 32 * 1024) return 'sramRead32KB';
  return 'sramRead1MB';
}
