import { describe, expect, it } from 'vitest';
import { chooseFallbackBackend, isGpuLossMessage } from './backendFallback';

describe('chooseFallbackBackend', () => {
  it('continues on the fastest measured cpu-side backend', () => {
    const report = [
      { name: 'webgpu', verdict: 'software' },
      { name: 'webgl', verdict: 'chosen', stepsPerSecond: 400 },
      { name: 'wasm', verdict: 'slower', stepsPerSecond: 180 },
      { name: 'cpu', verdict: 'slower', stepsPerSecond: 240 },
    ];
    expect(chooseFallbackBackend('webgl', report)).toBe('cpu');
    expect(chooseFallbackBackend('webgl', report.slice(0, 3))).toBe('wasm');
  });

  it('never picks the lost GPU backend or the other one; unmeasured: wasm, then cpu', () => {
    expect(chooseFallbackBackend('webgl', [{ name: 'webgpu', verdict: 'slower', stepsPerSecond: 999 }])).toBe('wasm');
    expect(chooseFallbackBackend('webgpu', [])).toBe('wasm');
    expect(chooseFallbackBackend('wasm', [{ name: 'wasm', verdict: 'chosen', stepsPerSecond: 100 }])).toBe('cpu');
  });

  it('tells a lost GPU from other errors by its message', () => {
    expect(isGpuLossMessage("Failed to execute 'mapAsync' on 'GPUBuffer': Buffer was unmapped before mapping was resolved.")).toBe(true);
    expect(isGpuLossMessage('GPU device was lost: destroyed')).toBe(true);
    expect(isGpuLossMessage('WebGL context lost')).toBe(true);
    expect(isGpuLossMessage('Out of memory')).toBe(false);
  });
});
