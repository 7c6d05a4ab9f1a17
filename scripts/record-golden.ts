/**
 * Records the golden vectors of src/ml/group/fixtures/golden-cpu.json: every method trained by the
 * per-method trainers of the lab before the one engine (commit 3426cd2), on cpu, small configs. The
 * engine's K = 1 runs must reproduce them bit for bit (engine.test.ts). Run: npx tsx scripts/record-golden.ts (on a checkout of that commit, where runToCompletion came from src/ml/trainer)
 * Added later by hand: metrics.overallErrorWorstOutput (issue 11), equal to overallError in every recorded
 * evaluation (one output, or nothing predicted safe); the weights and every other number are the recorded ones.
 */
import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { DEFAULT_CONFIG, type LabConfig, type MethodId } from '../src/core/config';
import { createMethodTrainer } from '../src/ml/methods';
import { runToCompletion } from '../src/ml/session';

export const GOLDEN_CASES: { name: string; method: MethodId; config: Partial<LabConfig> }[] = [
  { name: 'axnet-bessel', method: 'axnet', config: { steps: 300, evalEvery: 100, trainSize: 1024, testSize: 256 } },
  {
    name: 'axnet-bessel-seed3-sigmoid-first',
    method: 'axnet',
    config: { steps: 200, evalEvery: 100, trainSize: 1024, testSize: 256, seed: 3, predictionOutput: 'sigmoid', fusion: 'first', trainLone: false },
  },
  {
    name: 'axnet-inversek2j',
    method: 'axnet',
    config: {
      target: 'inversek2j',
      approximatorHidden: [8, 8],
      predictorHidden: [8],
      errorBound: 0.1,
      steps: 200,
      evalEvery: 100,
      trainSize: 1024,
      testSize: 256,
      learningRate: 0.005,
    },
  },
  { name: 'onepass', method: 'onepass', config: { steps: 200, evalEvery: 100, trainSize: 1024, testSize: 256 } },
  { name: 'iterative', method: 'iterative', config: { steps: 100, rounds: 2, evalEvery: 100, trainSize: 1024, testSize: 256 } },
  { name: 'weightsharing', method: 'weightsharing', config: { steps: 300, evalEvery: 100, trainSize: 1024, testSize: 256, seed: 2 } },
  { name: 'lone', method: 'lone', config: { steps: 200, evalEvery: 100, trainSize: 1024, testSize: 256 } },
];

const hex = (values: Float32Array | number[]) => Buffer.from(Float32Array.from(values).buffer).toString('hex');

async function main() {
  await tf.setBackend('cpu');
  const out: Record<string, unknown> = {};
  for (const c of GOLDEN_CASES) {
    const config: LabConfig = { ...DEFAULT_CONFIG, ...c.config, methods: [c.method] };
    const trainer = createMethodTrainer(config, c.method);
    const run = await runToCompletion(trainer);
    const weights = await trainer.getWeights();
    const flat = [...weights.approximator, ...weights.predictor].flatMap((l) => [...l.kernel, ...l.bias]);
    out[c.name] = { method: c.method, config: c.config, evaluations: run.evaluations, weights: hex(flat) };
    trainer.dispose();
    console.log(c.name, run.evaluations.at(-1)?.metrics.trueInvocation);
  }
  writeFileSync(new URL('../src/ml/group/fixtures/golden-cpu.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
}
await main();
