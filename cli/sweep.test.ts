import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('axlab sweep', () => {
  it('prints one JSON row per variant; with one seed, a lone approximator (bound-independent training) invokes non-decreasingly with the bound', () => {
    // The lone approximator trains on MSE only, so the seed-matched variants hold the same net: its true
    // invocation, the fraction of test errors below the bound (eq. 1), can only rise with the bound.
    const link = '#methods=lone&steps=300&eval=100&backend=cpu&train=512&test=256&sweep=errorBound&sweepValues=0.001,0.01,0.05,1&sweepSeeds=2';
    const { code, stdout, stderr } = runCli(['sweep', link, '--json', '--quiet']);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ method: 'lone', parameter: 'errorBound', variants: 8, steps: 300, backend: 'cpu' });
    expect(report.rows).toHaveLength(8);
    for (const row of report.rows) {
      for (const key of ['value', 'seed', 'trueInvocation', 'predictedInvocation', 'predictionAccuracy', 'overallError', 'steps']) expect(row).toHaveProperty(key);
      expect(row.steps).toBe(300);
      expect(row.trueInvocation).toBeGreaterThanOrEqual(0);
      expect(row.trueInvocation).toBeLessThanOrEqual(1);
    }
    for (const seed of [1, 2]) {
      const bySeed = report.rows.filter((r: { seed: number }) => r.seed === seed);
      expect(bySeed.map((r: { value: number }) => r.value)).toEqual([0.001, 0.01, 0.05, 1]);
      const invocations = bySeed.map((r: { trueInvocation: number }) => r.trueInvocation);
      for (let k = 1; k < invocations.length; k++) expect(invocations[k]).toBeGreaterThanOrEqual(invocations[k - 1]);
      expect(invocations[3]).toBeGreaterThan(invocations[0]);
    }
    expect(report.summary).toHaveLength(4);
    expect(report.summary[0].trueInvocation.n).toBe(2);
  }, 120_000);

  it('prints the table, one line per variant, for an AXNet bound sweep', () => {
    const { code, stdout, stderr } = runCli(['sweep', '#steps=100&eval=50&backend=cpu&train=256&test=128&sweep=errorBound&sweepRange=0.01:0.1:3:log', '--quiet']);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^error bound\s+seed\s+true inv\.\s+predicted inv\.\s+accuracy\s+overall error\s+steps/);
    expect(lines.slice(2, 5).map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual([0.01, 0.0316228, 0.1]);
    expect(lines[5]).toMatch(/3 variants of axnet on bessel_Jnu, 100 steps each, cpu/);
  }, 120_000);

  it('rejects links without a sweep or with too many variants (exit 2)', () => {
    expect(runCli(['sweep', '#steps=10']).code).toBe(2);
    const tooMany = runCli(['sweep', '#steps=10&sweep=errorBound&sweepRange=0.01:0.1:100:log&sweepSeeds=3']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/at most 256 variants/);
  });
});
