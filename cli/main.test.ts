import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeBesselJ } from '../src/core/targets/bessel';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function runCli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('axlab CLI', () => {
  it('lists the targets with dims and metric', () => {
    const { code, stdout } = runCli(['targets']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/bessel_Jnu\s+2→1\s+absolute/);
    expect(stdout).toMatch(/jpeg\s+64→64\s+rms/);
  });

  it('evaluates the exact function on stdin rows with full precision', () => {
    const { code, stdout } = runCli(['eval', 'bessel_Jnu'], '0.5 0.5\n0.25   0.75\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(Number(lines[0])).toBe(computeBesselJ(0.5, 0.5));
    expect(Number(lines[1])).toBe(computeBesselJ(0.25, 0.75));
  });

  it('rejects bad input with exit code 2', () => {
    expect(runCli(['eval', 'nope'], '').code).toBe(2);
    expect(runCli(['eval', 'bessel_Jnu'], '1 2 3\n').code).toBe(2);
    expect(runCli(['eval', 'bessel_Jnu'], 'a b\n').code).toBe(2);
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['train']).code).toBe(2);
    expect(runCli(['train', '#steps=10', '--backend', 'webgl']).code).toBe(2);
    const bad = runCli(['train', '#steps=banana']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/steps/);
  });

  it('trains from a link and prints deterministic JSON metrics', () => {
    const link = '#steps=50&seed=3&backend=cpu&train=512&test=256';
    const first = runCli(['train', link, '--json', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    for (const key of ['trueInvocation', 'predictedInvocation', 'predictionAccuracy', 'overallError', 'params', 'steps', 'backend', 'ms']) {
      expect(summary).toHaveProperty(key);
    }
    for (const key of ['trueInvocation', 'predictedInvocation', 'predictionAccuracy']) {
      expect(summary[key]).toBeGreaterThanOrEqual(0);
      expect(summary[key]).toBeLessThanOrEqual(1);
    }
    expect(summary.steps).toBe(50);
    expect(summary.backend).toBe('cpu');
    const second = JSON.parse(runCli(['train', link, '--json', '--quiet']).stdout);
    const { ms: _a, trainingMs: _c, ...restFirst } = summary;
    const { ms: _b, trainingMs: _d, ...restSecond } = second;
    expect(restSecond).toEqual(restFirst);
  });

  it('trains every method a compare link names, each to its own step budget', () => {
    const result = runCli(['train', '#steps=30&methods=axnet,onepass,iterative&rounds=2&backend=cpu&train=256&test=128', '--json', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const summaries = JSON.parse(result.stdout) as { method: string; steps: number; trueInvocation: number }[];
    expect(summaries.map((s) => s.method)).toEqual(['axnet', 'onepass', 'iterative']);
    // Budget: AXNet N steps, onepass 2N, iterative 2R·N (src/core/methods/budget.ts).
    expect(summaries.map((s) => s.steps)).toEqual([30, 60, 120]);
    for (const summary of summaries) {
      expect(summary.trueInvocation).toBeGreaterThanOrEqual(0);
      expect(summary.trueInvocation).toBeLessThanOrEqual(1);
    }
  });

  it('runs a link that asks for webgpu on cpu, with a note', () => {
    const result = runCli(['train', '#steps=20&backend=webgpu&train=256&test=128', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/webgpu/);
    expect(JSON.parse(result.stdout).backend).toBe('cpu');
  });
});
