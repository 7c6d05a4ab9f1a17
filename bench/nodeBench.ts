/**
 * Node half of `npm run bench`: training steps per second of the AXNet trainer (src/ml/trainer.ts) on
 * the tfjs cpu and wasm backends, against a naive tfjs Layers-API `model.fit` loop of the same net.
 *
 * What is compared (Bessel J_ν, batch 128, Adam):
 * - "trainer AXNet + lone": the lab's trainer as the UI runs it (A 2-4-4-1 with ⊙c, C 2-4-10, lone 2-4-4-1);
 * - "trainer AXNet only": the same without the lone approximator;
 * - "Layers fit AXNet": the same AXNet built from tf.layers (dense heads for c(1), c(2) and the 2 logits,
 *   tf.layers.multiply for ⊙c), two losses (MSE + categorical CE) via model.fit. model.fit cannot recompute
 *   p_label per batch, so its labels are fixed in advance: it does strictly less work than eq. 1 asks;
 * - "Layers fit lone": a plain 2-4-4-1 MLP with model.fit, MSE.
 * Optionally PyTorch (if `python3 -c 'import torch'` works) runs the same AXNet step; otherwise it is skipped.
 * Results go to stdout and bench/results/node-<time>.json.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, type LabConfig } from '../src/core/config';
import { createDataset } from '../src/core/dataset';
import { selectBackend } from '../src/ml/backend';
import { createMethodTrainer } from '../src/ml/methods';

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
    const labels = kind === 'axnet' ? tf.oneHot(tf.tensor1d(Array.from({ length: n }, (_, i) => i % 2), 'int32'), 2) : null;
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

const TORCH_SCRIPT = `
import time, torch
torch.manual_seed(1); torch.set_num_threads(1)
n=8192; X=torch.rand(n,2)
def lin(i,o): 
    l=torch.nn.Linear(i,o); torch.nn.init.normal_(l.weight,0,0.1); torch.nn.init.constant_(l.bias,0.1); return l
A=[lin(2,4),lin(4,4),lin(4,1)]; C=[lin(2,4),lin(4,10)]; L=[lin(2,4),lin(4,4),lin(4,1)]
Y=torch.sin(X[:,1:2])*X[:,0:1]
params=[p for m in A+C+L for p in m.parameters()]
opt=torch.optim.Adam(params,lr=0.01)
def step():
    idx=torch.randint(0,n,(128,)); x=X[idx]; y=Y[idx]
    c=C[1](torch.relu(C[0](x))); c1,c2,z=c[:,:4],c[:,4:8],c[:,8:]
    a=torch.relu(A[0](x))*c1; a=torch.relu(A[1](a))*c2; h=A[2](a)
    with torch.no_grad(): lab=((h-y).abs().max(1).values<0.05).long()
    loss=((h-y)**2).mean()+torch.nn.functional.cross_entropy(z,lab)
    hl=L[2](torch.relu(L[1](torch.relu(L[0](x))))); loss=loss+((hl-y)**2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
for _ in range(50): step()
N=STEPS; t=time.perf_counter()
for _ in range(N): step()
print(N/(time.perf_counter()-t))
`;

/** Debian's python3-torch lives beside the system interpreter, which a pyenv `python3` shadows. */
const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'];

function timeTorch(steps: number): BenchRow {
  const python = PYTHON_CANDIDATES.find((candidate) => spawnSync(candidate, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0);
  if (!python) return { engine: 'PyTorch (1 thread)', variant: 'AXNet + lone', stepsPerSecond: null, note: 'skipped: no python3 with torch (apt-get install python3-torch)' };
  const run = spawnSync(python, ['-c', TORCH_SCRIPT.replace('STEPS', String(steps * 3))], { encoding: 'utf8' });
  const value = Number(run.stdout.trim());
  return Number.isFinite(value) && run.status === 0
    ? { engine: 'PyTorch (1 thread)', variant: 'AXNet + lone', stepsPerSecond: value }
    : { engine: 'PyTorch (1 thread)', variant: 'AXNet + lone', stepsPerSecond: null, note: `failed: ${run.stderr.trim().split('\n').at(-1)}` };
}

export async function runNodeBench(options: { steps: number; json?: boolean }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    const selection = await selectBackend(backend);
    if (selection.backend !== backend) {
      rows.push({ engine: `tfjs ${backend}`, variant: 'all', stepsPerSecond: null, note: `unavailable: ${selection.tried[0]?.reason}` });
      continue;
    }
    const engine = `tfjs ${backend}`;
    process.stderr.write(`bench: ${engine} …\n`);
    rows.push({ engine, variant: 'trainer AXNet + lone', stepsPerSecond: await timeTrainer({ ...BENCH_CONFIG, trainLone: true }, options.steps) });
    rows.push({ engine, variant: 'trainer AXNet only', stepsPerSecond: await timeTrainer({ ...BENCH_CONFIG, trainLone: false }, options.steps) });
    rows.push({ engine, variant: 'Layers fit AXNet (fixed labels)', stepsPerSecond: await timeLayersFit('axnet', options.steps) });
    rows.push({ engine, variant: 'Layers fit lone 2-4-4-1', stepsPerSecond: await timeLayersFit('lone', options.steps) });
  }
  rows.push(timeTorch(options.steps));
  printBenchTable(rows);
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `node-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ steps: options.steps, rows }, null, 2));
  if (options.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
  process.stderr.write(`bench: wrote ${file}\n`);
  return rows;
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
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  process.stdout.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n')}\n`);
}
