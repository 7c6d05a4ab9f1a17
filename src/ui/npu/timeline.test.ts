import { describe, expect, it } from 'vitest';
import type { AxnetParams, DenseLayerParams } from '../../core/axnetMath';
import { DEFAULT_NPU_PARAMS, makeCpuPathCost, scheduleInference } from '../../core/npu';
import { findNextSample } from './NpuInputPicker';
import { buildTimeline, computePeValues, findNextPhaseStart, findPeNeuron, findPhase, interpolatePolyline, listEvents, type NeuronEvent } from './timeline';

function dense(fanIn: number, fanOut: number, kernel: number[], bias: number[]): DenseLayerParams {
  return { fanIn, fanOut, kernel: Float32Array.from(kernel), bias: Float32Array.from(bias) };
}

/** The hand-set net of schedule.test.ts: x = [1, 2] is safe (y = 7), x = [2, 1] unsafe. */
const NET: AxnetParams = {
  predictor: [dense(2, 2, [1, 0, 0, 1], [0, 0]), dense(2, 4, [1, 0, 0, -1, 0, 1, 0, 1], [0, 0, 0.5, 0])],
  approximator: [dense(2, 2, [1, 1, 1, -1], [0, 0]), dense(2, 1, [2, 5], [1])],
};
const PARAMS = { ...DEFAULT_NPU_PARAMS, constantOverrides: {} };
const CPU = makeCpuPathCost(100);

/** Phases visited by stepping stage by stage from cycle 0. */
function stepThrough(timeline: ReturnType<typeof buildTimeline>): string[] {
  const visited: string[] = [];
  let cycle = 0;
  while (cycle < timeline.total) {
    const phase = findPhase(timeline, cycle)!;
    visited.push(phase.kind === 'cpu' ? 'cpu' : String(phase.stage));
    cycle = findNextPhaseStart(timeline, cycle);
  }
  return visited;
}

describe('NPU timeline', () => {
  it('steps through stages 1–5 for a safe input, and 1–3 then the CPU for an unsafe one', () => {
    const safe = buildTimeline(scheduleInference(NET, [1, 2], PARAMS, { cpuCost: CPU }));
    expect(stepThrough(safe)).toEqual(['1', '2', '3', '4', '5']);
    expect(findPhase(safe, safe.total)).toBeNull();
    const unsafe = buildTimeline(scheduleInference(NET, [2, 1], PARAMS, { cpuCost: CPU }));
    expect(stepThrough(unsafe)).toEqual(['1', '2', '3', 'cpu']);
    expect(unsafe.phases.at(-1)!.end).toBe(unsafe.total);
  });

  it('gives each PE its neuron and the register values of Fig. 5b', () => {
    const schedule = scheduleInference(NET, [1, 2], PARAMS, { cpuCost: CPU });
    const events = listEvents(schedule);
    const first = findPeNeuron(events, 0, 0);
    expect(first?.state).toBe('waiting');
    const approx = events.find((e): e is NeuronEvent => e.type === 'neuron' && e.net === 'approximator' && e.layer === 0 && e.neuron === 0)!;
    const values = computePeValues(NET, events, [1, 2], approx);
    expect(values.x).toEqual([1, 2]);
    expect(values.w).toEqual([1, 1]);
    expect(values.dot).toBeCloseTo(3);
    expect(values.activation).toBeCloseTo(3);
    expect(values.control).toBeCloseTo(1);
    expect(values.output).toBeCloseTo(3);
    const out = events.find((e): e is NeuronEvent => e.type === 'neuron' && e.net === 'approximator' && e.layer === 1)!;
    const last = computePeValues(NET, events, [1, 2], out);
    expect(last.x).toEqual([3, 0]);
    expect(last.output).toBeCloseTo(7);
    expect(last.relu).toBe(false);
    expect(findPeNeuron(events, out.pe, schedule.cycles.total)?.state).toBe('done');
  });

  it('interpolates along a polyline and finds the next safe/unsafe sample', () => {
    expect(
      interpolatePolyline(
        [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
        0.75,
      ),
    ).toEqual([10, 5]);
    expect(
      interpolatePolyline(
        [
          [0, 0],
          [10, 0],
        ],
        2,
      ),
    ).toEqual([10, 0]);
    const safe = Uint8Array.from([1, 0, 1, 1, 0]);
    expect(findNextSample(safe, 1, false)).toBe(4);
    expect(findNextSample(safe, 4, false)).toBe(1);
    expect(findNextSample(safe, 0, true)).toBe(2);
    expect(findNextSample(Uint8Array.from([1, 1]), 0, false)).toBeNull();
  });
});
