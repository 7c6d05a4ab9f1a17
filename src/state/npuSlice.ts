/**
 * NPU slice of the lab store: the simulated NPU's architecture parameters and edited constants (both go into
 * the share link), the input being animated (a test-sample index, or a point clicked on the Bessel surface),
 * and the playback of the five-stage animation (paper §IV, Fig. 5).
 * The lab view's trained weights are not here: they arrive from the worker in the run slice (state.weights). Compare
 * mode's trained networks are (npuCompareAxnet, npuBaselines): compareSlice.applyCompareProgress stores them and
 * startCompareRuns / clearCompareRuns (reset, config change) clear them.
 */
import type { StateCreator } from 'zustand';
import type { BaselineMethodId } from '../core/methods/registry';
// From the modules themselves, not core/npu's index: the store loads with the first paint, the NPU's schedule with its view.
import { isNpuConstantId } from '../core/npu/constants';
import { DEFAULT_NPU_PARAMS, clampCpuInstructions, clampNpuParams, type NpuParams } from '../core/npu/params';
import type { BaselineNets } from '../core/npu/schedule';
import type { AxnetWeights } from '../core/weights';
import type { LabState } from './store';

export type NpuPlayback = 'playing' | 'paused';

/** Animation speeds, in NPU cycles per wall-clock second. */
export const NPU_SPEEDS: readonly number[] = [1, 3, 10, 30, 100, 300];
export const DEFAULT_NPU_SPEED = 10;

/** Inferences animated to their end in this session (running totals of the energy panel). */
export interface NpuTally {
  inferences: number;
  energyPj: number;
  cycles: number;
  cpuCalls: number;
}

const EMPTY_TALLY: NpuTally = { inferences: 0, energyPj: 0, cycles: 0, cpuCalls: 0 };

type NumericNpuField = Exclude<keyof NpuParams, 'constantOverrides'>;

export interface NpuSlice {
  npuParams: NpuParams;
  /** User-set CPU instructions per call (estimate), or null for the target's table value (cpuCost.ts). */
  npuCpuInstructions: number | null;
  /** Index into the test set of the animated input. */
  npuSample: number;
  /** An input picked on the surface (2-D targets); overrides npuSample while set. */
  npuPoint: number[] | null;
  npuPlayback: NpuPlayback;
  /** Cycles per second. */
  npuSpeed: number;
  /** Animation cursor: NPU cycles into the current inference (fractional while playing). */
  npuCycle: number;
  /** PE whose internals (Fig. 5b) are shown, or null. */
  npuSelectedPe: number | null;
  npuTally: NpuTally;
  /** Compare mode: trained baseline nets (onepass / iterative) to compare energy-efficiency gains with (Fig. 10b). */
  npuBaselines: Partial<Record<BaselineMethodId, BaselineNets>>;
  /** Compare mode: AXNet from the axnet worker and its step; the NPU view runs it when the lab view has no weights. */
  npuCompareAxnet: { weights: AxnetWeights; step: number } | null;
  /** Sets one architecture field; the value is clamped (clampNpuParams). */
  setNpuParam: (field: NumericNpuField, value: unknown) => void;
  /** Sets an edited constant (in its unit); null or the default value removes the edit. */
  setNpuConstant: (id: string, value: number | null) => void;
  setNpuCpuInstructions: (instructions: number | null) => void;
  /** From a link: replaces params and CPU instruction count (both validated by parseLink). */
  replaceNpuParams: (params: NpuParams, cpuInstructions: number | null) => void;
  resetNpuParams: () => void;
  selectNpuSample: (index: number) => void;
  pickNpuPoint: (point: readonly number[] | null) => void;
  setNpuPlayback: (playback: NpuPlayback) => void;
  setNpuSpeed: (speed: number) => void;
  setNpuCycle: (cycle: number) => void;
  selectNpuPe: (pe: number | null) => void;
  recordNpuInference: (energyPj: number, cycles: number, cpu: boolean) => void;
  setNpuBaseline: (id: BaselineMethodId, nets: BaselineNets | null) => void;
}

export const createNpuSlice: StateCreator<LabState, [], [], NpuSlice> = (set) => ({
  npuParams: clampNpuParams(DEFAULT_NPU_PARAMS),
  npuCpuInstructions: null,
  npuSample: 0,
  npuPoint: null,
  npuPlayback: 'paused',
  npuSpeed: DEFAULT_NPU_SPEED,
  npuCycle: 0,
  npuSelectedPe: null,
  npuTally: EMPTY_TALLY,
  npuBaselines: {},
  npuCompareAxnet: null,
  setNpuParam: (field, value) =>
    set((state) => {
      const next = clampNpuParams({ ...state.npuParams, [field]: value });
      return next[field] === state.npuParams[field] ? {} : { npuParams: next };
    }),
  setNpuConstant: (id, value) =>
    set((state) => {
      if (!isNpuConstantId(id)) return {};
      const overrides = { ...state.npuParams.constantOverrides };
      if (value === null || !Number.isFinite(value)) delete overrides[id];
      else overrides[id] = value;
      return { npuParams: clampNpuParams({ ...state.npuParams, constantOverrides: overrides }) };
    }),
  setNpuCpuInstructions: (instructions) => set({ npuCpuInstructions: instructions === null ? null : clampCpuInstructions(instructions) }),
  replaceNpuParams: (params, cpuInstructions) => set({ npuParams: clampNpuParams(params), npuCpuInstructions: clampCpuInstructions(cpuInstructions) }),
  resetNpuParams: () => set({ npuParams: clampNpuParams(DEFAULT_NPU_PARAMS), npuCpuInstructions: null }),
  selectNpuSample: (index) => set({ npuSample: Number.isFinite(index) ? Math.max(0, Math.floor(index)) : 0, npuPoint: null, npuCycle: 0, npuPlayback: 'paused' }),
  pickNpuPoint: (point) => set({ npuPoint: point?.every(Number.isFinite) ? [...point] : null, npuCycle: 0, npuPlayback: 'paused' }),
  setNpuPlayback: (npuPlayback) => set({ npuPlayback }),
  setNpuSpeed: (speed) => set({ npuSpeed: Number.isFinite(speed) && speed > 0 ? speed : DEFAULT_NPU_SPEED }),
  setNpuCycle: (cycle) => set({ npuCycle: Number.isFinite(cycle) && cycle > 0 ? cycle : 0 }),
  selectNpuPe: (npuSelectedPe) => set({ npuSelectedPe }),
  recordNpuInference: (energyPj, cycles, cpu) =>
    set((state) => ({
      npuTally: {
        inferences: state.npuTally.inferences + 1,
        energyPj: state.npuTally.energyPj + energyPj,
        cycles: state.npuTally.cycles + cycles,
        cpuCalls: state.npuTally.cpuCalls + (cpu ? 1 : 0),
      },
    })),
  setNpuBaseline: (id, nets) =>
    set((state) => {
      const next = { ...state.npuBaselines };
      if (nets) next[id] = nets;
      else delete next[id];
      return { npuBaselines: next };
    }),
});
