// `npm run bench`: every benchmark of the lab in one run, then the K-model table (issue 8 §5).
//   1. Node half   `axlab bench-node`: trainer steps/s on tfjs cpu/wasm vs Layers fit and PyTorch, and the
//                  K-model cells (K models through createModelGroupTrainer) with PyTorch's same K models
//                  sequential and batched (bench/torch_group.py; installs python3-torch when root and missing);
//   2. vite build, bench/bundle.mjs (bundle sizes);
//   3. browser half bench/run.mjs: the same per backend in a Chromium worker (webgpu, webgl, wasm, cpu);
//   4. bench/ui-perf.mjs (first metric, long tasks, fps);
//   5. with --study: the full-budget `axlab reproduce` of docs/reproduce-full/'s plan (one seed, perPhase, each
//                  benchmark's study bound: `--seeds 1 --protocol perPhase --bounds study`, 41 jobs), its wall time;
//   6. the K-model table: model-steps/s per K and backend beside PyTorch, and the ratios ours ÷ PyTorch,
//      printed and written to bench/results/<time>.json and <time>.md (with the JSON of each half beside them).
// Usage: npm run bench -- [--quick] [--study] [--no-ui-perf]
//   --quick       K = 1, 8 only and shorter cells everywhere (a smoke run of the harness; still prints the table)
//   --study       also time the full-budget study of docs/reproduce-full/'s plan (521 s on 2 cores before the batched engine);
//                 with --quick the quick-budget study instead (checks the harness, not a measurement of the study)
//   --no-ui-perf  skip bench/ui-perf.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register(); // bench/groupReport.ts, as cli/axlab.js runs the TypeScript sources
const { buildGroupReport } = await import('./groupReport.ts');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results');
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    study: { type: 'boolean', default: false },
    'no-ui-perf': { type: 'boolean', default: false },
  },
});
const SIZES = args.quick ? [1, 8] : [1, 8, 64, 256];
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
mkdirSync(RESULTS, { recursive: true });

function step(title, command, commandArgs, options = {}) {
  console.log(`\n[bench] ${title}: ${[command, ...commandArgs].join(' ')}`);
  const started = performance.now();
  const run = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit', ...options });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) console.error(`[bench] ${title} failed (${run.status ?? run.signal}) after ${seconds.toFixed(0)} s; going on`);
  return { ok: run.status === 0, seconds };
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const formatLoad = (load) => load.map((v) => v.toFixed(2)).join(' ');
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown';
const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
const header = {
  startedAt: new Date().toISOString(),
  quick: args.quick,
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown CPU',
  loadAverageAtStart: loadavg(),
  node: process.version,
  commit: `${commit}${dirty ? ' (+ uncommitted changes)' : ''}`,
};
console.log(
  `[bench] ${header.startedAt}: nproc ${header.nproc} (${header.cpu}), load average ${formatLoad(header.loadAverageAtStart)} (1, 5, 15 min).` +
    ' This machine may be shared with other work: numbers are noisy; compare ratios of one run, not runs.',
);

// PyTorch for the peer rows: Debian's python3-torch (beside /usr/bin/python3, which a pyenv python3 shadows).
function torchPython() {
  return ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) ?? null;
}
if (!torchPython()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    if (!step('PyTorch missing: installing Debian python3-torch', 'apt-get', ['install', '-y', 'python3-torch']).ok) {
      step('retry after apt-get update', 'sh', ['-c', 'apt-get update && apt-get install -y python3-torch']);
    }
  } else {
    console.log('[bench] PyTorch is missing, so its rows are skipped. Install it with: sudo apt-get install -y python3-torch');
  }
}

const nodeFile = join(RESULTS, `node-${stamp}.json`);
const browserFile = join(RESULTS, `browser-${stamp}.json`);
const quickArgs = args.quick ? ['--quick'] : [];
const timings = {};
timings.node = step('Node half', process.execPath, ['cli/axlab.js', 'bench-node', ...quickArgs, '--out', nodeFile]).seconds;
step('Chromium', process.execPath, ['scripts/ensure-chromium.mjs']);
const built = step('build', process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
if (built.ok) {
  step('bundle sizes', process.execPath, ['bench/bundle.mjs']);
  timings.browser = step('browser half', process.execPath, ['bench/run.mjs', ...quickArgs, '--out', browserFile, '--node', nodeFile]).seconds;
  if (!args['no-ui-perf']) step('UI performance', process.execPath, ['bench/ui-perf.mjs', ...(args.quick ? ['--seconds', '5'] : [])]);
}

// The full-budget study: `axlab reproduce` (--jobs min(2, nproc), no cache) of the plan of docs/reproduce-full/:
// one seed, the perPhase protocol, each benchmark's study bound (the plan's jobs and their configs then, but
// for the authors' zero biases, which cost the same). The default study (3 seeds, 5 bounds, 3 protocols, 750
// jobs) takes hours on 2 cores and is run by hand (docs/study-full/). With --quick it is the quick-budget study
// instead (a check of this harness, said so in the output; its wall time is not the study's).
const REFERENCE_PLAN_ARGS = ['--seeds', '1', '--protocol', 'perPhase', '--bounds', 'study'];
let study = null;
if (args.study) {
  const out = join(RESULTS, `study-${stamp}`);
  const run = step(`${args.quick ? 'quick' : 'full'}-budget study`, process.execPath, ['cli/axlab.js', 'reproduce', ...quickArgs, ...REFERENCE_PLAN_ARGS, '--out', out]);
  const results = readJson(join(out, 'results.json'));
  const reference = /Wall time: ([\d.]+) s/.exec(existsSync(join(ROOT, 'docs/reproduce-full/report.md')) ? readFileSync(join(ROOT, 'docs/reproduce-full/report.md'), 'utf8') : '');
  study = {
    budget: args.quick ? 'quick' : 'full',
    ok: run.ok,
    wallSeconds: results ? results.wallMs / 1000 : null,
    jobs: results ? `${Object.keys(results.results ?? {}).length}/${results.plan?.jobs?.length ?? '?'}` : null,
    environment: results?.environment ?? null,
    referenceWallSeconds: reference ? Number(reference[1]) : null,
    out: relative(ROOT, out),
  };
}

const node = readJson(nodeFile);
const browser = readJson(browserFile);
const report = buildGroupReport({ sizes: SIZES, node, browser });
header.loadAverageAtEnd = loadavg();
header.finishedAt = new Date().toISOString();

const lines = [
  `# AXNet Lab bench, ${header.startedAt}${args.quick ? ' (--quick: K = 1, 8, short cells; a smoke run, not a measurement)' : ''}`,
  '',
  `- Machine: nproc ${header.nproc} (${header.cpu}); load average ${formatLoad(header.loadAverageAtStart)} at the start, ${formatLoad(header.loadAverageAtEnd)} at the end (1, 5, 15 min). It may be shared with other work, so the numbers are noisy.`,
  `- Code: commit ${header.commit}, Node ${header.node}. "Ours" is whatever engine createModelGroupTrainer (src/ml/group) is at this commit.`,
  '- Step: Bessel J_ν, approximator A 2-4-4-1, predictor C 2-4-10, batch 128, Adam lr 0.01 (β 0.9/0.999, ε 1e-8), AXNet with J = MSE + softmax CE and p_label recomputed per batch, no lone approximator; the K models differ in seed (data, initialization, batch order).',
  `- model-steps/s = K models × steps ÷ seconds of training, by wall clock over a fixed number of steps after a warm-up (~${args.quick ? '0.7' : '2'} s per cell; software GPUs at most ${args.quick ? '0.7' : '3'} s, and a K whose one step would take longer is skipped). PyTorch sequential trains the K models one after another (S steps each); batched is one program with a leading model axis (torch.bmm) and one Adam.`,
  '',
  '## Model-steps per second',
  '',
  report.rateTable,
  '',
  '## Ours ÷ PyTorch CPU (1 thread), same K',
  '',
  report.ratioTable,
  '',
];
if (report.notes.length) lines.push('Notes:', '', ...report.notes.map((n) => `- ${n}`), '');
if (study) {
  lines.push(
    args.quick
      ? '## Quick-budget study (`axlab reproduce --quick`; --quick: a check of the harness, not the full study)'
      : '## Full-budget study (`axlab reproduce --seeds 1 --protocol perPhase --bounds study`: the plan of docs/reproduce-full/)',
    '',
    study.wallSeconds == null
      ? `- Did not finish (see the log above); output in ${study.out}.`
      : `- Wall time ${study.wallSeconds.toFixed(1)} s for ${study.jobs} jobs (${study.environment}).${args.quick ? '' : ` docs/reproduce-full/ recorded ${study.referenceWallSeconds ?? '?'} s for the same plan (tfjs cpu, the sequential engine, biases 0.1); issue 8's target is 60 s.`} Output in ${study.out}.`,
    '',
  );
} else {
  lines.push('Full-budget study: not run (pass `--study`).', '');
}
lines.push(`Per-half results: ${relative(ROOT, nodeFile)}, ${relative(ROOT, browserFile)}.`);
const markdown = `${lines.join('\n')}\n`;
const base = join(RESULTS, stamp);
writeFileSync(`${base}.md`, markdown);
writeFileSync(`${base}.json`, `${JSON.stringify({ header, timings, groups: report, study, node, browser }, null, 2)}\n`);
console.log(`\n${markdown}`);
console.log(`[bench] wrote ${relative(ROOT, base)}.md and .json`);
