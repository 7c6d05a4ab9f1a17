/**
 * Per-operation energies of the NPU model, resolved from the cited constants (constants.ts) for one
 * NpuParams (word width, number format, memory size, edited constants). Each rate keeps the constants it
 * came from, so the UI can show their citations.
 */
import { priceDrumMultiply, priceWeightRead } from '../approx/energy';
import { readNpuHardware } from '../approx/npuHardware';
import { pickSramConstant, resolveNpuConstant, type NpuConstantId, type ResolvedNpuConstant } from './constants';
import type { NpuParams } from './params';

export type EnergyComponentId = 'mac' | 'activation' | 'activationLut' | 'hadamard' | 'weightBuffer' | 'ioBuffers' | 'onChipMemory' | 'bus' | 'dram' | 'controller' | 'cpu';

export const ENERGY_COMPONENT_IDS: readonly EnergyComponentId[] = [
  'mac',
  'activation',
  'activationLut',
  'hadamard',
  'weightBuffer',
  'ioBuffers',
  'onChipMemory',
  'bus',
  'dram',
  'controller',
  'cpu',
];

export interface EnergyRate {
  id: EnergyComponentId;
  label: string;
  /** Energy of one unit (one MAC, one word access, one instruction …), pJ. */
  pjPerUnit: number;
  /** What one unit is, e.g. 'MAC', 'word access'. */
  unit: string;
  /** How pjPerUnit follows from the sources, e.g. '10 pJ × 16/64'. */
  formula: string;
  sources: ResolvedNpuConstant[];
}

export type EnergyRates = Readonly<Record<EnergyComponentId, EnergyRate>>;

type Format = `${NpuParams['numberFormat']}${NpuParams['wordBits']}`;

const MAC_SOURCES: Record<Format, NpuConstantId[]> = {
  fixed16: ['eyerissMac'],
  fixed32: ['intMult32', 'intAdd32'],
  float16: ['fpMult16', 'fpAdd16'],
  float32: ['fpMult32', 'fpAdd32'],
};
const ADD_SOURCE: Record<Format, NpuConstantId> = { fixed16: 'intAdd16', fixed32: 'intAdd32', float16: 'fpAdd16', float32: 'fpAdd32' };
const MULT_SOURCE: Record<Format, NpuConstantId> = { fixed16: 'intMult16', fixed32: 'intMult32', float16: 'fpMult16', float32: 'fpMult32' };

/**
 * Energies per unit for `params`:
 * - MAC: fixed16 → Eyeriss MAC (2 pJ); otherwise Horowitz mult + add at the format;
 * - activation (bias add + ReLU, one per neuron): one add at the format (ReLU is a sign test, taken as free);
 * - sigmoid / tanh lookup (one per sigmoid or tanh neuron, after the bias add): one read of the MICRO 2012 sigmoid
 *   table, priced as the Horowitz SRAM row for the table's size (entries × wordBits) × wordBits/64 [estimate];
 * - ⊙c multiply: one mult at the format;
 * - PE weight buffer: Eyeriss register file, pJ/16 bit × wordBits/16;
 * - I/O buffers (≤ 8 KB): Horowitz SRAM 8 KB, pJ/64 bit × wordBits/64;
 * - on-chip memory: Horowitz SRAM row for its size × wordBits/64;
 * - bus: Eyeriss PE-array hop, pJ/16 bit × wordBits/16, per word moved;
 * - DRAM: Eyeriss DRAM, pJ/16 bit × wordBits/16 (only when the weights do not fit on chip);
 * - controller: one 32-bit compare ≈ one int add;
 * - CPU: pJ per instruction.
 * Writes are charged like reads.
 * The hardware model (params.hardware, issue 9 §5) changes two of these rates, all estimates:
 * - DRUM-k: the MAC's multiplier becomes a 16-bit DRUM-k, E_MAC = E_MAC,exact − E_mult + E_DRUM(k) with
 *   E_DRUM(k) = E_mult16 · ((k/16)² + o) (priceDrumMultiply); when the MAC is priced as mult + add, the add stays.
 *   The ⊙c multiply stays exact, as in the accuracy model (src/core/approx/axnetOnHardware.ts);
 * - NTV at V: the PE weight buffer (where every MAC reads its weight) runs at V, its rate × (V / V_nom)^n, the
 *   voltage factor of priceWeightRead (the buffer is priced as Eyeriss' register file, so only the factor carries
 *   over; the SRAM row of priceWeightRead is not used). On-chip memory and DRAM stay at nominal voltage.
 */
export function resolveEnergyRates(params: NpuParams): EnergyRates {
  const format = `${params.numberFormat}${params.wordBits}` as Format;
  const c = (id: NpuConstantId) => resolveNpuConstant(id, params.constantOverrides);
  const w16 = params.wordBits / 16;
  const w64 = params.wordBits / 64;
  const macSources = MAC_SOURCES[format].map(c);
  const add = c(ADD_SOURCE[format]);
  const mult = c(MULT_SOURCE[format]);
  const rf = c('eyerissRegisterFile');
  const sram8 = c('sramRead8KB');
  const onChip = c(pickSramConstant((params.onChipMemoryWords * params.wordBits) / 8));
  const hop = c('eyerissArrayHop');
  const dram = c('eyerissDram');
  const compare = c('intAdd32');
  const lutEntries = c('micro2012SigmoidTableEntries');
  const lutCycles = c('activationLutCycles');
  const lutSram = c(pickSramConstant((lutEntries.value * params.wordBits) / 8));
  const epi = c('cpuEnergyPerInstruction');
  const hardware = readNpuHardware(params.hardware);
  const rate = (id: EnergyComponentId, label: string, pjPerUnit: number, unit: string, formula: string, sources: ResolvedNpuConstant[]): EnergyRate => ({
    id,
    label,
    pjPerUnit,
    unit,
    formula,
    sources,
  });
  let mac = rate(
    'mac',
    'MAC',
    macSources.reduce((s, k) => s + k.value, 0),
    'MAC',
    macSources.map((k) => `${k.value} pJ`).join(' + '),
    macSources,
  );
  if (hardware.kind === 'drum') {
    // E_MAC = E_MAC,exact − E_mult + E_DRUM(k)  [estimate]; with a mult + add MAC the mult is simply replaced.
    const drum = priceDrumMultiply(hardware.k, params.constantOverrides);
    const rest = macSources.filter((k) => k.id !== mult.id);
    const restPj = rest.reduce((sum, k) => sum + k.value, 0);
    const replaced = rest.length < macSources.length;
    const pj = (replaced ? restPj : Math.max(restPj - mult.value, 0)) + drum.pj;
    const exactPart = replaced ? rest.map((k) => `${k.value} pJ + `).join('') : `${restPj} pJ − ${mult.value} pJ + `;
    const sources = [...macSources, mult, ...drum.sources].filter((k, i, all) => all.findIndex((other) => other.id === k.id) === i);
    mac = rate('mac', `MAC (DRUM-${hardware.k} multiply)`, pj, 'MAC', `${exactPart}${drum.formula}`, sources);
  }
  let weightBuffer = rate('weightBuffer', 'PE weight buffer', rf.value * w16, 'word access', `${rf.value} pJ × ${params.wordBits}/16`, [rf]);
  if (hardware.kind === 'ntv') {
    // E_read(V) = E_read · (V / V_nom)^n  [estimate]: the voltage factor 1 − saving of priceWeightRead.
    const voltageV = hardware.voltageMv / 1000;
    const price = priceWeightRead({ voltageV, wordBits: params.wordBits, memoryBytes: (params.peWeightBufferWords * params.wordBits) / 8, overrides: params.constantOverrides });
    const [, nominal, exponent] = price.sources;
    weightBuffer = rate(
      'weightBuffer',
      `PE weight buffer (NTV ${hardware.voltageMv} mV)`,
      rf.value * w16 * (1 - price.saving),
      'word access',
      `${rf.value} pJ × ${params.wordBits}/16 × (${voltageV} V / ${nominal.value} V)^${exponent.value}`,
      [rf, nominal, exponent],
    );
  }
  return {
    mac,
    activation: rate('activation', 'activate (bias add + ReLU)', add.value, 'neuron', `${add.value} pJ`, [add]),
    activationLut: rate(
      'activationLut',
      'sigmoid / tanh lookup',
      lutSram.value * w64,
      'table read',
      `${lutSram.value} pJ × ${params.wordBits}/64 (${lutEntries.value}-entry table)`,
      [lutCycles, lutEntries, lutSram],
    ),
    hadamard: rate('hadamard', '⊙c multiply', mult.value, 'multiply', `${mult.value} pJ`, [mult]),
    weightBuffer,
    ioBuffers: rate('ioBuffers', 'input/output buffers', sram8.value * w64, 'word access', `${sram8.value} pJ × ${params.wordBits}/64`, [sram8]),
    onChipMemory: rate('onChipMemory', 'on-chip memory', onChip.value * w64, 'word access', `${onChip.value} pJ × ${params.wordBits}/64`, [onChip]),
    bus: rate('bus', 'data bus', hop.value * w16, 'word moved', `${hop.value} pJ × ${params.wordBits}/16`, [hop]),
    dram: rate('dram', 'DRAM', dram.value * w16, 'word access', `${dram.value} pJ × ${params.wordBits}/16`, [dram]),
    controller: rate('controller', 'controller', compare.value, 'decision', `${compare.value} pJ`, [compare]),
    cpu: rate('cpu', 'CPU path', epi.value, 'instruction', `${epi.value} pJ`, [epi]),
  };
}
