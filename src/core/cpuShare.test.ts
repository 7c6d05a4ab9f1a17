import { describe, expect, it } from 'vitest';
import { MIN_CPU_SHARE, computeRestMs, computeWorkerCpuShare } from './cpuShare';

describe('computeWorkerCpuShare', () => {
  it('leaves one core to the page: 4 workers on 2 cores share one core', () => {
    expect(computeWorkerCpuShare(2, 4)).toBeCloseTo(0.25, 12);
    expect(computeWorkerCpuShare(8, 4)).toBe(1);
    expect(computeWorkerCpuShare(2, 1)).toBe(1);
    expect(computeWorkerCpuShare(4, 5)).toBeCloseTo(0.6, 12);
  });
  it('never goes below the floor, and treats junk as 1 worker on 2 cores', () => {
    expect(computeWorkerCpuShare(1, 4)).toBe(MIN_CPU_SHARE);
    expect(computeWorkerCpuShare(2, 100)).toBe(MIN_CPU_SHARE);
    expect(computeWorkerCpuShare(Number.NaN, 1)).toBe(1);
    expect(computeWorkerCpuShare(2, Number.NaN)).toBe(1);
    expect(computeWorkerCpuShare(0, 0)).toBe(1);
  });
});

describe('computeRestMs', () => {
  it('makes train time / wall time equal the share', () => {
    for (const share of [0.1, 0.25, 0.5, 0.9]) {
      const rest = computeRestMs(20, share);
      expect(20 / (20 + rest)).toBeCloseTo(share, 12);
    }
  });
  it('rests nothing at share 1, for empty chunks or junk', () => {
    expect(computeRestMs(20, 1)).toBe(0);
    expect(computeRestMs(20, 3)).toBe(0);
    expect(computeRestMs(0, 0.25)).toBe(0);
    expect(computeRestMs(20, Number.NaN)).toBe(0);
    expect(computeRestMs(20, 0)).toBe(0);
  });
});
