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
      protocols: ['perPhase', 'equalSteps', 'converge'],
      bounds: 'sweep',
      backend: 'wasm',
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
    expect(parseReproduceArgs(['--bounds', 'study'], fail).bounds).toBe('study');
    expect(() => parseReproduceArgs(['--bounds', 'all'], fail)).toThrow(/--bounds must be one of sweep, study, not "all"/);
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
    expect(parseReproduceArgs(['--seeds', '3', '--protocol', 'converge'], fail)).toMatchObject({ paper: 'axnet', seeds: 3, protocols: ['converge'] });
    expect(parseReproduceArgs(['--protocol', 'all', '--backend', 'cpu'], fail)).toMatchObject({ protocols: ['perPhase', 'equalSteps', 'converge'], backend: 'cpu' });
    expect(() => parseReproduceArgs(['--protocol', 'fast'], fail)).toThrow(/--protocol must be one of perPhase, equalSteps, converge or all/);
    expect(() => parseReproduceArgs(['--backend', 'webgpu'], fail)).toThrow(/--backend must be wasm or cpu/);
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
    const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'reproduce', '--quick', '--seeds', '3', '--out', OUT], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 400_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\[\d+\/\d+\] done/);
    for (const figure of STUDY_FIGURE_IDS) {
      for (const suffix of ['', '-equalSteps', '-converge']) {
        const path = join(OUT, `fig-${figure.replace(/^fig/, '')}${suffix}.svg`);
        expect(existsSync(path), path).toBe(true);
        const svg = readFileSync(path, 'utf8');
        expect(svg).toMatch(/^<svg /);
        expect(svg).not.toMatch(/NaN/);
        expect(svg).toContain('quick budget — not full-budget results');
      }
    }
    const report = readFileSync(join(OUT, 'report.md'), 'utf8');
    expect(report).toMatch(/QUICK budget/);
    // The report leads with the claims table: per protocol, our number ± spread and the verdict.
    const lead = report.indexOf('## Claims: paper vs ours, per protocol');
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThan(report.indexOf('## Figures'));
    expect(report).toMatch(/\| claim \| paper \| per phase .* — verdict \| equal total steps: .* — verdict \| to convergence .* — verdict \| how ours is computed \|/);
    for (const claim of ['+50.7 %', '+30.8 %', '−74 %']) expect(report).toContain(`| ${claim} |`);
    expect(report).toMatch(/## Choices the paper leaves open, and what the lab chose/);
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
      expect(r.validation.map((p: { step: number }) => p.step)).toEqual(r.history.map((p: { step: number }) => p.step));
    }
    // rows: one per job and protocol, with target, method, bound, seed, protocol and the metrics.
    type Row = { job: string; target: string; method: string; cell: string; bound: number; seed: number; protocol: string; trueInvocation: number; steps: number };
    const rows: Row[] = json.rows;
    expect(new Set(rows.map((r) => r.protocol))).toEqual(new Set(['perPhase', 'equalSteps', 'converge']));
    for (const row of rows) for (const key of ['target', 'method', 'bound', 'seed', 'protocol', 'trueInvocation', 'steps']) expect(row, key).toHaveProperty(key);
    const sweepRows = rows.filter((r) => r.cell.startsWith('fig6/'));
    const targets = [...new Set(sweepRows.map((r) => r.target))];
    expect(targets).toHaveLength(7);
    for (const protocol of ['perPhase', 'equalSteps', 'converge']) {
      for (const target of targets) {
        const own = sweepRows.filter((r) => r.protocol === protocol && r.target === target);
        // Bounds: ≥ 5, strictly increasing as the plan lists them; every cell (method × bound) has seeds 1, 2, 3.
        const bounds = json.plan.bounds[target] as number[];
        expect(bounds.length).toBeGreaterThanOrEqual(5);
        for (let k = 1; k < bounds.length; k++) expect(bounds[k]).toBeGreaterThan(bounds[k - 1]);
        for (const method of ['onepass', 'iterative', 'axnet'])
          for (const bound of bounds)
            expect(
              own
                .filter((r) => r.method === method && r.bound === bound)
                .map((r) => r.seed)
                .sort(),
              `${protocol} ${target} ${method} ${bound}`,
            ).toEqual([1, 2, 3]);
        // Invocation does not fall as the bound loosens, on average over methods and seeds (first vs last bound).
        const at = (bound: number) => {
          const values = own.filter((r) => r.bound === bound).map((r) => r.trueInvocation);
          return values.reduce((a, b) => a + b, 0) / values.length;
        };
        expect(at(bounds[bounds.length - 1]), `${protocol} ${target}`).toBeGreaterThanOrEqual(at(bounds[0]));
      }
    }
  }, 420_000);

  it("runs the quick study as two shards in two processes, and their merge gives the single run's report", async () => {
    // The single run of the test above (or a fresh one when this test runs alone).
    if (!existsSync(join(OUT, 'results.json'))) {
      const single = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'reproduce', '--quick', '--seeds', '3', '--out', OUT], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 400_000,
      });
      expect(single.status, single.stderr).toBe(0);
    }
    const shardDirs = [1, 2].map((i) => join(SHARDS, `shard-${i}`));
    const runs = await Promise.all(shardDirs.map((dir, k) => runAxlab(['reproduce', '--quick', '--seeds', '3', '--jobs', '1', '--shard', `${k + 1}/2`, '--out', dir])));
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
    expect(merge.stderr).toMatch(new RegExp(`${single.plan.jobs.length}/${single.plan.jobs.length} jobs from 2 input\\(s\\); wall time `));
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
  }, 1_500_000);
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
    // Only ends a hung child: two quick shards side by side take 2–5 min on a loaded 2-core machine.
    const timer = setTimeout(() => child.kill(), 840_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolveRun({ status, stderr });
    });
  });
}
