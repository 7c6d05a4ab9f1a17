/**
 * AxTrain's methods (He et al., ISLPED'18) as programs of the one engine (src/ml/group/engine.ts):
 *   bp      E only (plain back-propagation, §2.2);
 *   act     E_tot = E + γ·S(w) (eq. 4), S of eq. 5 in the closed form of ./sensitivity.ts (its one tf gradient is
 *           eq. 6), γ adapted once per epoch (§3.1.3, src/core/approx/gammaSchedule.ts);
 *   pas     E of the net run on the approximate hardware model (DRUM-k multipliers or NTV bit flips in the weight
 *           memory, §3.2), back-propagated through the eq. 12 straight-through estimator (./hardware.ts);
 *   actpas  AxTrain: act for `epochs`, then a fresh pas stage of `pasEpochs` from the act net's weights (§4, "then
 *           fine-tune with pas for a few more epochs"): two programs in sequence (./trainer.ts), so that the study can
 *           fine-tune one act net for every hardware setting.
 * Nets: [N, …hidden, M], ReLU hidden (§2.2); the output is a sigmoid for a classification set (§2.2, E = binary
 * cross-entropy over the M sigmoid outputs: the paper does not name E, 'interpretation') or linear for an AxBench
 * target (E = MSE, a lab extension). One θ group 'net'; init as every lab net (src/ml/methods/flat.ts).
 * act needs K = 1 per engine (S is written for one model's tensors); bp and pas train any K.
 */

/** One training stage: one program of the engine. */
export type AxtrainStageMethod = 'bp' | 'act' | 'pas';
export interface AxtrainStage {
  method: AxtrainStageMethod;
  epochs: number;
}
import * as tf from '@tensorflow/tfjs';
import type { AxtrainConfig } from '../../core/axtrain/config';
import { createGammaState, defaultDeltaGamma, nextGamma, type GammaState } from '../../core/approx/gammaSchedule';
import type { ActivationId } from '../../core/approx/sensitivity';
import { getNtvFlipRate } from '../../core/approx/ntv';
import { createRng, type Rng, type RngState } from '../../core/rng';
import type { MethodProgram, NetTensors, ProgramModel, ProgramPhase } from '../group/engine';
import { meanPerModel, type DenseTensors, type Rows } from '../axnet';
import { countDenseParameters, formatWidths } from '../methods/common';
import { sensitivityTensor } from './sensitivity';
import { approxDense, type HardwareModel } from './hardware';
import type { AxtrainData } from './data';
import { describeSetting, readTrainingSetting } from '../../core/axtrain/report';

/** The hardware a forward pass runs on (every layer alike, §3.2: one static setting for the whole net). */
export type ForwardHardware = HardwareModel;

/** Per model: γ's schedule state and Δγ (null until the first epoch ends). */
export interface AxtrainModelState {
  gamma: GammaState;
  deltaGamma: number | null;
}

/** An AxTrain program's own state in a checkpoint: per model, γ's schedule and its NTV mask stream's position. */
interface AxtrainProgramState {
  states: AxtrainModelState[];
  ntvStreams: RngState[];
}

export interface AxtrainProgram extends MethodProgram<AxtrainConfig, AxtrainStageMethod> {
  /** Live per-model γ state (read by the trainer's evaluation). */
  readonly states: readonly AxtrainModelState[];
  /** Activation per layer: relu hidden, sigmoid or linear output. */
  readonly activations: readonly ActivationId[];
}

/** E per model: binary cross-entropy over sigmoid outputs from logits z (mean of softplus(z) − y·z), or MSE. → [K] or scalar. */
export function computeDataLoss(logitsOrOutput: Rows, y: Rows, classification: boolean): tf.Tensor {
  if (!classification) return meanPerModel(tf.squaredDifference(logitsOrOutput, y));
  // −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z (stable for any z)
  return meanPerModel(tf.sub(tf.softplus(logitsOrOutput), tf.mul(y, logitsOrOutput)));
}

/**
 * The net's pre-activation output (logits for sigmoid outputs) on `hardwareOf` (one model, or one per layer): a^l = relu(x^l) for hidden
 * layers, the last layer left linear (the caller applies the sigmoid where it needs O_k).
 */
export function forwardAxtrainNet(layers: readonly DenseTensors[], x: Rows, hardwareOf: ForwardHardware | ((layer: number) => ForwardHardware), steThreshold: number | null): Rows {
  let a = x;
  layers.forEach((layer, l) => {
    const hardware = typeof hardwareOf === 'function' ? hardwareOf(l) : hardwareOf;
    const z =
      hardware.kind === 'exact'
        ? tf.add(tf.matMul(a, layer.kernel), layer.bias)
        : approxDense(a as tf.Tensor2D, layer.kernel as tf.Tensor2D, layer.bias as tf.Tensor1D, hardware, steThreshold);
    a = l < layers.length - 1 ? tf.relu(z) : z;
  });
  return a;
}

/** The hardware pas trains on (config.hardware), with its NTV mask stream 'ntv-train' per model. */
export function resolveTrainingHardware(config: Readonly<AxtrainConfig>, rng: Rng): ForwardHardware {
  if (config.hardware === 'drum') return { kind: 'drum', k: config.drumK, actBits: config.drumBits, weightBits: config.drumBits };
  return { kind: 'ntv', weightBits: config.weightBits, flips: { kind: 'draw', p: getNtvFlipRate(config.ntvVoltageMv), rng } };
}

export function buildAxtrainProgram(models: readonly ProgramModel<AxtrainConfig>[], stage: AxtrainStage, data: AxtrainData, epochSteps: number): AxtrainProgram {
  const first = models[0].config;
  const { method } = stage;
  const classification = data.task.kind === 'classification';
  const usesSensitivity = method === 'act';
  if (usesSensitivity && models.length !== 1) throw new Error('AxTrain-act trains one model per program (S(w) is written for one model)');
  for (const m of models) {
    if (m.config.hidden.length !== first.hidden.length) throw new Error('Every AxTrain model of a group must share its depth');
  }
  const { inputDim, outputDim } = data.dataset;
  const activations: ActivationId[] = [...first.hidden.map(() => 'relu' as const), classification ? 'sigmoid' : 'linear'];
  const hardwareLabel = describeSetting(readTrainingSetting(first));
  const steps = stage.epochs * epochSteps;
  const label = method === 'bp' ? 'BP · E' : method === 'act' ? 'act · E + γ·S(w)' : `pas · E on ${hardwareLabel}`;
  const phases: ProgramPhase[] = [{ label, kind: 'approximator', steps, round: 1, group: 'net' }];
  const onHardware = method === 'pas';
  const ntvStreams = models.map((m) => createRng(m.config.seed, 'ntv-train'));
  const trainingHardware = models.map((m, k) => resolveTrainingHardware(m.config, ntvStreams[k]));
  const states: AxtrainModelState[] = models.map((m) => ({ gamma: createGammaState(m.config.gamma0), deltaGamma: null }));
  const steThreshold = (c: Readonly<AxtrainConfig>) => (c.steThreshold > 0 ? c.steThreshold : null);
  if (models.some((m) => m.config.hardware !== first.hardware || m.config.steThreshold !== first.steThreshold)) {
    throw new Error('Every AxTrain model of a group must train on the same hardware kind and STE threshold');
  }
  return {
    method,
    errorMetric: data.task.kind === 'regression' ? data.task.metric : null,
    models: models.map((m) => {
      const widths = [inputDim, ...m.config.hidden, outputDim];
      const count = countDenseParameters(widths);
      return {
        groups: [{ name: 'net', nets: [{ name: 'net', widths, stream: 'axtrain-init' }] }],
        topology: {
          approximator: widths,
          predictor: null,
          sharedLayers: 0,
          parameters: count,
          match: null,
          description: `${label}: ${formatWidths(widths)} (${count} parameters, weights + biases)`,
        },
        parameterCounts: { approximator: count, predictor: 0, total: count, lone: 0 },
        effectiveConfig: m.config,
        notes: [],
      };
    }),
    phases,
    reportsJointLoss: false,
    loneNet: null,
    extraColumns: usesSensitivity ? ['sensitivity', 'gamma'] : [],
    epochSteps,
    states,
    activations,
    computeStepLoss: (_kind, nets, x, y) => {
      const layers = nets.net;
      // K = 1 for act (checked above); for pas with K > 1 each model's hardware draws from its own stream.
      const hardware: ForwardHardware = onHardware ? trainingHardware[0] : { kind: 'exact' };
      if (hardware.kind === 'ntv' && models.length > 1) throw new Error('NTV training draws one mask stream per model: train one model per program');
      const logits = forwardAxtrainNet(layers, x, hardware, steThreshold(first));
      const dataLoss = computeDataLoss(logits, y, classification);
      if (!usesSensitivity) return { total: dataLoss, mse: dataLoss, crossEntropy: null, extras: [] };
      const sensitivity = sensitivityTensor(
        layers.map((l) => ({ kernel: l.kernel, bias: l.bias })),
        activations,
        x as tf.Tensor2D,
        { includeBiases: first.sensitivityBiases },
      );
      const gamma = tf.scalar(states[0].gamma.gamma);
      // eq. 4: E_tot = E + γ·S(w)
      const total = tf.add(dataLoss, tf.mul(gamma, sensitivity));
      return { total, mse: dataLoss, crossEntropy: null, extras: [sensitivity, gamma] };
    },
    endEpoch: (_epoch, means) => {
      if (!usesSensitivity) return;
      means.forEach((mean, k) => {
        const error = mean.mse;
        const sensitivity = mean.extras[0];
        if (!Number.isFinite(error) || !Number.isFinite(sensitivity)) return; // a stopped model
        const state = states[k];
        const config = models[k].config;
        // Δγ = scale·Ē₁/S̄₁ from the first epoch (γ = γ0 there): the reference's scale-free default, §A.3.
        state.deltaGamma ??= sensitivity > 0 ? defaultDeltaGamma(error, sensitivity, config.deltaGammaScale) : 0;
        state.gamma = nextGamma(state.gamma, error, { deltaGamma: state.deltaGamma, bound: config.gammaBound });
      });
    },
    // A checkpoint (src/ml/group/engine.ts): γ's schedule (what endEpoch changes) and where each NTV mask stream stands.
    captureState: (): AxtrainProgramState => ({ states: structuredClone(states), ntvStreams: ntvStreams.map((rng) => rng.getState()) }),
    restoreState: (saved) => {
      const state = saved as AxtrainProgramState;
      if (state.states.length !== states.length || state.ntvStreams.length !== ntvStreams.length) throw new Error('The AxTrain checkpoint is of another number of models');
      state.states.forEach((model, k) => (states[k] = structuredClone(model)));
      state.ntvStreams.forEach((stream, k) => ntvStreams[k].setState(stream));
    },
    predict: (nets: NetTensors, x) => {
      const logits = forwardAxtrainNet(nets.net, x, { kind: 'exact' }, null);
      return { output: classification ? tf.sigmoid(logits) : logits, gap: null };
    },
    toAxnetWeights: (read) => ({ approximator: read('net'), predictor: [], fusedLayers: [] }),
    toBaselineWeights: (read) => ({ approximator: read('net'), classifier: [] }),
  };
}
