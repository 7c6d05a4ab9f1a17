import { describe, expect, it } from 'vitest';
import type { GroupBenchRow, GroupCellResult } from './groupBench';
import { buildGroupReport } from './groupReport';
import type { TorchGroupRun } from './nodeBench';

const cell = (size: number, rate: number): GroupCellResult => ({ size, backend: 'cpu', steps: 10, ms: 1000, modelStepsPerSecond: rate, setupMs: 0, warmupMs: 0 });

const torchRun = (threads: number, rates: Record<string, number>): TorchGroupRun => ({
  torch: '1.13',
  threads,
  nproc: 2,
  approximator: [2, 4, 4, 1],
  predictor: [2, 4, 10],
  batch: 128,
  lone: false,
  cells: Object.entries(rates).map(([key, rate]) => {
    const [mode, k] = key.split(':');
    return { mode: mode as 'sequential' | 'batched', K: Number(k), steps: 1, modelSteps: 1, ms: 1, modelStepsPerSecond: rate };
  }),
});

describe('the K-model bench table', () => {
  const nodeGroups: GroupBenchRow[] = [
    { where: 'node', backend: 'cpu', size: 1, software: null, result: cell(1, 200) },
    { where: 'node', backend: 'cpu', size: 8, software: null, result: cell(8, 400) },
  ];
  const browserGroups: GroupBenchRow[] = [
    { where: 'browser worker', backend: 'webgpu', size: 1, software: 'software adapter (SwiftShader)', result: cell(1, 2.5) },
    { where: 'browser worker', backend: 'webgpu', size: 8, software: 'software adapter (SwiftShader)', result: null, note: 'skipped: too slow' },
  ];
  const report = buildGroupReport({
    sizes: [1, 8],
    node: {
      groups: nodeGroups,
      torch: { runs: [torchRun(1, { 'sequential:1': 1000, 'sequential:8': 800, 'batched:1': 500, 'batched:8': 4000 }), torchRun(2, { 'sequential:1': 900 })] },
    },
    browser: { groups: browserGroups, results: [{ type: 'unavailable', backend: 'webgl', reason: 'no context' }] },
  });

  it('divides ours by PyTorch 1-thread sequential and batched at the same K', () => {
    const cpu = report.engines.find((e) => e.where === 'node' && e.backend === 'cpu')!;
    expect(cpu.ratios[1]).toEqual({ overSequential: 0.2, overBatched: 0.4 });
    expect(cpu.ratios[8]).toEqual({ overSequential: 0.5, overBatched: 0.1 });
    expect(report.ratioTable).toContain('0.20×');
    expect(report.ratioTable).toContain('0.10×');
    // A software GPU's tiny ratio keeps two significant digits instead of reading 0.00×.
    expect(report.ratioTable).toContain('0.0025×');
  });

  it('marks software backends, leaves missing cells empty with the reason, and lists every PyTorch run', () => {
    const webgpu = report.engines.find((e) => e.backend === 'webgpu')!;
    expect(webgpu.label).toBe('Chromium worker, tfjs webgpu (software)');
    expect(webgpu.rates[8]).toBeNull();
    expect(webgpu.ratios[8]).toEqual({ overSequential: null, overBatched: null });
    expect(report.notes).toContain('Chromium worker, tfjs webgpu (software), K = 8: skipped: too slow');
    expect(report.notes.some((n) => n.includes('webgl: unavailable (no context)'))).toBe(true);
    expect(report.torch.map((t) => t.label)).toEqual([
      'PyTorch 1.13 CPU, sequential, 1 thread',
      'PyTorch 1.13 CPU, batched (bmm, one Adam), 1 thread',
      'PyTorch 1.13 CPU, sequential, 2 threads',
      'PyTorch 1.13 CPU, batched (bmm, one Adam), 2 threads',
    ]);
    const webgpuLine = report.rateTable.split('\n').find((l) => l.includes('webgpu'))!;
    expect(webgpuLine).toMatch(/\| 2\.50\s+\| —/);
  });
});
