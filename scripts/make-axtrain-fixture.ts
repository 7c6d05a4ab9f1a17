/**
 * Writes src/ui/axtrain/panels/fixtures/breastcancer-10epochs.json: a real AxTrain run (every method on breast cancer,
 * 10 epochs, +10 pas epochs for actpas, NTV evaluated over 10 masks) as the panels' AxtrainMethodSnapshot[], so the
 * figure panels' tests draw from real numbers. Trains with the CLI's own runAxtrainMethods (cli/axtrain.ts) on tfjs
 * 'cpu', and takes Fig. 1's landscape and Fig. 4's last-layer map from each trained net (src/ml/axtrain/views.ts).
 * Numbers are rounded to 6 significant digits to keep the file small; the file is left in Biome's format (as
 * `npm run format:check` wants it). Run: npx tsx scripts/make-axtrain-fixture.ts
 */
import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runAxtrainMethods } from '../cli/axtrain';
import { createAxtrainConfig, type AxtrainConfig } from '../src/core/axtrain/config';
import type { AxtrainMethodSnapshot, LossLandscapeSnapshot, SensitivityMapSnapshot } from '../src/core/axtrain/run';
import { computeLastLayerSensitivityMap, computeLossLandscape } from '../src/ml/axtrain/views';

const OUT = 'src/ui/axtrain/panels/fixtures/breastcancer-10epochs.json';

/** 6 significant digits (integers and non-finite values unchanged). */
function round(value: number): number {
  return Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value;
}

/** Every number of a plain value rounded; Float32Arrays become arrays (JSON has no typed arrays). */
function roundDeep(value: unknown): unknown {
  if (typeof value === 'number') return round(value);
  if (value instanceof Float32Array) return Array.from(value, round);
  if (Array.isArray(value)) return value.map(roundDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, roundDeep(v)]));
  return value;
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const config: AxtrainConfig = { ...createAxtrainConfig('breastcancer'), epochs: 10, evalRuns: 10 };
  const views = new Map<string, { sensitivityMap: SensitivityMapSnapshot; landscape: LossLandscapeSnapshot; totalSteps: number; phase: string }>();
  const started = performance.now();
  const { runs, description } = await runAxtrainMethods(
    config,
    (line) => process.stderr.write(`${line}\n`),
    async (trainer) => {
      views.set(trainer.method, {
        sensitivityMap: await computeLastLayerSensitivityMap(trainer),
        landscape: await computeLossLandscape(trainer),
        totalSteps: trainer.totalSteps,
        phase: trainer.phase,
      });
    },
  );
  const snapshots: AxtrainMethodSnapshot[] = runs.map((run) => {
    const view = views.get(run.method)!;
    return {
      method: run.method,
      step: run.steps,
      totalSteps: view.totalSteps,
      phase: view.phase,
      points: run.points,
      hardware: run.hardware,
      sensitivityMap: view.sensitivityMap,
      landscape: view.landscape,
      diverged: run.diverged,
    };
  });
  const fixture = {
    about: `Recorded by scripts/make-axtrain-fixture.ts (tfjs ${tf.version.tfjs}, cpu) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${description}. Numbers rounded to 6 significant digits.`,
    config,
    snapshots: roundDeep(snapshots),
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(fixture)}\n`);
  execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'inherit' });
  process.stderr.write(`wrote ${OUT} (${(readFileSync(OUT).length / 1024).toFixed(1)} kB)\n`);
}

void main();
