import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { STUDY_FIGURE_IDS } from '../src/core/study/plan';
import { parseReproduceArgs } from './reproduce';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = mkdtempSync(join(tmpdir(), 'axlab-reproduce-'));

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const fail = (message: string): never => {
  throw new Error(message);
};

describe('axlab reproduce', () => {
  it('parses its options', () => {
    expect(parseReproduceArgs(['--quick', '--out', 'x', '--jobs', '1'], fail)).toEqual({ quick: true, out: 'x', jobs: 1, cacheDir: null });
    expect(parseReproduceArgs([], fail).out).toBe('reproduce-out');
    expect(() => parseReproduceArgs(['--jobs', '0'], fail)).toThrow(/--jobs/);
    expect(() => parseReproduceArgs(['--out'], fail)).toThrow(/needs a value/);
    expect(() => parseReproduceArgs(['--frob'], fail)).toThrow(/Unknown option/);
  });

  it('rejects bad options with exit code 2', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'reproduce', '--jobs', 'many'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--jobs/);
  });

  it(
    'runs the quick study end to end and writes the report, results and figures',
    () => {
      const started = Date.now();
      const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'reproduce', '--quick', '--out', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 115_000 });
      expect(result.status, result.stderr).toBe(0);
      expect(Date.now() - started).toBeLessThan(120_000);
      expect(result.stderr).toMatch(/\[\d+\/\d+\] done/);
      for (const figure of STUDY_FIGURE_IDS) {
        const path = join(OUT, `fig-${figure.replace(/^fig/, '')}.svg`);
        expect(existsSync(path), path).toBe(true);
        const svg = readFileSync(path, 'utf8');
        expect(svg).toMatch(/^<svg /);
        expect(svg).not.toMatch(/NaN/);
        expect(svg).toContain('quick budget — not full-budget results');
      }
      const report = readFileSync(join(OUT, 'report.md'), 'utf8');
      expect(report).toMatch(/QUICK budget/);
      expect(report).toMatch(/\| figure \| claim \| paper \| ours \| formula \| verdict \|/);
      expect(report).toMatch(/Wall time: /);
      const json = JSON.parse(readFileSync(join(OUT, 'results.json'), 'utf8'));
      expect(json.size).toBe('quick');
      expect(json.errors).toEqual([]);
      expect(json.cancelled).toBe(false);
      const jobs: { id: string }[] = json.plan.jobs;
      expect(Object.keys(json.results).sort()).toEqual(jobs.map((j) => j.id).sort());
      for (const job of jobs) {
        const r = json.results[job.id];
        expect(r.id).toBe(job.id);
        expect(r.params).toBeGreaterThan(0);
        expect(r.trainingMs).toBeGreaterThan(0);
        expect(r.history.length).toBeGreaterThan(0);
        for (const point of r.history) {
          for (const key of ['trueInvocation', 'predictedInvocation', 'predictionAccuracy'] as const) {
            expect(point.metrics[key]).toBeGreaterThanOrEqual(0);
            expect(point.metrics[key]).toBeLessThanOrEqual(1);
          }
        }
        expect(r.metrics).toEqual(r.history[r.history.length - 1]);
      }
    },
    120_000,
  );
});
