/**
 * What the NPU animation shows at a cycle, derived from one NpuInferenceSchedule (src/core/npu). Pure: no DOM.
 * The animation state is just (schedule, cycle): the phase (stage 1–5, or the CPU run after stage 3), the events
 * in flight, and each PE's current neuron all follow from the cycle, so a frame costs a few array scans.
 */
import type { NpuEvent, NpuInferenceSchedule, NpuNetName, NpuStageId } from '../../core/npu';
import type { AxnetParams } from '../../core/axnetMath';

export type NpuPhase =
  | { kind: 'stage'; stage: NpuStageId; start: number; end: number; name: string }
  /** The exact function on the CPU, invoked by the controller in stage 3 when P(x) says unsafe. */
  | { kind: 'cpu'; stage: 3; start: number; end: number; name: string };

export interface NpuTimeline {
  /** Non-empty phases in time order. */
  phases: NpuPhase[];
  /** Cycles of the whole inference, CPU run included. */
  total: number;
}

export type NeuronEvent = Extract<NpuEvent, { type: 'neuron' }>;
export type TransferEvent = Extract<NpuEvent, { type: 'transfer' }>;
export type DecideEvent = Extract<NpuEvent, { type: 'decide' }>;

export function buildTimeline(schedule: NpuInferenceSchedule): NpuTimeline {
  const phases: NpuPhase[] = [];
  for (const stage of schedule.stages) {
    if (stage.id === 4 && schedule.cpu && schedule.cpu.cycles > 0) {
      phases.push({ kind: 'cpu', stage: 3, start: schedule.cpu.startCycle, end: schedule.cpu.startCycle + schedule.cpu.cycles, name: 'CPU runs the exact function' });
    }
    if (stage.cycles > 0) phases.push({ kind: 'stage', stage: stage.id, start: stage.startCycle, end: stage.startCycle + stage.cycles, name: stage.name });
  }
  return { phases, total: schedule.cycles.total };
}

/** The phase running at `cycle`, or null once the inference is over (cycle ≥ total). */
export function findPhase(timeline: NpuTimeline, cycle: number): NpuPhase | null {
  for (const phase of timeline.phases) if (cycle >= phase.start && cycle < phase.end) return phase;
  return null;
}

/** Start of the phase after the one at `cycle` (step by stage), or total at the end. */
export function findNextPhaseStart(timeline: NpuTimeline, cycle: number): number {
  for (const phase of timeline.phases) if (phase.start > cycle) return phase.start;
  return timeline.total;
}

/** All events of the schedule, in time order (the stages' event lists concatenated). */
export function listEvents(schedule: NpuInferenceSchedule): NpuEvent[] {
  return schedule.stages.flatMap((stage) => stage.events);
}

/** Events in flight at `cycle` (start ≤ cycle < start + cycles). */
export function findActiveEvents(events: readonly NpuEvent[], cycle: number): NpuEvent[] {
  return events.filter((e) => cycle >= e.startCycle && cycle < e.startCycle + e.cycles);
}

/** The neuron a PE works on at `cycle`, else the last one it finished, else the first it will run. */
export function findPeNeuron(events: readonly NpuEvent[], pe: number, cycle: number): { event: NeuronEvent; state: 'waiting' | 'computing' | 'done' } | null {
  let last: NeuronEvent | null = null;
  let first: NeuronEvent | null = null;
  for (const e of events) {
    if (e.type !== 'neuron' || e.pe !== pe) continue;
    first ??= e;
    if (e.startCycle <= cycle) last = e;
  }
  if (last) return { event: last, state: cycle < last.startCycle + last.cycles ? 'computing' : 'done' };
  return first ? { event: first, state: 'waiting' } : null;
}

/** The controller's decision event, if the schedule has one. */
export function findDecision(events: readonly NpuEvent[]): DecideEvent | null {
  for (const e of events) if (e.type === 'decide') return e;
  return null;
}

/** What a PE sees for one neuron (Fig. 5b): x reg, w reg, b reg and the values after each unit. */
export interface PeNeuronValues {
  net: NpuNetName;
  layer: number;
  neuron: number;
  x: number[];
  w: number[];
  b: number;
  /** Σ x·w, in the temporary register before the bias. */
  dot: number;
  preActivation: number;
  activation: number;
  control: number | null;
  output: number;
  relu: boolean;
}

/**
 * The register contents of `event`'s PE. Layer inputs are the input x for layer 0 and the outputs of the
 * previous layer's neuron events (after ⊙c) otherwise.
 */
export function computePeValues(weights: AxnetParams, events: readonly NpuEvent[], input: ArrayLike<number>, event: NeuronEvent): PeNeuronValues {
  const layers = event.net === 'predictor' ? weights.predictor : weights.approximator;
  const layer = layers[event.layer];
  let x: number[];
  if (event.layer === 0) x = Array.from(input);
  else {
    x = new Array<number>(layer.fanIn).fill(0);
    for (const e of events) if (e.type === 'neuron' && e.net === event.net && e.layer === event.layer - 1) x[e.neuron] = e.value;
  }
  const w: number[] = [];
  for (let i = 0; i < layer.fanIn; i++) w.push(layer.kernel[i * layer.fanOut + event.neuron]);
  const b = layer.bias[event.neuron];
  return {
    net: event.net,
    layer: event.layer,
    neuron: event.neuron,
    x,
    w,
    b,
    dot: event.dot,
    preActivation: event.preActivation,
    activation: event.activation,
    control: event.control,
    output: event.value,
    relu: event.layer < layers.length - 1,
  };
}

/** Position along a polyline at fraction t ∈ [0, 1]. */
export function interpolatePolyline(points: readonly (readonly [number, number])[], t: number): [number, number] {
  if (points.length === 0) return [0, 0];
  if (points.length === 1) return [points[0][0], points[0][1]];
  const lengths: number[] = [];
  let total = 0;
  for (let k = 1; k < points.length; k++) {
    const d = Math.hypot(points[k][0] - points[k - 1][0], points[k][1] - points[k - 1][1]);
    lengths.push(d);
    total += d;
  }
  let remaining = Math.min(1, Math.max(0, t)) * total;
  for (let k = 1; k < points.length; k++) {
    const d = lengths[k - 1];
    if (remaining <= d || k === points.length - 1) {
      const f = d > 0 ? Math.min(1, remaining / d) : 1;
      return [points[k - 1][0] + f * (points[k][0] - points[k - 1][0]), points[k - 1][1] + f * (points[k][1] - points[k - 1][1])];
    }
    remaining -= d;
  }
  const end = points[points.length - 1];
  return [end[0], end[1]];
}

/** Short text of a number for the diagram: 3 significant digits, exponent outside [1e-3, 1e4). */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-3) return value.toExponential(2);
  return value.toPrecision(3);
}
