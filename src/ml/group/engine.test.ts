import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, type MethodId } from '../../core/config';
import { createMethodTrainer } from '../methods';
import { runToCompletion } from '../session';
import golden from './fixtures/golden-cpu.json';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const hex = (values: number[]) => Buffer.from(Float32Array.from(values).buffer).toString('hex');

describe('the one engine at K = 1 reproduces the per-method trainers it replaced, bit for bit (cpu)', () => {
  for (const [name, entry] of Object.entries(golden as Record<string, { method: MethodId; config: Partial<LabConfig>; evaluations: unknown[]; weights: string }>)) {
    it(name, async () => {
      const config: LabConfig = { ...DEFAULT_CONFIG, ...entry.config, methods: [entry.method] };
      const trainer = createMethodTrainer(config, entry.method);
      const run = await runToCompletion(trainer);
      const weights = await trainer.getWeights();
      trainer.dispose();
      expect(JSON.parse(JSON.stringify(run.evaluations))).toEqual(entry.evaluations);
      expect(hex([...weights.approximator, ...weights.predictor].flatMap((l) => [...l.kernel, ...l.bias]))).toBe(entry.weights);
    }, 60_000);
  }
});
