/**
 * Each target's default link, trained by the CLI at its default budget on cpu (seed 1), ends with mixed
 * routing and AXNet ahead of the lone approximator (issue 7 §3; the calibration is recorded in
 * src/core/targets/labDefaults.ts). On Bessel, the trained control vectors switch a neuron off in the corner
 * (ν, x) → (0, 1) of Fig. 4d, and weight sharing ends far below AXNet (Fig. 2a's low invocation; its oscillation
 * shows on seed 2, not on seed 1, see below).
 *
 * Runtime: one AXNet run (with the lone approximator beside it) per target through the CLI, plus three Bessel
 * runs in process; 268 s in all on this project's shared 2-core machine (per target: measured.seconds).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, applyTargetDefaults } from '../src/core/config';
import { TARGET_LAB_DEFAULTS } from '../src/core/targets/labDefaults';
import { TARGET_IDS, type TargetId } from '../src/core/targets/types';
import { selectBackend } from '../src/ml/backend';
import { createMethodTrainer } from '../src/ml/methods';
import { runToCompletion } from '../src/ml/session';
import type { EvaluationPoint, SurfaceSnapshot } from '../src/core/weights';
import { SUPPRESSION_THRESHOLD } from '../src/core/axnetMath';
import { formatHash, parseLink } from '../src/core/link';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Predicted invocation strictly inside this range: some inputs to the network, some to the CPU. */
const MIXED_ROUTING = { min: 0.05, max: 0.95 } as const;

/** The default link of `target` as the lab writes it, forced to the cpu backend. */
function defaultLink(target: TargetId): string {
  return formatHash({ ...applyTargetDefaults(DEFAULT_CONFIG, target), backend: 'cpu' });
}

interface Summary {
  target: string;
  method: string;
  trueInvocation: number;
  predictedInvocation: number;
  overallError: number | null;
  loneTrueInvocation: number | null;
  steps: number;
  ms: number;
}

function trainWithCli(link: string): Summary {
  const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), 'train', link, '--json', '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`axlab train ${link} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Summary;
}

describe("each target's default link (CLI, cpu, seed 1, default budget)", () => {
  for (const target of TARGET_IDS) {
    const { measured } = TARGET_LAB_DEFAULTS[target];
    it(`${target}: mixed routing, no saturation, AXNet ahead of the lone approximator, as recorded`, { timeout: 600_000 }, () => {
      const link = defaultLink(target);
      expect(link).toBe(target === DEFAULT_CONFIG.target ? '#v=1&backend=cpu' : `#v=1&target=${target}&backend=cpu`);
      const summary = trainWithCli(link);
      expect(summary.steps).toBe(TARGET_LAB_DEFAULTS[target].steps);
      expect(summary.predictedInvocation).toBeGreaterThan(MIXED_ROUTING.min);
      expect(summary.predictedInvocation).toBeLessThan(MIXED_ROUTING.max);
      expect(summary.trueInvocation).toBeGreaterThan(0);
      expect(summary.trueInvocation).toBeLessThan(1);
      expect(summary.loneTrueInvocation).not.toBeNull();
      expect(summary.trueInvocation).toBeGreaterThan(summary.loneTrueInvocation ?? 1);
      // The run reproduces the recorded measurement (same config, seed and backend ⇒ same numbers).
      expect(summary.trueInvocation).toBeCloseTo(measured.trueInvocation, 3);
      expect(summary.predictedInvocation).toBeCloseTo(measured.predictedInvocation, 3);
      expect(summary.loneTrueInvocation).toBeCloseTo(measured.loneTrueInvocation, 3);
    });
  }
});

/** |c| of neuron j of a fused layer over the grid cells where `where(ν, x)` holds. */
function readControls(surface: SurfaceSnapshot, layer: SurfaceSnapshot['hidden'][number], j: number, where: (nu: number, x: number) => boolean): number[] {
  const n = surface.resolution;
  const values: number[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const nu = surface.ranges[0][0] + ((surface.ranges[0][1] - surface.ranges[0][0]) * col) / (n - 1);
      const x = surface.ranges[1][0] + ((surface.ranges[1][1] - surface.ranges[1][0]) * row) / (n - 1);
      if (where(nu, x)) values.push(Math.abs(layer.control[(row * n + col) * layer.width + j]));
    }
  }
  return values;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Direction changes, total rise and fall of an evaluation curve, and how many single-interval drops exceed a size. */
function measureSwings(curve: readonly number[]) {
  let directionChanges = 0,
    rise = 0,
    fall = 0,
    direction = 0;
  const drops: number[] = [];
  for (let i = 1; i < curve.length; i++) {
    const d = curve[i] - curve[i - 1];
    if (d > 0) rise += d;
    if (d < 0) {
      fall -= d;
      drops.push(-d);
    }
    const sign = Math.sign(d);
    if (sign !== 0 && direction !== 0 && sign !== direction) directionChanges++;
    if (sign !== 0) direction = sign;
  }
  return { directionChanges, rise, fall, dropsOver: (size: number) => drops.filter((d) => d > size).length };
}

describe("Bessel default (in process, the CLI's path: parseLink → createMethodTrainer → runToCompletion)", () => {
  /** The corner region of Fig. 4d, (ν, x) → (0, 1), and the plane away from it, on the 11 × 11 hover grid. */
  const inCorner = (nu: number, x: number) => nu <= 0.2 + 1e-9 && x >= 0.8 - 1e-9;
  const awayFromCorner = (nu: number, x: number) => nu >= 0.4 - 1e-9 || x <= 0.6 + 1e-9;
  let axnet: { evaluations: EvaluationPoint[]; surface: SurfaceSnapshot };

  beforeAll(async () => {
    await selectBackend('cpu');
    const { config, problems } = parseLink('#v=1&backend=cpu');
    expect(problems).toEqual([]);
    const trainer = createMethodTrainer(config, 'axnet');
    try {
      const { evaluations } = await runToCompletion(trainer);
      const surface = await trainer.surface(11);
      if (surface === null) throw new Error('Bessel has a 2-D input: surface expected');
      axnet = { evaluations, surface };
    } finally {
      trainer.dispose();
    }
  }, 300_000);

  it('switches at least one hidden neuron off near (ν, x) = (0, 1) and leaves it on elsewhere (Fig. 4d)', () => {
    const { surface } = axnet;
    const found: string[] = [];
    surface.hidden.forEach((layer, i) => {
      for (let j = 0; j < layer.width; j++) {
        const corner = readControls(surface, layer, j, inCorner);
        const rest = readControls(surface, layer, j, awayFromCorner);
        // Clearly below the panel's suppression threshold in every corner cell, clearly above it elsewhere.
        if (Math.max(...corner) < SUPPRESSION_THRESHOLD && median(rest) > 2 * SUPPRESSION_THRESHOLD) found.push(`layer ${(surface.hidden[i].layer ?? i) + 1} neuron ${j + 1}`);
      }
    });
    expect(found.length, 'no neuron is switched off in the corner and on elsewhere').toBeGreaterThan(0);
  });

  // Fig. 2a's OSCILLATION is not shown by this default (seed 1), for a reason that is the seed's, not a bug
  // (src/ml/methods/weightsharing.test.ts): within 10 Adam steps all 4 ReLUs of the approximation subnet's
  // hidden layer are dead on every input, so H(x) is constant (MSE 0.057 = Var y, true invocation 0.042) and
  // ∂La/∂(shared) = 0; only Lp moves the shared layer until near step 1 800 a unit comes back and the curve climbs
  // to 0.358 (sum of falls 0.22). What seed 1 does show is the paper's other observation, that weight sharing
  // "always converges to a low invocation": that is what the first test checks; the second checks the
  // oscillation on seed 2 of the same link. At lr 0.01 AXNet swings too (sum of falls 1.50 on seeds 1 and 2),
  // so the contrast of Fig. 2a/2b (AXNet climbing steadily) is not reproduced at this budget.
  it('in compare mode, weight sharing ends far below AXNet, its predictor calling nothing safe (Fig. 2a)', async () => {
    const { config } = parseLink('#v=1&backend=cpu&methods=axnet,weightsharing');
    const trainer = createMethodTrainer(config, 'weightsharing');
    let sharing: EvaluationPoint[];
    try {
      sharing = (await runToCompletion(trainer)).evaluations;
    } finally {
      trainer.dispose();
    }
    expect(sharing.length).toBe(axnet.evaluations.length);
    const sharingEnd = sharing[sharing.length - 1].metrics;
    const axnetEnd = axnet.evaluations[axnet.evaluations.length - 1].metrics;
    expect(sharingEnd.trueInvocation).toBeLessThan(0.6 * axnetEnd.trueInvocation);
    expect(sharingEnd.predictedInvocation).toBeLessThan(MIXED_ROUTING.min);
    // Over the run, too: weight sharing never reaches AXNet's final level.
    expect(Math.max(...sharing.map((p) => p.metrics.trueInvocation))).toBeLessThan(axnetEnd.trueInvocation);
  }, 300_000);

  // Seed 2 (its approximation subnet keeps 3 of 4 units): true invocation 0.050 0.207 0.323 0.281 0.255 0.178
  // 0.351 0.305 0.274 0.334 0.268 0.382 0.171 0.371 0.399 0.351 0.287 0.262 0.293 0.432 0.307 0.447 0.458 0.279
  // 0.411 0.307 0.410 0.392 0.149 0.367: 18 direction changes, rise 1.62, fall 1.31; predicted invocation ≤ 0.052, 0 at the end;
  // |∂Lp/∂(shared)| / |∂La/∂(shared)| from 0.8 to 37, median ≈ 5 ("an order of magnitude … varies with time").
  it("on seed 2 of the compare link, weight sharing's true invocation goes up and down (Fig. 2a) and its predictor calls nothing safe", async () => {
    const { config } = parseLink('#v=1&backend=cpu&methods=axnet,weightsharing&seed=2');
    const trainer = createMethodTrainer(config, 'weightsharing');
    let curve: number[];
    let predicted: number[];
    try {
      const { evaluations } = await runToCompletion(trainer);
      curve = evaluations.map((p) => p.metrics.trueInvocation);
      predicted = evaluations.map((p) => p.metrics.predictedInvocation);
    } finally {
      trainer.dispose();
    }
    const swings = measureSwings(curve);
    expect(swings.directionChanges).toBeGreaterThanOrEqual(10);
    expect(swings.fall).toBeGreaterThan(0.8);
    expect(swings.fall).toBeGreaterThan(0.5 * swings.rise); // it gives back more than half of what it gains
    expect(swings.dropsOver(0.1)).toBeGreaterThanOrEqual(4); // visible: ≥ 4 drops of 0.1 between evaluations
    expect(Math.max(...curve)).toBeLessThan(0.6);
    expect(predicted[predicted.length - 1]).toBeLessThan(MIXED_ROUTING.min);
    expect(Math.max(...predicted)).toBeLessThan(0.1);
  }, 120_000);
});
