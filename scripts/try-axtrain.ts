import * as tf from '@tensorflow/tfjs';
import { createAxtrainConfig } from '../src/core/axtrain/config';
import { loadAxtrainData } from '../src/ml/axtrain/data';
import { createAxtrainTrainer, trainAxtrainToCompletion } from '../src/ml/axtrain/trainer';
import { evaluateOnHardware } from '../src/ml/axtrain/evaluate';
await tf.setBackend(process.env.BK ?? 'cpu');
const ds = process.env.DS ?? 'breastcancer';
const methods = (process.env.M ?? 'bp,act,pas,actpas').split(',');
const epochs = Number(process.env.EP ?? 150);
for (const seed of (process.env.SEEDS ?? '1').split(',').map(Number)) {
  const config = { ...createAxtrainConfig(ds as never), seed, epochs, evalRuns: 50 };
  const data = await loadAxtrainData(config);
  for (const m of methods) {
    const t0 = performance.now();
    const before = tf.memory().numTensors;
    const trainer = createAxtrainTrainer(config, m as never, data);
    const points = await trainAxtrainToCompletion(trainer, Math.max(1, Math.floor(epochs / 5)));
    const t1 = performance.now();
    const report = await evaluateOnHardware(trainer);
    const t2 = performance.now();
    const last = points.at(-1)!;
    const r = (kind: string, key: string) =>
      report.results
        .filter((x) => x.setting.kind === kind)
        .map((x) => `${(x.setting as any)[key]}:${x.accuracy.mean.toFixed(3)}±${x.accuracy.std.toFixed(3)}/L${x.normalizedLoss.toFixed(2)}`)
        .join(' ');
    console.log(
      `seed ${seed} ${m}: train ${(t1 - t0).toFixed(0)} ms eval ${(t2 - t1).toFixed(0)} ms; acc ${last.testAccuracy.toFixed(3)} loss ${last.testLoss.toFixed(4)} S ${last.testSensitivity.toFixed(3)} γ ${last.gamma}`,
    );
    console.log('   ntv', r('ntv', 'voltageMv'));
    console.log('   drum', r('drum', 'k'));
    trainer.dispose();
    if (tf.memory().numTensors !== before) console.log('LEAK', tf.memory().numTensors - before);
  }
}
