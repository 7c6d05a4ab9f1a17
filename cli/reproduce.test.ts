import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStudyFigures } from '../src/core/study/figures';
import { STUDY_FIGURE_IDS } from '../src/core/study/plan';
import { figureFileName, renderStudyReport } from '../src/core/study/report';
import { hashStudyPlan, shardStudyPlan, withoutStudyTiming, type StudyResultsFile } from '../src/core/study/shard';
import { renderChart } from '../src/core/study/svg';
import { parseMergeArgs, parseReproduceArgs } from './reproduce';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = mkdtempSync(join(tmpdir(), 'axlab-reproduce-'));

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const fail = (message: string): never => {
  throw new Error(message);
};

describe('axlab reproduce', () => {
  it('parses its options', () => {
    expect(parseReproduceArgs(['--quick', '--out', 'x', '--jobs', '1'], fail)).toEqual({
      paper: 'axnet',
      seeds: null,
      quick: true,
      initialization: 'authorsZeroBias',
      out: 'x',
      jobs: 1,
      cacheDir: null,
      shard: null,
    });
    expect(parseReproduceArgs(['--init', 'bias0.1'], fail).initialization).toBe('bias0.1');
    expect(parseReproduceArgs(['--paper', 'axtrain', '--seeds', '5'], fail)).toMatchObject({ paper: 'axtrain', seeds: 5 });
    expect(parseReproduceArgs(['--paper', 'nas', '--seeds', '2', '--quick'], fail)).toMatchObject({ paper: 'nas', seeds: 2, quick: true });
    expect(() => parseReproduceArgs(['--paper', 'bogus'], fail)).toThrow(/--paper must be axnet, axtrain or nas/);
    expect(() => parseReproduceArgs(['--seeds', '0'], fail)).toThrow(/--seeds/);
    expect(() => parseReproduceArgs(['--init', 'zeros'], fail)).toThrow(/--init must be one of authorsZeroBias, bias0\.1/);
    expect(parseReproduceArgs(['--shard', '3/8'], fail).shard).toEqual({ index: 3, count: 8 });
    expect(() => parseReproduceArgs(['--shard', '0/8'], fail)).toThrow(/--shard .*numbered from 1/);
    expect(() => parseReproduceArgs(['--shard', '9/8'], fail)).toThrow(/--shard .*between 1 and 8/);
    expect(() => parseReproduceArgs(['--shard', 'one'], fail)).toThrow(/--shard must be i\/n/);
    expect(parseMergeArgs(['a', 'b', '--out', 'm'], fail)).toEqual({ inputs: ['a', 'b'], out: 'm' });
    expect(() => parseMergeArgs(['--out', 'm'], fail)).toThrow(/merge needs the result directories/);
    expect(parseReproduceArgs([], fail).out).toBe('reproduce-out');
    expect(() => parseReproduceArgs(['--jobs', '0'], fail)).toThrow(/--jobs/);
    expect(() => parseReproduceArgs(['--out'], fail)).toThrow(/needs a value/);
    expect(() => parseReproduceArgs(['--frob'], fail)).toThrow(/Unknown option --frob for reproduce/);
    // Decimal only, and --seeds only where it applies (issue 12 item 8).
    expect(() => parseReproduceArgs(['--jobs', '0x2'], fail)).toThrow(/--jobs must be a whole number from 1 to 16, not "0x2"/);
    expect(() => parseReproduceArgs(['--seeds', '1e1', '--paper', 'axtrain'], fail)).toThrow(/--seeds must be a whole number/);
    expect(() => parseReproduceArgs(['--seeds', '3'], fail)).toThrow(/--seeds applies to --paper axtrain and nas only/);
    expect(() => parseMergeArgs(['a', '--bogus'], fail)).toThrow(/Unknown option --bogus for merge/);
  });

  it('rejects bad options with exit code 2', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'reproduce', '--jobs', 'many'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--jobs/);
    const shard = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'reproduce', '--shard', '3/2'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(shard.status).toBe(2);
    expect(shard.stderr).toMatch(/--shard must be i\/n .*i must be between 1 and 2/);
    const merge = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'merge', join(OUT, 'nowhere')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(merge.status).toBe(2);
    expect(merge.stderr).toMatch(/nowhere: no results\.json there/);
  });

  it('runs the quick study end to end and writes the report, results and figures', () => {
    // No time limit is asserted (speed is a benchmark's business); the generous timeout only ends a hung child.
    const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'reproduce', '--quick', '--out', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
    expect(result.status, result.stderr).toBe(0);
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
  }, 420_000);

  it("runs the quick study as two shards in two processes, and their merge gives the single run's report", async () => {
    // The single run of the test above (or a fresh one when this test runs alone).
    if (!existsSync(join(OUT, 'results.json'))) {
      const single = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'reproduce', '--quick', '--out', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
      expect(single.status, single.stderr).toBe(0);
    }
    const shardDirs = [1, 2].map((i) => join(SHARDS, `shard-${i}`));
    const runs = await Promise.all(shardDirs.map((dir, k) => runAxlab(['reproduce', '--quick', '--jobs', '1', '--shard', `${k + 1}/2`, '--out', dir])));
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(runs[0].stderr).toMatch(/shard 1\/2 of plan [0-9a-f]{16}/);
    expect(runs[1].stderr).toMatch(/jobs of shard 2\/2 in .* wall time/);
    const read = (dir: string): StudyResultsFile => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    const single = read(OUT);
    const parts = shardDirs.map(read);
    parts.forEach((part, k) => {
      expect(part.shard).toEqual({ index: k + 1, count: 2, planHash: hashStudyPlan(single.plan) });
      expect(Object.keys(part.results)).toEqual(shardStudyPlan(single.plan, k + 1, 2).jobs.map((j) => j.id));
      expect(part.wallMs).toBeGreaterThan(0);
    });
    expect(Object.keys(parts[0].results).length).toBeGreaterThan(0);
    expect(Object.keys(parts[1].results).length).toBeGreaterThan(0);

    // One shard alone is refused, naming the other shard's jobs.
    const refused = await runAxlab(['merge', shardDirs[0], '--out', join(SHARDS, 'refused')]);
    expect(refused.status).toBe(1);
    const missingId = Object.keys(parts[1].results)[0];
    expect(refused.stderr).toContain(`${missingId} (shard 2/2)`);
    expect(existsSync(join(SHARDS, 'refused', 'results.json'))).toBe(false);

    const mergedDir = join(SHARDS, 'merged');
    const merge = await runAxlab(['merge', ...shardDirs, '--out', mergedDir]);
    expect(merge.status, merge.stderr).toBe(0);
    expect(merge.stderr).toMatch(/37\/37 jobs from 2 input\(s\); wall time /);
    const merged = read(mergedDir);
    expect(merged.wallMs).toBe(Math.max(...parts.map((p) => p.wallMs)));
    // results.json: equal to the single run's, field for field and in the same order, once timing is set aside.
    expect(withoutStudyTiming(merged)).toEqual(withoutStudyTiming(single));
    expect(JSON.stringify(withoutStudyTiming(merged))).toBe(JSON.stringify(withoutStudyTiming(single)));
    // report.md: each is the rendering of its results.json, and those renderings agree once timing is set aside.
    expect(readFileSync(join(mergedDir, 'report.md'), 'utf8')).toBe(renderStudyReport(merged));
    expect(readFileSync(join(OUT, 'report.md'), 'utf8')).toBe(renderStudyReport(single));
    expect(renderStudyReport(withoutStudyTiming(merged))).toBe(renderStudyReport(withoutStudyTiming(single)));
    // Figures: byte for byte where they do not show training time; the rest agree once timing is set aside.
    const stripped = { single: withoutStudyTiming(single), merged: withoutStudyTiming(merged) };
    const chartsOf = (file: StudyResultsFile) => buildStudyFigures(file.plan, file.results).map((f) => `${renderChart(f.chart, { quick: f.quick })}\n`);
    const [strippedSingle, strippedMerged] = [chartsOf(stripped.single), chartsOf(stripped.merged)];
    let timingFree = 0;
    buildStudyFigures(single.plan, single.results).forEach((figure, k) => {
      const file = figureFileName(figure);
      const singleSvg = readFileSync(join(OUT, file), 'utf8');
      expect(strippedMerged[k], file).toBe(strippedSingle[k]);
      if (singleSvg !== strippedSingle[k]) return;
      timingFree++;
      expect(readFileSync(join(mergedDir, file), 'utf8'), file).toBe(singleSvg);
    });
    expect(timingFree).toBeGreaterThanOrEqual(5);
  }, 600_000);
});

const SHARDS = mkdtempSync(join(tmpdir(), 'axlab-shards-'));
afterAll(() => rmSync(SHARDS, { recursive: true, force: true }));

/** Runs `node cli/axlab.js ARGS` as a child process (several may run at once). */
function runAxlab(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [join(ROOT, 'cli/axlab.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 280_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolveRun({ status, stderr });
    });
  });
}
