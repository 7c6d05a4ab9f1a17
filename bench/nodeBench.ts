/**
 * Node half of `npm run bench`: training steps per second of the AXNet trainer (src/ml/trainer.ts) on
 * the tfjs cpu and wasm backends, against a naive tfjs Layers-API `model.fit` loop of the same net.
 *
 * What is compared (Bessel J_ν, batch 128, Adam):
 * - "trainer AXNet + lone": the lab's trainer as the UI runs it (Bessel defaults: A 2-4-4-1 with ⊙c, C 2-8-10, lone 2-4-4-1);
 * - "trainer AXNet only": the same without the lone approximator;
 * - "Layers fit AXNet": the same AXNet built from tf.layers (dense heads for c(1), c(2) and the 2 logits,
 *   tf.layers.multiply for ⊙c), two losses (MSE + categorical CE) via model.fit. model.fit cannot recompute
 *   p_label per batch, so its labels are fixed in advance: it does strictly less work than eq. 1 asks;
 * - "Layers fit lone": a plain 2-4-4-1 MLP with model.fit, MSE.
 * Optionally PyTorch (if `python3 -c 'import torch'` works) runs the same AXNet step (bench/torch_group.py);
 * otherwise it is skipped.
 *
 * Then the K-model cells (issue 8 §5; bench/groupBench.ts): model-steps/s of K = 1, 8, 64, 256 AXNet models
 * (A 2-4-4-1, C 2-4-10, AXNet only) through createModelGroupTrainer on cpu and wasm, and PyTorch's same
 * K models one after another and as one batched program (1 thread, then one thread per core).
 * Results go to stdout and bench/results/node-<time>.json (or --out FILE); bench/groupReport.ts turns the
 * K-model rows into the ratio table of `npm run bench`.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, type LabConfig } from '../src/core/config';
import { createDataset } from '../src/core/dataset';
import { selectBackend } from '../src/ml/backend';
import { createMethodTrainer } from '../src/ml/methods';
import { GROUP_BENCH_CONFIG, GROUP_SIZES, groupWarmupSteps, measureGroupCell, QUICK_GROUP_SIZES, type GroupBenchRow } from './groupBench';

export interface BenchRow {
  engine: string;
  variant: string;
  stepsPerSecond: number | null;
  note?: string;
}

const BENCH_CONFIG: LabConfig = { ...DEFAULT_CONFIG, backend: 'cpu', steps: 1_000_000 };
const WARMUP_STEPS = 20;

async function timeTrainer(config: LabConfig, steps: number): Promise<number> {
  const trainer = createMethodTrainer(config, 'axnet');
  try {
    await trainer.train(WARMUP_STEPS);
    const start = performance.now();
    await trainer.train(steps);
    return (steps / (performance.now() - start)) * 1000;
  } finally {
    trainer.dispose();
  }
}

/** AXNet from tf.layers: predictor 2-4 → heads c(1) [4], c(2) [4], P logits [2]; approximator with multiply. */
function buildLayersAxnet(): tf.LayersModel {
  const init = () => tf.initializers.randomNormal({ mean: 0, stddev: 0.1, seed: 1 });
  const x = tf.input({ shape: [2] });
  const hidden = tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: init() }).apply(x) as tf.SymbolicTensor;
  const c1 = tf.layers.dense({ units: 4, kernelInitializer: init() }).apply(hidden) as tf.SymbolicTensor;
  const c2 = tf.layers.dense({ units: 4, kernelInitializer: init() }).apply(hidden) as tf.SymbolicTensor;
  const p = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: init(), name: 'p' }).apply(hidden) as tf.SymbolicTensor;
  const h1 = tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: init() }).apply(x) as tf.SymbolicTensor;
  const a1 = tf.layers.multiply().apply([h1, c1]) as tf.SymbolicTensor;
  const h2 = tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: init() }).apply(a1) as tf.SymbolicTensor;
  const a2 = tf.layers.multiply().apply([h2, c2]) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 1, kernelInitializer: init(), name: 'h' }).apply(a2) as tf.SymbolicTensor;
  const model = tf.model({ inputs: x, outputs: [out, p] });
  model.compile({ optimizer: tf.train.adam(0.01), loss: ['meanSquaredError', 'categoricalCrossentropy'] });
  return model;
}

function buildLayersLone(): tf.LayersModel {
  const init = () => tf.initializers.randomNormal({ mean: 0, stddev: 0.1, seed: 1 });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 4, activation: 'relu', kernelInitializer: init() }),
      tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: init() }),
      tf.layers.dense({ units: 1, kernelInitializer: init() }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

async function timeLayersFit(kind: 'axnet' | 'lone', steps: number): Promise<number> {
  const data = createDataset({ ...BENCH_CONFIG, trainSize: (steps + WARMUP_STEPS) * 128 });
  const model = kind === 'axnet' ? buildLayersAxnet() : buildLayersLone();
  const fit = async (count: number, offset: number) => {
    const n = count * 128;
    const xs = tf.tensor2d(data.trainX.subarray(offset * 2, (offset + n) * 2), [n, 2]);
    const ys = tf.tensor2d(data.trainY.subarray(offset, offset + n), [n, 1]);
    // Fixed labels (model.fit cannot recompute eq. 1 per batch): alternate safe/unsafe one-hots.
    const labels =
      kind === 'axnet'
        ? tf.oneHot(
            tf.tensor1d(
              Array.from({ length: n }, (_, i) => i % 2),
              'int32',
            ),
            2,
          )
        : null;
    try {
      await model.fit(xs, labels ? [ys, labels] : ys, { batchSize: 128, epochs: 1, shuffle: false, verbose: 0 });
    } finally {
      xs.dispose();
      ys.dispose();
      labels?.dispose();
    }
  };
  try {
    await fit(WARMUP_STEPS, 0);
    const start = performance.now();
    await fit(steps, WARMUP_STEPS * 128);
    return (steps / (performance.now() - start)) * 1000;
  } finally {
    model.dispose();
  }
}

/** Debian's python3-torch lives beside the system interpreter, which a pyenv `python3` shadows. */
const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'];
const TORCH_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'torch_group.py');

/** The python3 that imports torch, or null. */
export function findTorchPython(): string | null {
  return PYTHON_CANDIDATES.find((candidate) => spawnSync(candidate, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0) ?? null;
}

/** Output of bench/torch_group.py (one run: one thread setting, its cells). */
export interface TorchGroupRun {
  torch: string;
  threads: number;
  nproc: number;
  approximator: number[];
  predictor: number[];
  batch: number;
  lone: boolean;
  cells: { mode: 'sequential' | 'batched'; K: number; steps: number; modelSteps: number; ms: number; modelStepsPerSecond: number }[];
}

/** Runs bench/torch_group.py with the step of `config` (widths, batch, lr, bound, train size); its progress goes to our stderr; throws when it fails. */
function runTorchGroup(
  python: string,
  config: Readonly<LabConfig>,
  options: { sizes: readonly number[]; modes: string; threads: number; cellMs: number; lone: boolean },
): TorchGroupRun {
  const args = [
    TORCH_SCRIPT,
    `--sizes=${options.sizes.join(',')}`,
    `--modes=${options.modes}`,
    `--threads=${options.threads}`,
    `--cell-ms=${options.cellMs}`,
    `--approximator-hidden=${config.approximatorHidden.join(',')}`,
    `--predictor-hidden=${config.predictorHidden.join(',')}`,
    `--batch=${config.batchSize}`,
    `--lr=${config.learningRate}`,
    `--bound=${config.errorBound}`,
    `--train-size=${config.trainSize}`,
    ...(options.lone ? ['--lone'] : []),
  ];
  const run = spawnSync(python, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`torch_group.py exited with ${run.status ?? run.signal}`);
  return JSON.parse(run.stdout) as TorchGroupRun;
}

function timeTorch(python: string | null, cellMs: number): BenchRow {
  const row = { engine: 'PyTorch (1 thread)', variant: 'AXNet + lone' };
  if (!python) return { ...row, stepsPerSecond: null, note: 'skipped: no python3 with torch (apt-get install python3-torch)' };
  try {
    const run = runTorchGroup(python, { ...BENCH_CONFIG, trainLone: true }, { sizes: [1], modes: 'sequential', threads: 1, cellMs, lone: true });
    return { ...row, stepsPerSecond: run.cells[0].modelStepsPerSecond };
  } catch (error) {
    return { ...row, stepsPerSecond: null, note: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** What the Node half writes: the single-trainer rows, the K-model rows (tfjs) and the PyTorch K-model runs. */
export interface NodeBenchResults {
  steps: number;
  quick: boolean;
  rows: BenchRow[];
  groups: GroupBenchRow[];
  torch: { runs: TorchGroupRun[]; note?: string };
}

export interface NodeBenchOptions {
  steps: number;
  json?: boolean;
  /** K = 1, 8 only and shorter cells. */
  quick?: boolean;
  /** Where to write the JSON (default bench/results/node-<time>.json). */
  out?: string;
}

/** Target length of one K-model cell, ms (full run, --quick). */
const GROUP_CELL_MS = { full: 2000, quick: 700 } as const;

async function benchGroups(backend: 'cpu' | 'wasm', sizes: readonly number[], targetMs: number): Promise<GroupBenchRow[]> {
  const rows: GroupBenchRow[] = [];
  for (const size of sizes) {
    process.stderr.write(`bench: tfjs ${backend} K = ${size} …\n`);
    try {
      const result = await measureGroupCell({ size, backend, targetMs, warmupSteps: groupWarmupSteps(size) });
      rows.push({ where: 'node', backend, size, software: null, result });
    } catch (error) {
      rows.push({ where: 'node', backend, size, software: null, result: null, note: `failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return rows;
}

function benchTorchGroups(python: string | null, sizes: readonly number[], cellMs: number): NodeBenchResults['torch'] {
  if (!python) return { runs: [], note: 'skipped: no python3 with torch (apt-get install python3-torch)' };
  const runs: TorchGroupRun[] = [];
  // One thread (the reference), then one per core where there is more than one.
  const threadSettings = availableParallelism() > 1 ? [1, availableParallelism()] : [1];
  try {
    for (const threads of threadSettings) {
      process.stderr.write(`bench: PyTorch K-model cells, ${threads === 1 ? '1 thread' : `${threads} threads`} …\n`);
      runs.push(runTorchGroup(python, GROUP_BENCH_CONFIG, { sizes, modes: 'sequential,batched', threads, cellMs, lone: false }));
    }
  } catch (error) {
    return { runs, note: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { runs };
}

export async function runNodeBench(options: NodeBenchOptions): Promise<NodeBenchResults> {
  const quick = options.quick ?? false;
  const sizes = quick ? QUICK_GROUP_SIZES : GROUP_SIZES;
  const cellMs = quick ? GROUP_CELL_MS.quick : GROUP_CELL_MS.full;
  const rows: BenchRow[] = [];
  const groups: GroupBenchRow[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    const selection = await selectBackend(backend);
    if (selection.backend !== backend) {
      const reason = `unavailable: ${selection.tried[0]?.reason}`;
      rows.push({ engine: `tfjs ${backend}`, variant: 'all', stepsPerSecond: null, note: reason });
      groups.push(...sizes.map((size) => ({ where: 'node' as const, backend, size, software: null, result: null, note: reason })));
      continue;
    }
    const engine = `tfjs ${backend}`;
    process.stderr.write(`bench: ${engine} …\n`);
    rows.push({ engine, variant: 'trainer AXNet + lone', stepsPerSecond: await timeTrainer({ ...BENCH_CONFIG, trainLone: true }, options.steps) });
    rows.push({ engine, variant: 'trainer AXNet only', stepsPerSecond: await timeTrainer({ ...BENCH_CONFIG, trainLone: false }, options.steps) });
    rows.push({ engine, variant: 'Layers fit AXNet (fixed labels)', stepsPerSecond: await timeLayersFit('axnet', options.steps) });
    rows.push({ engine, variant: 'Layers fit lone 2-4-4-1', stepsPerSecond: await timeLayersFit('lone', options.steps) });
    groups.push(...(await benchGroups(backend, sizes, cellMs)));
  }
  const python = findTorchPython();
  rows.push(timeTorch(python, cellMs));
  const torch = benchTorchGroups(python, sizes, cellMs);
  printBenchTable(rows);
  const results: NodeBenchResults = { steps: options.steps, quick, rows, groups, torch };
  const file = options.out ?? join(dirname(fileURLToPath(import.meta.url)), 'results', `node-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2));
  if (options.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
  process.stderr.write(`bench: wrote ${file}\n`);
  return results;
}

/** One table; ratio = steps/s ÷ steps/s of "Layers fit AXNet" on the same engine. */
export function printBenchTable(rows: BenchRow[]): void {
  const baseline = new Map(rows.filter((r) => r.variant.startsWith('Layers fit AXNet')).map((r) => [r.engine, r.stepsPerSecond]));
  const reference = rows.find((r) => r.engine === 'tfjs cpu' && r.variant === 'trainer AXNet + lone')?.stepsPerSecond ?? null;
  const header = ['engine', 'variant', 'steps/s', '× Layers fit (same engine)', '× trainer on tfjs cpu'];
  const table = rows.map((r) => {
    const base = baseline.get(r.engine);
    return [
      r.engine,
      r.variant,
      r.stepsPerSecond === null ? `— (${r.note ?? 'n/a'})` : r.stepsPerSecond.toFixed(1),
      r.stepsPerSecond && base ? (r.stepsPerSecond / base).toFixed(2) : '—',
      r.stepsPerSecond && reference ? (r.stepsPerSecond / reference).toFixed(2) : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n')}\n`);
}
