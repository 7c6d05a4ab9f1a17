/**
 * Cycle and energy model of one inference on the AXNet NPU (paper §IV, Fig. 5).
 *
 * Five stages, run one after the other (no overlap between stages or transfers):
 *   1. fetch x (on-chip memory → input buffer) and run the predictor → [c(1)…c(l), z_unsafe, z_safe];
 *   2. write P(x) and c to on-chip memory;
 *   3. the controller reads the two logits and invokes the approximator (z_safe > z_unsafe) or the CPU;
 *   4. the approximator: a(i+1) = ReLU(a(i)·W(i) + b(i)) ⊙ c(i), ⊙ by the PE's multiplier after activate (Algorithm 1
 *      line 9, the §IV PE, the authors' code; the default), or, with controlPlacement 'insideActivation' (eq. 4 as
 *      printed), a(i+1) = ReLU((a(i)·W(i)) ⊙ c(i) + b(i)): the multiplier then scales the dot product before the bias;
 *   5. write H(x) to on-chip memory.
 * When P(x) says unsafe, the CPU runs the exact function after stage 3, and stages 4–5 take 0 cycles.
 * A lone approximator (scheduleApproximatorOnly: the NAS candidates of DATE'20, no predictor, no controller) has no
 * stages 1–3 (0 cycles each): every invocation runs stages 4–5, with each hidden layer's own activation.
 *
 * Timing (cycles at params.clockHz):
 * - neuron-level parallelism: neuron j of a layer runs on PE (j mod P), P = tiles × pesPerTile, in wave ⌊j / P⌋;
 * - a neuron takes fanIn MAC cycles + 1 activate cycle (+1 for ⊙c in the AXNet approximator's hidden layers;
 *   + activationLutCycles for a sigmoid or tanh neuron, a read of the MICRO'12 sigmoid table [estimate]);
 *   a layer takes ceil(width / P) × that;
 * - a bus transfer of n words takes ceil(n · wordBits / busWidthBits) cycles;
 * - between layers the outputs go output buffer → input buffer (resident weights) or through on-chip memory
 *   (layer-by-layer scheduling);
 * - weights are resident (loaded once, not charged per inference) when every PE's share of both nets fits its
 *   weight buffer; otherwise each layer's weights are reloaded from on-chip memory (or DRAM if they do not fit there).
 * Accesses: each MAC reads one weight (plus one bias read per neuron) from the PE weight buffer and one input
 * word from the tile's input buffer, broadcast to the tile's PEs (fanIn reads per tile and wave).
 */
import type { ControlPlacement } from '../config';
import {
  computeDenseLayer,
  computeDenseProduct,
  computeSoftmaxSafe,
  getControlWidths,
  getFusedLayers,
  validateAxnetParams,
  type AxnetParams,
  type DenseLayerParams,
} from '../axnetMath';
import type { CpuPathCost } from './cpuCost';
import { ENERGY_COMPONENT_IDS, resolveEnergyRates, type EnergyComponentId, type EnergyRates } from './energy';
import { resolveNpuConstant, type ResolvedNpuConstant } from './constants';
import { countPes, type NpuParams } from './params';

export type NpuNetName = 'predictor' | 'approximator';
/**
 * A hidden layer's activation on the PE: ReLU (a sign test, free), or sigmoid / tanh by a lookup of the MICRO'12
 * sigmoid table (constants.ts activationLutCycles: 1 cycle + one table read per neuron, estimate). Output layers
 * are linear.
 */
export type NpuHiddenActivation = 'relu' | 'sigmoid' | 'tanh';
export type NpuActivation = NpuHiddenActivation | 'linear';
export type NpuLocation = 'onChipMemory' | 'inputBuffer' | 'outputBuffer' | 'weightBuffers' | 'controller' | 'dram';
export type NpuPayload = 'input' | 'weights' | 'activations' | 'control' | 'prediction' | 'output';
export type NpuStageId = 1 | 2 | 3 | 4 | 5;

export type NpuEvent =
  | {
      type: 'transfer';
      startCycle: number;
      cycles: number;
      from: NpuLocation;
      to: NpuLocation;
      words: number;
      payload: NpuPayload;
      /** The layer the words belong to (weights, activations), else null. */
      net: NpuNetName | null;
      layer: number | null;
    }
  | {
      /** One neuron on one PE: fanIn MACs, activate, optional ⊙c. */
      type: 'neuron';
      startCycle: number;
      cycles: number;
      net: NpuNetName;
      layer: number;
      neuron: number;
      wave: number;
      /** Global PE index (0 … tiles·pesPerTile − 1) and its tile. */
      pe: number;
      tile: number;
      macs: number;
      /** Σ x·w: the dot product in the temporary register, before the bias. */
      dot: number;
      /** What the activate unit takes: a·W + b, or (a·W)·c + b with ⊙c inside the activation (eq. 4 as printed). */
      preActivation: number;
      /** After the layer's activation: ReLU, sigmoid or tanh (hidden layers), identity (output layers). */
      activation: number;
      /** c_j for the ⊙c multiply (after activate, or before the bias with ⊙c inside the activation), else null. */
      control: number | null;
      /** What the PE writes to its output register. */
      value: number;
    }
  | { type: 'decide'; startCycle: number; cycles: number; safe: boolean; safeProbability: number; logits: [number, number] }
  | { type: 'cpu'; startCycle: number; cycles: number; instructions: number; cpuCycles: number };

export interface NpuStage {
  id: NpuStageId;
  name: string;
  startCycle: number;
  cycles: number;
  events: NpuEvent[];
}

export interface NpuCounts {
  macs: number;
  /** Activate steps (bias add + ReLU/identity), one per neuron computed. */
  activations: number;
  /** Sigmoid-table reads, one per sigmoid or tanh neuron (0 for ReLU nets). */
  activationLutReads: number;
  hadamardMultiplies: number;
  weightBufferReads: number;
  weightBufferWrites: number;
  inputBufferReads: number;
  inputBufferWrites: number;
  outputBufferReads: number;
  outputBufferWrites: number;
  onChipReads: number;
  onChipWrites: number;
  dramReads: number;
  busWords: number;
  busCycles: number;
  busTransfers: number;
  controllerDecisions: number;
  cpuInstructions: number;
  /** Σ over neurons of the cycles its PE was busy. */
  busyPeCycles: number;
}

export interface EnergyComponent {
  id: EnergyComponentId;
  label: string;
  /** Units charged (MACs, word accesses, instructions …). */
  count: number;
  unit: string;
  pjPerUnit: number;
  /** count × pjPerUnit, pJ. */
  pj: number;
  formula: string;
  sources: ResolvedNpuConstant[];
}

export interface NpuLayerPlan {
  net: NpuNetName;
  layer: number;
  fanIn: number;
  fanOut: number;
  waves: number;
  /** Cycles of one neuron: fanIn + 1 (+1 with ⊙c, + the lookup's cycles for sigmoid / tanh). */
  neuronCycles: number;
  hadamard: boolean;
  /** activation === 'relu'. */
  relu: boolean;
  activation: NpuActivation;
}

export interface NpuForward {
  /** Predictor's (or classifier's) last layer: [c(1)…c(l), z_unsafe, z_safe]. */
  predictorOutput: Float64Array;
  logits: [number, number];
  /** P(safe | x) = softmax(z)[1]. */
  safeProbability: number;
  /** z_safe > z_unsafe (ties → unsafe, as argmax). */
  predictedSafe: boolean;
  /** c(1..l); empty for the baselines. */
  controls: Float64Array[];
  /** H(x) when the approximator ran, else null. */
  approximatorOutput: Float64Array | null;
}

export interface NpuCpuRun {
  startCycle: number;
  /** CPU latency in NPU cycles: ceil(cpuCycles · clockHz / cpuClockHz). */
  cycles: number;
  cpuCycles: number;
  instructions: number;
  cost: CpuPathCost;
}

export interface NpuInferenceSchedule {
  /** 'approximator': a lone approximator (scheduleApproximatorOnly), no predictor and no controller. */
  kind: 'axnet' | 'baseline' | 'approximator';
  forward: NpuForward;
  /** What the controller invoked in stage 3 (after options.decision, if any). */
  invoked: 'approximator' | 'cpu';
  stages: [NpuStage, NpuStage, NpuStage, NpuStage, NpuStage];
  cpu: NpuCpuRun | null;
  layers: NpuLayerPlan[];
  /** True when the nets do not fit the PE weight buffers and weights are reloaded per layer. */
  layerByLayer: boolean;
  /** True when, in addition, the weights do not fit on-chip memory and come from DRAM. */
  weightsFromDram: boolean;
  /** Largest PE share of the weights (words) against its buffer. */
  peWeightWords: number;
  counts: NpuCounts;
  energy: { components: EnergyComponent[]; totalPj: number };
  cycles: { npu: number; cpu: number; total: number };
  /** total cycles / clockHz, seconds. */
  seconds: number;
  /** busyPeCycles / (PEs × npu cycles) ∈ (0, 1]. */
  utilization: number;
  /** totalPj / MACs (Timeloop's pJ per compute); NaN without MACs. */
  pjPerMac: number;
  /** `${cycles} cycles · ${pJ/MAC} pJ/MAC · ${util}% util · ${energy} pJ/inference`. */
  summary: string;
  /** Capacity problems found (input wider than the input buffer, …); the model still runs. */
  warnings: string[];
}

export interface ScheduleOptions {
  cpuCost: CpuPathCost;
  /** Forces the controller's decision (e.g. decisions taken by the tf model); default: the predictor's. */
  decision?: 'safe' | 'unsafe';
}

/** The approximator + classifier pair of the onepass / iterative baselines (no ⊙c). */
export interface BaselineNets {
  approximator: readonly DenseLayerParams[];
  /** Plain ReLU MLP ending in 2 logits [z_unsafe, z_safe]. */
  classifier: readonly DenseLayerParams[];
}

interface Plan {
  kind: NpuInferenceSchedule['kind'];
  /** null: a lone approximator (no stages 1–3; every input is approximated). */
  predictor: readonly DenseLayerParams[] | null;
  approximator: readonly DenseLayerParams[];
  /** The approximator's hidden activations, one per hidden layer (AXNet and the baselines: all ReLU). */
  approximatorActivations: readonly NpuHiddenActivation[];
  /** Approximator hidden layers that receive a control vector, in the predictor's output order (§III-D). */
  fusedLayers: number[];
  controlWidths: number[];
  /** P(x) as 2 softmax logits [z_unsafe, z_safe] or 1 sigmoid unit (eq. 3). */
  predictionOutput: 'softmax' | 'sigmoid';
  /** Where the PE applies ⊙c(i): after activate (§IV) or on the dot product before the bias (eq. 4 as printed). */
  controlPlacement: ControlPlacement;
}

const STAGE_NAMES: Record<NpuStageId, string> = {
  1: 'fetch x and weights, predictor forward',
  2: 'write P(x) and c to on-chip memory',
  3: 'controller reads P(x), invokes approximator or CPU',
  4: 'approximator forward (⊙c after activate)',
  5: 'write result to on-chip memory',
};

/** Stage 4's name with ⊙c inside the activation (eq. 4 as printed). */
const INSIDE_STAGE_4_NAME = 'approximator forward (⊙c before bias and activate)';

function makeCounts(): NpuCounts {
  return {
    macs: 0,
    activations: 0,
    activationLutReads: 0,
    hadamardMultiplies: 0,
    weightBufferReads: 0,
    weightBufferWrites: 0,
    inputBufferReads: 0,
    inputBufferWrites: 0,
    outputBufferReads: 0,
    outputBufferWrites: 0,
    onChipReads: 0,
    onChipWrites: 0,
    dramReads: 0,
    busWords: 0,
    busCycles: 0,
    busTransfers: 0,
    controllerDecisions: 0,
    cpuInstructions: 0,
    busyPeCycles: 0,
  };
}

/** Words of a layer's weights and biases: fanIn·fanOut + fanOut. */
function countLayerWords(layer: DenseLayerParams): number {
  return layer.fanIn * layer.fanOut + layer.fanOut;
}

/** Largest per-PE share of the weights when all layers stay resident: Σ ceil(fanOut / P)·(fanIn + 1). */
export function countPeWeightWords(layers: readonly DenseLayerParams[], totalPes: number): number {
  return layers.reduce((sum, l) => sum + Math.ceil(l.fanOut / totalPes) * (l.fanIn + 1), 0);
}

class Scheduler {
  readonly counts = makeCounts();
  readonly warnings: string[] = [];
  readonly layers: NpuLayerPlan[] = [];
  cycle = 0;
  events: NpuEvent[] = [];
  readonly totalPes: number;
  /** Cycles of one sigmoid-table read (constants.ts activationLutCycles). */
  readonly lutCycles: number;

  constructor(
    readonly params: NpuParams,
    readonly layerByLayer: boolean,
    readonly weightsFromDram: boolean,
    readonly controlPlacement: ControlPlacement,
  ) {
    this.totalPes = countPes(params);
    this.lutCycles = resolveNpuConstant('activationLutCycles', params.constantOverrides).value;
  }

  /** Tiles holding at least one neuron of a layer `width` wide. */
  countTilesUsed(width: number): number {
    return Math.max(1, Math.min(this.params.tiles, Math.ceil(Math.min(width, this.totalPes) / this.params.pesPerTile)));
  }

  /** Moves `words` over the data bus; `copies` = destination buffers written (broadcast to tiles). */
  transfer(from: NpuLocation, to: NpuLocation, words: number, payload: NpuPayload, net: NpuNetName | null, layer: number | null, copies = 1): void {
    if (words <= 0) return;
    const cycles = Math.ceil((words * this.params.wordBits) / this.params.busWidthBits);
    this.events.push({ type: 'transfer', startCycle: this.cycle, cycles, from, to, words, payload, net, layer });
    this.cycle += cycles;
    const c = this.counts;
    c.busWords += words;
    c.busCycles += cycles;
    c.busTransfers += 1;
    switch (from) {
      case 'onChipMemory':
        c.onChipReads += words;
        break;
      case 'inputBuffer':
        c.inputBufferReads += words;
        break;
      case 'outputBuffer':
        c.outputBufferReads += words;
        break;
      case 'weightBuffers':
        c.weightBufferReads += words;
        break;
      case 'dram':
        c.dramReads += words;
        break;
      case 'controller':
        break;
      default: {
        const never: never = from;
        throw new Error(`Unsupported NPU location: ${String(never)}`);
      }
    }
    switch (to) {
      case 'onChipMemory':
        c.onChipWrites += words;
        break;
      case 'inputBuffer':
        c.inputBufferWrites += words * copies;
        break;
      case 'outputBuffer':
        c.outputBufferWrites += words;
        break;
      case 'weightBuffers':
        c.weightBufferWrites += words;
        break;
      case 'controller':
        break; // a register in the controller
      case 'dram':
        throw new Error('The NPU model never writes DRAM');
      default: {
        const never: never = to;
        throw new Error(`Unsupported NPU location: ${String(never)}`);
      }
    }
  }

  /** One dense layer on the PEs; x: [fanIn] → [fanOut] (after the activation and ⊙c where they apply). */
  computeLayer(net: NpuNetName, index: number, layer: DenseLayerParams, x: Float64Array, activationKind: NpuActivation, control: Float64Array | null): Float64Array {
    const { fanIn: n, fanOut: m } = layer;
    const P = this.totalPes;
    const hadamard = control !== null;
    const lookup = activationKind === 'sigmoid' || activationKind === 'tanh';
    // fanIn MACs + 1 activate (+ the sigmoid-table read for sigmoid / tanh) (+ 1 for ⊙c).
    const neuronCycles = n + 1 + (lookup ? this.lutCycles : 0) + (hadamard ? 1 : 0);
    const waves = Math.ceil(m / P);
    const relu = activationKind === 'relu';
    this.layers.push({ net, layer: index, fanIn: n, fanOut: m, waves, neuronCycles, hadamard, relu, activation: activationKind });
    if (n > this.params.inputBufferWords) this.warnings.push(`${net} layer ${index}: ${n} inputs exceed the ${this.params.inputBufferWords}-word input buffer`);
    if (m > this.params.outputBufferWords) this.warnings.push(`${net} layer ${index}: ${m} outputs exceed the ${this.params.outputBufferWords}-word output buffer`);
    const dots = computeDenseProduct(layer, x); // a·W; [fanOut]
    const pre = computeDenseLayer(layer, x); // a·W + b, summed as axnetMath's forward sums it; [fanOut]
    const inside = this.controlPlacement === 'insideActivation';
    const out = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const c = control ? control[j] : null;
      // ⊙c inside the activation (eq. 4 as printed): f((a·W)·c + b); else f(a·W + b), then ·c after activate (§IV PE).
      const preActivation = c !== null && inside ? dots[j] * c + layer.bias[j] : pre[j];
      const activation = applyNpuActivation(activationKind, preActivation);
      const value = c === null || inside ? activation : activation * c;
      out[j] = value;
      const wave = Math.floor(j / P);
      const pe = j % P;
      this.events.push({
        type: 'neuron',
        startCycle: this.cycle + wave * neuronCycles,
        cycles: neuronCycles,
        net,
        layer: index,
        neuron: j,
        wave,
        pe,
        tile: Math.floor(pe / this.params.pesPerTile),
        macs: n,
        dot: dots[j],
        preActivation,
        activation,
        control: c,
        value,
      });
    }
    let tileWaves = 0; // Σ over waves of the tiles active in it
    for (let w = 0; w < waves; w++) tileWaves += Math.ceil(Math.min(P, m - w * P) / this.params.pesPerTile);
    const c = this.counts;
    c.macs += n * m;
    c.activations += m;
    if (lookup) c.activationLutReads += m;
    c.weightBufferReads += (n + 1) * m; // weights + bias
    c.inputBufferReads += n * tileWaves + (hadamard ? m : 0); // x broadcast per tile and wave, c_j per neuron
    c.outputBufferWrites += m;
    c.busyPeCycles += m * neuronCycles;
    if (hadamard) c.hadamardMultiplies += m;
    this.cycle += waves * neuronCycles;
    return out;
  }

  /** A whole net: hidden layers ReLU or the given activations (⊙c(i) when controls are given), last layer linear. */
  runNet(
    net: NpuNetName,
    layers: readonly DenseLayerParams[],
    input: Float64Array,
    controls: readonly (Float64Array | null)[] | null,
    hiddenActivations: readonly NpuHiddenActivation[] | null = null,
  ): Float64Array {
    let a = input;
    for (let k = 0; k < layers.length; k++) {
      const layer = layers[k];
      const copies = this.countTilesUsed(layer.fanOut);
      if (this.layerByLayer) this.transfer(this.weightsFromDram ? 'dram' : 'onChipMemory', 'weightBuffers', countLayerWords(layer), 'weights', net, k);
      if (k > 0) {
        if (this.layerByLayer) {
          this.transfer('outputBuffer', 'onChipMemory', a.length, 'activations', net, k - 1);
          this.transfer('onChipMemory', 'inputBuffer', a.length, 'activations', net, k - 1, copies);
        } else {
          this.transfer('outputBuffer', 'inputBuffer', a.length, 'activations', net, k - 1, copies);
        }
      }
      const last = k === layers.length - 1;
      const activation: NpuActivation = last ? 'linear' : (hiddenActivations?.[k] ?? 'relu');
      a = this.computeLayer(net, k, layer, a, activation, controls && !last ? (controls[k] ?? null) : null);
    }
    return a;
  }

  /** Closes the events since `startCycle` into a stage. */
  closeStage(id: NpuStageId, startCycle: number): NpuStage {
    const name = id === 4 && this.controlPlacement === 'insideActivation' ? INSIDE_STAGE_4_NAME : STAGE_NAMES[id];
    const stage: NpuStage = { id, name, startCycle, cycles: this.cycle - startCycle, events: this.events };
    this.events = [];
    return stage;
  }
}

/** f(z) of one neuron: max(z, 0), σ(z) = 1 / (1 + e^−z), tanh(z) or z, in float64. */
export function applyNpuActivation(kind: NpuActivation, z: number): number {
  switch (kind) {
    case 'relu':
      return Math.max(z, 0);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'linear':
      return z;
    default: {
      const never: never = kind;
      throw new Error(`Unsupported activation: ${String(never)}`);
    }
  }
}

function formatNumber(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** `${cycles} cycles · ${pJ/MAC} pJ/MAC · ${util}% util · ${energy} pJ/inference` (Timeloop-style). */
export function formatNpuSummary(cycles: number, pjPerMac: number, utilization: number, energyPj: number): string {
  return `${cycles} cycles · ${formatNumber(pjPerMac, 2)} pJ/MAC · ${formatNumber(utilization * 100, 1)}% util · ${formatNumber(energyPj, 1)} pJ/inference`;
}

/** Energy per component = count × rate; the total is their sum. */
export function computeEnergyComponents(counts: NpuCounts, rates: EnergyRates): { components: EnergyComponent[]; totalPj: number } {
  const units: Record<EnergyComponentId, number> = {
    mac: counts.macs,
    activation: counts.activations,
    activationLut: counts.activationLutReads,
    hadamard: counts.hadamardMultiplies,
    weightBuffer: counts.weightBufferReads + counts.weightBufferWrites,
    ioBuffers: counts.inputBufferReads + counts.inputBufferWrites + counts.outputBufferReads + counts.outputBufferWrites,
    onChipMemory: counts.onChipReads + counts.onChipWrites,
    bus: counts.busWords,
    dram: counts.dramReads,
    controller: counts.controllerDecisions,
    cpu: counts.cpuInstructions,
  };
  const components = ENERGY_COMPONENT_IDS.map((id): EnergyComponent => {
    const r = rates[id];
    return { id, label: r.label, count: units[id], unit: r.unit, pjPerUnit: r.pjPerUnit, pj: units[id] * r.pjPerUnit, formula: r.formula, sources: r.sources };
  });
  return { components, totalPj: components.reduce((s, c) => s + c.pj, 0) };
}

function toFloat64(input: ArrayLike<number>, expected: number): Float64Array {
  if (input.length !== expected) throw new Error(`NPU input has ${input.length} values, the net expects ${expected}`);
  return Float64Array.from(input);
}

/** What stages 1–3 decided: P(x), the controller's decision and the CPU run when it says unsafe. */
interface PredictorStages {
  stages: [NpuStage, NpuStage, NpuStage];
  predictorOutput: Float64Array;
  logits: [number, number];
  safeProbability: number;
  predictedSafe: boolean;
  safe: boolean;
  cpu: NpuCpuRun | null;
}

/** Stages 1–3 of a net with a predictor (or a baseline's classifier): fetch x, P(x), the controller's decision, the CPU path. */
function runPredictorStages(
  s: Scheduler,
  predictor: readonly DenseLayerParams[],
  predictionOutput: Plan['predictionOutput'],
  x: Float64Array,
  options: ScheduleOptions,
): PredictorStages {
  const predictorWidth = predictor[predictor.length - 1].fanOut;
  // Stage 1: x → input buffer(s), predictor forward.
  s.transfer('onChipMemory', 'inputBuffer', x.length, 'input', null, null, s.countTilesUsed(predictor[0].fanOut));
  const predictorOutput = s.runNet('predictor', predictor, x, null);
  const stage1 = s.closeStage(1, 0);

  // Stage 2: [c, z] → on-chip memory.
  let start = s.cycle;
  s.transfer('outputBuffer', 'onChipMemory', predictorWidth, 'prediction', 'predictor', predictor.length - 1);
  const stage2 = s.closeStage(2, start);

  // Stage 3: controller reads P(x) and decides (1 cycle). Softmax: safe iff z_safe > z_unsafe;
  // sigmoid: safe iff σ(z) > 0.5, i.e. z > 0 (reported as the logit pair [0, z]).
  start = s.cycle;
  const sigmoid = predictionOutput === 'sigmoid';
  const logits: [number, number] = sigmoid ? [0, predictorOutput[predictorWidth - 1]] : [predictorOutput[predictorWidth - 2], predictorOutput[predictorWidth - 1]];
  const predictedSafe = logits[1] > logits[0];
  const safe = options.decision === undefined ? predictedSafe : options.decision === 'safe';
  const safeProbability = computeSoftmaxSafe(logits[0], logits[1]);
  s.transfer('onChipMemory', 'controller', sigmoid ? 1 : 2, 'prediction', 'predictor', predictor.length - 1);
  s.events.push({ type: 'decide', startCycle: s.cycle, cycles: 1, safe, safeProbability, logits });
  s.cycle += 1;
  s.counts.controllerDecisions += 1;
  const stage3 = s.closeStage(3, start);

  // CPU path (unsafe): the exact function on the CPU, latency in NPU cycles.
  let cpu: NpuCpuRun | null = null;
  if (!safe) {
    const cpi = resolveNpuConstant('cpuCyclesPerInstruction', s.params.constantOverrides).value;
    const instructions = options.cpuCost.instructions;
    const cpuCycles = instructions * cpi;
    const cycles = Math.ceil((cpuCycles * s.params.clockHz) / s.params.cpuClockHz);
    cpu = { startCycle: s.cycle, cycles, cpuCycles, instructions, cost: options.cpuCost };
    s.counts.cpuInstructions += instructions;
    s.cycle += cycles;
  }
  return { stages: [stage1, stage2, stage3], predictorOutput, logits, safeProbability, predictedSafe, safe, cpu };
}

function scheduleNetworks(plan: Plan, input: ArrayLike<number>, params: NpuParams, options: ScheduleOptions | null): NpuInferenceSchedule {
  const predictor = plan.predictor;
  const x = toFloat64(input, plan.approximator[0].fanIn);
  const totalPes = countPes(params);
  const allLayers = [...(predictor ?? []), ...plan.approximator];
  const peWeightWords = countPeWeightWords(allLayers, totalPes);
  const layerByLayer = peWeightWords > params.peWeightBufferWords;
  const predictorWidth = predictor ? predictor[predictor.length - 1].fanOut : 0;
  const outputWidth = plan.approximator[plan.approximator.length - 1].fanOut;
  const weightWords = allLayers.reduce((s, l) => s + countLayerWords(l), 0);
  const weightsFromDram = layerByLayer && weightWords + x.length + predictorWidth + outputWidth > params.onChipMemoryWords;
  const s = new Scheduler(params, layerByLayer, weightsFromDram, plan.controlPlacement);
  if (x.length > params.inputBufferWords) s.warnings.push(`${x.length} inputs exceed the ${params.inputBufferWords}-word input buffer`);

  // Stages 1–3 (predictor, controller, CPU path); a lone approximator has none: every input is approximated.
  let predicted: PredictorStages;
  if (predictor) {
    if (!options) throw new Error('A net with a predictor needs the CPU path cost');
    predicted = runPredictorStages(s, predictor, plan.predictionOutput, x, options);
  } else {
    const empty = [s.closeStage(1, 0), s.closeStage(2, 0), s.closeStage(3, 0)] as [NpuStage, NpuStage, NpuStage];
    predicted = { stages: empty, predictorOutput: new Float64Array(0), logits: [Number.NaN, Number.NaN], safeProbability: 1, predictedSafe: true, safe: true, cpu: null };
  }
  const { predictorOutput, logits, safeProbability, predictedSafe, safe, cpu } = predicted;
  const [stage1, stage2, stage3] = predicted.stages;

  // c(i) in the predictor's output order; controlsByLayer[k] is hidden layer k's vector, null when unfused.
  const controls: Float64Array[] = [];
  const controlsByLayer: (Float64Array | null)[] = plan.approximator.slice(0, -1).map(() => null);
  let offset = 0;
  plan.controlWidths.forEach((width, index) => {
    const control = predictorOutput.slice(offset, offset + width);
    controls.push(control);
    controlsByLayer[plan.fusedLayers[index]] = control;
    offset += width;
  });

  // Stage 4: x and c → input buffer, approximator forward.
  let start = s.cycle;
  let approximatorOutput: Float64Array | null = null;
  if (safe) {
    s.transfer('onChipMemory', 'inputBuffer', x.length, 'input', null, null, s.countTilesUsed(plan.approximator[0].fanOut));
    const controlWords = plan.controlWidths.reduce((a, b) => a + b, 0);
    s.transfer('onChipMemory', 'inputBuffer', controlWords, 'control', 'predictor', predictor ? predictor.length - 1 : null);
    approximatorOutput = s.runNet('approximator', plan.approximator, x, plan.kind === 'axnet' ? controlsByLayer : null, plan.approximatorActivations);
  }
  const stage4 = s.closeStage(4, start);

  // Stage 5: H(x) → on-chip memory.
  start = s.cycle;
  if (approximatorOutput) s.transfer('outputBuffer', 'onChipMemory', approximatorOutput.length, 'output', 'approximator', plan.approximator.length - 1);
  const stage5 = s.closeStage(5, start);

  const stages: NpuInferenceSchedule['stages'] = [stage1, stage2, stage3, stage4, stage5];
  const npuCycles = stages.reduce((sum, st) => sum + st.cycles, 0);
  const cpuCycles = cpu ? cpu.cycles : 0;
  const totalCycles = npuCycles + cpuCycles;
  const energy = computeEnergyComponents(s.counts, resolveEnergyRates(params));
  const utilization = npuCycles > 0 ? s.counts.busyPeCycles / (totalPes * npuCycles) : 0;
  const pjPerMac = s.counts.macs > 0 ? energy.totalPj / s.counts.macs : NaN;
  return {
    kind: plan.kind,
    forward: { predictorOutput, logits, safeProbability, predictedSafe, controls, approximatorOutput },
    invoked: safe ? 'approximator' : 'cpu',
    stages,
    cpu,
    layers: s.layers,
    layerByLayer,
    weightsFromDram,
    peWeightWords,
    counts: s.counts,
    energy,
    cycles: { npu: npuCycles, cpu: cpuCycles, total: totalCycles },
    seconds: totalCycles / params.clockHz,
    utilization,
    pjPerMac,
    summary: formatNpuSummary(totalCycles, pjPerMac, utilization, energy.totalPj),
    warnings: [...new Set(s.warnings)],
  };
}

/** ReLU for every hidden layer (AXNet, the baselines). */
function listReluActivations(layers: readonly DenseLayerParams[]): NpuHiddenActivation[] {
  return layers.slice(0, -1).map(() => 'relu');
}

/** Kernel and bias sizes match fanIn × fanOut and consecutive layers chain. */
function validateDenseChain(name: string, layers: readonly DenseLayerParams[]): void {
  layers.forEach((l, i) => {
    if (l.kernel.length !== l.fanIn * l.fanOut || l.bias.length !== l.fanOut) throw new Error(`${name} layer ${i}: kernel/bias sizes do not match ${l.fanIn}×${l.fanOut}`);
    if (i > 0 && layers[i - 1].fanOut !== l.fanIn) throw new Error(`${name} layer ${i}: fanIn mismatch`);
  });
}

/**
 * One inference of a lone approximator (the NAS candidates of DATE'20 §III, Fig. 2: no predictor, no controller,
 * every invocation on the NPU): stage 4 (x → input buffer, the forward pass) and stage 5 (H(x) → on-chip memory);
 * stages 1–3 take 0 cycles. activations: one per hidden layer (sigmoid / tanh add the lookup of the MICRO'12 sigmoid
 * table, constants.ts activationLutCycles); the output layer is linear. The cycles and counts depend only on the
 * layer shapes and activations, never on the weight values (no zero-skipping): the values only fill the events.
 */
export function scheduleApproximatorOnly(
  layers: readonly DenseLayerParams[],
  activations: readonly NpuHiddenActivation[],
  input: ArrayLike<number>,
  params: NpuParams,
): NpuInferenceSchedule {
  if (layers.length === 0) throw new Error('An approximator needs at least one layer');
  if (activations.length !== layers.length - 1) throw new Error(`${layers.length - 1} hidden layers need as many activations, not ${activations.length}`);
  validateDenseChain('approximator', layers);
  return scheduleNetworks(
    {
      kind: 'approximator',
      predictor: null,
      approximator: layers,
      approximatorActivations: activations,
      fusedLayers: [],
      controlWidths: [],
      predictionOutput: 'softmax', // unused: no predictor
      controlPlacement: 'afterActivation', // no ⊙c
    },
    input,
    params,
    null,
  );
}

/**
 * One AXNet inference on the NPU: the float64 forward pass (eq. 3–4), the controller's decision, the five-stage
 * timeline with per-neuron and per-transfer events, access counts, energy per component (pJ) and utilization.
 * weights: AxnetWeights of src/ml/types (structurally AxnetParams); input: [inputDim].
 */
export function scheduleInference(weights: AxnetParams, input: ArrayLike<number>, params: NpuParams, options: ScheduleOptions): NpuInferenceSchedule {
  validateAxnetParams(weights);
  return scheduleNetworks(
    {
      kind: 'axnet',
      predictor: weights.predictor,
      approximator: weights.approximator,
      approximatorActivations: listReluActivations(weights.approximator),
      fusedLayers: getFusedLayers(weights),
      controlWidths: getControlWidths(weights),
      predictionOutput: weights.predictionOutput ?? 'softmax',
      controlPlacement: weights.controlPlacement ?? 'afterActivation',
    },
    input,
    params,
    options,
  );
}

/** One inference of a baseline (onepass / iterative): classifier, then the approximator without ⊙c. */
export function scheduleBaselineInference(nets: BaselineNets, input: ArrayLike<number>, params: NpuParams, options: ScheduleOptions): NpuInferenceSchedule {
  if (nets.classifier.length === 0 || nets.approximator.length === 0) throw new Error('Baseline needs a classifier and an approximator');
  const classes = nets.classifier[nets.classifier.length - 1].fanOut;
  if (classes !== 2) throw new Error(`Baseline classifier must end in 2 logits, got ${classes}`);
  if (nets.classifier[0].fanIn !== nets.approximator[0].fanIn) throw new Error('Baseline classifier and approximator take different input widths');
  validateDenseChain('Baseline classifier', nets.classifier);
  validateDenseChain('Baseline approximator', nets.approximator);
  return scheduleNetworks(
    {
      kind: 'baseline',
      predictor: nets.classifier,
      approximator: nets.approximator,
      approximatorActivations: listReluActivations(nets.approximator),
      fusedLayers: [],
      controlWidths: [],
      predictionOutput: nets.classifier[nets.classifier.length - 1].fanOut === 1 ? 'sigmoid' : 'softmax',
      controlPlacement: 'afterActivation', // no ⊙c in a baseline
    },
    input,
    params,
    options,
  );
}
