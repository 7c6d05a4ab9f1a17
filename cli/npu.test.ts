import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('axlab npu', () => {
  it('trains from a link and prints the NPU figures of one sample and the test set as JSON', () => {
    const { code, stdout, stderr } = runCli(['npu', '#steps=50&backend=cpu', '--json', '--quiet']);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.target).toBe('bessel_Jnu');
    expect(report.steps).toBe(50);
    expect(report.totalPes).toBe(8);
    const inference = report.inference;
    expect(inference.stages.map((s: { id: number }) => s.id)).toEqual([1, 2, 3, 4, 5]);
    expect(['approximator', 'cpu']).toContain(inference.invoked);
    const sum = inference.energy.components.reduce((s: number, c: { pj: number }) => s + c.pj, 0);
    expect(inference.energy.totalPj).toBeGreaterThan(0);
    expect(sum).toBeCloseTo(inference.energy.totalPj, 6);
    expect(inference.cycles.total).toBeGreaterThan(0);
    expect(inference.summary).toMatch(/cycles · .* pJ\/MAC · .*% util · .* pJ\/inference/);
    const testSet = report.testSet;
    expect(testSet.samples).toBe(2048);
    expect(testSet.energyGain).toBeGreaterThan(0);
    expect(testSet.averageEnergyPj).toBeGreaterThan(0);
  });

  it('with npu.hw it scores the fused net on that hardware beside exact (the NPU view readout); without, hardware is null', () => {
    const { code, stdout, stderr } = runCli(['npu', '#steps=50&backend=cpu&test=128&npu.hw=ntv660', '--json', '--quiet']);
    expect(code, stderr).toBe(0);
    const { hardware, testSet } = JSON.parse(stdout);
    expect(hardware.exact.setting).toEqual({ kind: 'exact' });
    expect(hardware.selected.setting).toEqual({ kind: 'ntv', voltageMv: 660, flipRate: 0.01 });
    expect(hardware.selected.trueInvocation.runs).toBe(20);
    expect(hardware.selected.energyRatio).toBeLessThan(1);
    // Exact hardware gives the predictor the same decisions as the NPU aggregate.
    expect(hardware.exact.predictedInvocation.mean).toBeCloseTo(testSet.invocation, 12);
    expect(JSON.parse(runCli(['npu', '#steps=5&backend=cpu&test=64', '--json', '--quiet']).stdout).hardware).toBeNull();
  });

  it('applies NPU params from the link and picks the sample', () => {
    const { code, stdout, stderr } = runCli(['npu', '#steps=20&backend=cpu&test=64&npu.nt=2&npu.np=4&e.eyerissMac=4', '--json', '--quiet', '--sample', '5']);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.totalPes).toBe(8);
    expect(report.npuParams).toMatchObject({ nt: '2', np: '4', 'e.eyerissMac': '4' });
    expect(report.sample.index).toBe(5);
    const mac = report.inference.energy.components.find((c: { id: string }) => c.id === 'mac');
    expect(mac.pjPerUnit).toBe(4);
  });

  it('trains every method with an NPU cost and reports one test-set aggregate per method (Fig. 10b)', () => {
    const { code, stdout, stderr } = runCli(['npu', '#steps=30&backend=cpu&train=256&test=64&methods=axnet,onepass,lone', '--json', '--quiet']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('lone has no NPU cost model');
    const report = JSON.parse(stdout);
    // AXNet's per-inference figures stay as for an AXNet-only link.
    expect(report.steps).toBe(30);
    expect(report.testSet.samples).toBe(64);
    const aggregates = report.aggregates as { method: string; steps: number; samples: number; invocation: number; averageEnergyPj: number; energyGain: number; speedup: number }[];
    expect(aggregates.map((a) => a.method)).toEqual(['axnet', 'onepass']);
    expect(aggregates[0].energyGain).toBeCloseTo(report.testSet.energyGain, 12);
    const onepass = aggregates[1];
    expect(onepass.steps).toBe(60); // approximator 30 + classifier 30
    expect(onepass.samples).toBe(64);
    expect(onepass.invocation).toBeGreaterThanOrEqual(0);
    expect(onepass.invocation).toBeLessThanOrEqual(1);
    expect(onepass.averageEnergyPj).toBeGreaterThan(0);
    expect(onepass.energyGain).toBeGreaterThan(0);
    expect(onepass.speedup).toBeGreaterThan(0);

    const text = runCli(['npu', '#steps=30&backend=cpu&train=256&test=64&methods=axnet,onepass', '--quiet']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/test-set aggregates per method/);
    expect(text.stdout).toMatch(/^axnet\s+30\s+[\d.]+\s+[\d.]+/m);
    expect(text.stdout).toMatch(/^onepass\s+60\s+[\d.]+\s+[\d.]+/m);
  });

  it('rejects a bad sample index or link with exit code 2', () => {
    expect(runCli(['npu', '#steps=10&test=64', '--sample', '64']).code).toBe(2);
    expect(runCli(['npu', '#npu.nt=banana']).code).toBe(2);
    expect(runCli(['npu']).code).toBe(2);
  });
});
