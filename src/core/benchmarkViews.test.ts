import { describe, expect, it } from 'vitest';
import { computeBenchmarkView, createBaselineRunner, type NetworkRunner } from './benchmarkViews';

/** A runner that returns the exact-looking constant output and routes by a rule. */
const constantRunner =
  (safe: boolean, value = 0): NetworkRunner =>
  () => ({ output: new Float64Array(64).fill(value), safe });

describe('benchmark views', () => {
  it('baseline runner: softmax safe ⇔ z_safe > z_unsafe, sigmoid safe ⇔ z > 0, no classifier ⇒ always safe', () => {
    const identity = [{ fanIn: 1, fanOut: 1, kernel: [1], bias: [0] }];
    const softmax = [{ fanIn: 1, fanOut: 2, kernel: [-1, 1], bias: [0, 0] }];
    const sigmoid = [{ fanIn: 1, fanOut: 1, kernel: [1], bias: [-0.5] }];
    expect(createBaselineRunner(identity, softmax, 'softmax')([2]).safe).toBe(true);
    expect(createBaselineRunner(identity, softmax, 'softmax')([-2]).safe).toBe(false);
    expect(createBaselineRunner(identity, sigmoid, 'sigmoid')([0.4]).safe).toBe(false);
    expect(createBaselineRunner(identity, sigmoid, 'sigmoid')([0.6]).safe).toBe(true);
    expect(createBaselineRunner(identity, [], 'softmax')([3])).toEqual({ output: Float64Array.from([3]), safe: true });
  });

  it('image targets: all rows to the CPU gives the exact image; the routing map and fractions follow the decisions', () => {
    const cpu = computeBenchmarkView('sobel', constantRunner(false), 1, 10);
    expect(cpu?.kind).toBe('image');
    if (cpu?.kind !== 'image') return;
    expect(cpu.cpuFraction).toBe(1);
    expect(cpu.psnr).toBe(Infinity);
    expect(cpu.approximated.data).toEqual(cpu.exact.data);
    const network = computeBenchmarkView('sobel', constantRunner(true, 0), 1, 10);
    if (network?.kind !== 'image') throw new Error('expected an image view');
    expect(network.cpuFraction).toBe(0);
    expect(Number.isFinite(network.psnr)).toBe(true);
    expect(network.routing.width).toBe(network.input.width);
  });

  it('2-D targets get no extra view; other targets get a seeded scatter', () => {
    expect(computeBenchmarkView('bessel_Jnu', constantRunner(true), 1, 10)).toBeNull();
    const a = computeBenchmarkView('blackscholes', constantRunner(true), 3, 10);
    const b = computeBenchmarkView('blackscholes', constantRunner(true), 3, 10);
    expect(a?.kind).toBe('scatter');
    if (a?.kind !== 'scatter' || b?.kind !== 'scatter') return;
    expect(a.exact).toEqual(b.exact);
    expect(a.safe.every((s) => s === 1)).toBe(true);
  });
});
