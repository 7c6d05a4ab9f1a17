/**
 * K NAS candidates (Chen et al., DATE'20 §III-B, Fig. 2) as ONE program of the engine (src/ml/group/engine.ts):
 *   H(x) = W_{L+1}ᵀ f_L(… f_1(W_1ᵀ x + b_1) …) + b_{L+1},  f_l ∈ {relu, sigmoid, tanh} per hidden layer AND per model,
 *   the output linear; loss MSE = mean (H(x) − y)² (DATE'20 §III-C: "The training procedure uses the MSE"); Adam;
 *   stepsPerCandidate steps (the paper trains 300 epochs; the lab budget is in steps, reference D.2.3).
 * Nets [N, …hidden widths, M], one θ group 'net', initialized as every lab net (src/ml/methods/flat.ts: kernels
 * N(0, 0.1) from the 'nas-init' stream, biases by config.initialization). The engine pads narrower models to the
 * group's widths with zeros that stay zero, so a model computes what it computes alone; it needs one depth per
 * program, so a mixed batch of 1- and 2-layer candidates becomes two programs (train.ts).
 *
 * Per-model activations: a hidden layer whose models all use one activation applies it directly; a mixed layer
 * splits z [K, batch, w] along the model axis into runs of consecutive models with one activation, applies each run's
 * activation and concatenates: a[k] = f_k(z[k]). Slices and concat only copy, so each model gets exactly its own
 * f(z) and gradient (no bit changes). Measured against one-hot masks a = Σ_f m_f ⊙ f(z) with m_f [K, 1, 1] (the
 * same bits): forward + gradient of a [4, 128, 32] layer with relu/sigmoid/tanh/relu took 6.3 ms against 27 ms
 * (broadcast masks) and 14 ms (full-size masks) on tfjs cpu, 1.06 against 2.7 and 1.9 ms on wasm (Node, this
 * machine). train.ts orders a program's models by their activations so that the runs are long.
 * Padded units of a sigmoid layer output σ(0) = 0.5, but the next layer's kernel rows of those units are padding
 * (zero), so they add exact zeros.
 */
import * as tf from '@tensorflow/tfjs';
import { configKey } from '../../core/nas/space';
import type { Initialization } from '../../core/config';
import { createRng } from '../../core/rng';
import type { ErrorMetricId } from '../../core/targets/types';
import type { NasActivation, NasConfig } from '../../core/nas/types';
import type { EngineModelConfig, MethodProgram, ProgramModel, ProgramPhase } from '../group/engine';
import type { DenseTensors, Rows } from '../axnet';
import { computeMse, countDenseParameters, formatWidths } from '../methods/common';

/** The engine's config of one candidate: its topology and budget beside what the engine reads. */
export interface NasModelConfig extends EngineModelConfig {
  candidate: NasConfig;
  stepsPerCandidate: number;
}

export type NasProgram = MethodProgram<NasModelConfig, 'nas'>;

/**
 * The seed of candidate `config` in a search of seed `seed`: a candidate's init and batch streams depend on
 * (seed, its key) only, never on which batch of candidates it trains in.
 */
export function deriveNasCandidateSeed(seed: number, config: NasConfig): number {
  return Math.floor(createRng(seed, `nas-candidate:${configKey(config)}`).next() * 2 ** 32);
}

/** An engine model config for candidate `candidate` of a search. */
export function makeNasModelConfig(
  candidate: NasConfig,
  options: { seed: number; learningRate: number; batchSize: number; errorBound: number; stepsPerCandidate: number; initialization: Initialization },
): NasModelConfig {
  if (candidate.layers.length === 0) throw new Error('A NAS candidate needs at least one hidden layer');
  for (const l of candidate.layers) if (!Number.isInteger(l.width) || l.width < 1) throw new Error(`Hidden widths must be positive integers, got ${configKey(candidate)}`);
  return {
    seed: deriveNasCandidateSeed(options.seed, candidate),
    learningRate: options.learningRate,
    batchSize: options.batchSize,
    errorBound: options.errorBound,
    initialization: options.initialization,
    candidate,
    stepsPerCandidate: options.stepsPerCandidate,
  };
}

function applyActivation(kind: NasActivation, z: Rows): Rows {
  switch (kind) {
    case 'relu':
      return tf.relu(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    default: {
      const never: never = kind;
      throw new Error(`Unsupported activation: ${String(never)}`);
    }
  }
}

/**
 * Forward of K candidates: x [K, batch, N] (or one model's [batch, N]) → H(x) [K, batch, M].
 * activations[l][k]: hidden layer l's activation of model k.
 */
export function forwardNasNets(layers: readonly DenseTensors[], x: Rows, activations: readonly (readonly NasActivation[])[]): Rows {
  let a = x;
  layers.forEach((layer, l) => {
    const z = tf.add(tf.matMul(a as tf.Tensor3D, layer.kernel as tf.Tensor3D), layer.bias);
    if (l === layers.length - 1) {
      a = z; // linear output
      return;
    }
    const kinds = activations[l];
    const present = [...new Set(kinds)];
    if (present.length === 1) {
      a = applyActivation(present[0], z);
      return;
    }
    // Runs of consecutive models with one activation: split z [K, batch, w] along the model axis, f per run, concat.
    const runs: { kind: NasActivation; models: number }[] = [];
    for (const kind of kinds) {
      const last = runs[runs.length - 1];
      if (last && last.kind === kind) last.models++;
      else runs.push({ kind, models: 1 });
    }
    const parts = tf.split(
      z,
      runs.map((r) => r.models),
      0,
    );
    a = tf.concat(
      parts.map((part, r) => applyActivation(runs[r].kind, part)),
      0,
    );
  });
  return a;
}

export function buildNasProgram(models: readonly ProgramModel<NasModelConfig>[], errorMetric: ErrorMetricId | null): NasProgram {
  if (models.length === 0) throw new Error('A NAS program needs at least one candidate');
  const first = models[0].config;
  const depth = first.candidate.layers.length;
  for (const m of models) {
    if (m.config.candidate.layers.length !== depth) throw new Error('Every candidate of one NAS program must have the same depth (group them by depth)');
    if (m.config.stepsPerCandidate !== first.stepsPerCandidate) throw new Error('Every candidate of one NAS program must have the same step budget');
  }
  // activations[l][k]: hidden layer l, model k.
  const activations = Array.from({ length: depth }, (_, l) => models.map((m) => m.config.candidate.layers[l].activation));
  const phases: ProgramPhase[] = [{ label: 'NAS · MSE', kind: 'approximator', steps: first.stepsPerCandidate, round: 1, group: 'net' }];
  return {
    method: 'nas',
    errorMetric,
    models: models.map((m) => {
      const widths = [m.dataset.inputDim, ...m.config.candidate.layers.map((l) => l.width), m.dataset.outputDim];
      const count = countDenseParameters(widths);
      const activationText = m.config.candidate.layers.map((l) => l.activation).join('/');
      return {
        groups: [{ name: 'net', nets: [{ name: 'net', widths, stream: 'nas-init' }] }],
        topology: {
          approximator: widths,
          predictor: null,
          sharedLayers: 0,
          parameters: count,
          match: null,
          description: `NAS candidate ${formatWidths(widths)} (${activationText}, linear out; ${count} parameters, weights + biases)`,
        },
        parameterCounts: { approximator: count, predictor: 0, total: count, lone: 0 },
        effectiveConfig: m.config,
        notes: [],
      };
    }),
    phases,
    reportsJointLoss: false,
    loneNet: null,
    computeStepLoss: (_kind, nets, x, y) => {
      const mse = computeMse(forwardNasNets(nets.net, x, activations), y);
      return { total: mse, mse, crossEntropy: null };
    },
    predict: (nets, x) => ({ output: forwardNasNets(nets.net, x, activations), gap: null }),
    toAxnetWeights: (read) => ({ approximator: read('net'), predictor: [], fusedLayers: [] }),
    toBaselineWeights: (read) => ({ approximator: read('net'), classifier: [] }),
  };
}
