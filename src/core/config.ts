import { TARGET_IDS, type TargetId } from './targets/types';

/** Backends in the order the lab tries them when the user leaves the choice to it. */
export const BACKEND_CHAIN = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_CHAIN)[number];
export type BackendChoice = 'auto' | BackendName;
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKEND_CHAIN];

/**
 * Training methods compared in the paper (§V-A): AXNet (§III-B), the onepass baseline (Mahajan et al.),
 * the iterative baseline (Xu et al., DAC'17), the weight-sharing net of §III-A, and a lone approximator
 * with no predictor (Fig. 4c).
 */
export const METHOD_IDS = ['axnet', 'onepass', 'iterative', 'weightsharing', 'lone'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

/** Which approximator hidden layers AXNet's control vectors reach (§III-D, Fig. 10c). */
export const FUSION_CHOICES = ['all', 'first', 'second'] as const;
export type FusionChoice = (typeof FUSION_CHOICES)[number];

/** P(x) as 2 softmax logits or 1 sigmoid unit (eq. 3). */
export const PREDICTION_OUTPUTS = ['softmax', 'sigmoid'] as const;
export type PredictionOutput = (typeof PREDICTION_OUTPUTS)[number];

/** Iterative training's choice of the next training subset (Xu et al.'s choose_type, reference §3). */
export const CHOOSE_TYPES = [0, 1, 2, 3, 4] as const;
export type ChooseType = (typeof CHOOSE_TYPES)[number];

/** Version of the link format; bump it and add a migration in src/state/url.ts when fields change meaning. */
export const CONFIG_VERSION = 1;

/**
 * Everything that determines a run. The URL hash is a projection of this object,
 * and the same object drives the worker and the CLI: same config + same backend ⇒ same numbers.
 */
export interface LabConfig {
  target: TargetId;
  /** Approximator hidden widths L_1..L_l (input and output widths come from the target). */
  approximatorHidden: number[];
  /** Predictor hidden widths; its output layer is Σ L_i + 2 wide (eq. 3, softmax P(x)). */
  predictorHidden: number[];
  learningRate: number;
  batchSize: number;
  /** Error bound of eq. 1, in the target's error metric. */
  errorBound: number;
  seed: number;
  /** The run stops at this training step. */
  steps: number;
  backend: BackendChoice;
  /** Also train a lone approximator (no predictor) on the same batches, for Fig. 4c. */
  trainLone: boolean;
  trainSize: number;
  testSize: number;
  /** Evaluate the §V metrics on the test set every this many steps. */
  evalEvery: number;
  /**
   * Methods to train. One method: the lab view. Several: compare mode, one worker per method,
   * all on the same data, seed, optimizer (Adam), activation (ReLU) and losses (§V-A).
   */
  methods: MethodId[];
  fusion: FusionChoice;
  predictionOutput: PredictionOutput;
  /** Rounds R of iterative training (onepass is one round). */
  rounds: number;
  chooseType: ChooseType;
  /** Size AXNet's nets to within 3% of the baseline's parameter count (§V-A). */
  matchParameters: boolean;
}

/**
 * Defaults: the Bessel set-up of the reference calibration (A 2-4-4-1, C 2-4-10, Adam, batch 128).
 * Bound 0.02 (absolute) leaves part of the (ν, x) plane unsafe, so the safe/unsafe boundary and the
 * control-vector suppression of Fig. 4 are visible; the authors' code uses 0.05, offered as a preset.
 */
export const DEFAULT_CONFIG: Readonly<LabConfig> = Object.freeze<LabConfig>({
  target: 'bessel_Jnu',
  approximatorHidden: [4, 4],
  predictorHidden: [4],
  learningRate: 0.01,
  batchSize: 128,
  errorBound: 0.02,
  seed: 1,
  steps: 3000,
  backend: 'auto',
  trainLone: true,
  trainSize: 8192,
  testSize: 2048,
  evalEvery: 100,
  methods: ['axnet'],
  fusion: 'all',
  predictionOutput: 'softmax',
  rounds: 8,
  chooseType: 3,
  matchParameters: false,
});

/** Inclusive limits; every number from a link or a form is clamped into these. */
export const CONFIG_LIMITS = {
  hiddenLayers: { min: 1, max: 4 },
  hiddenWidth: { min: 1, max: 128 },
  learningRate: { min: 1e-6, max: 1 },
  batchSize: { min: 1, max: 4096 },
  errorBound: { min: 1e-6, max: 100 },
  seed: { min: 0, max: 2147483647 },
  steps: { min: 1, max: 1000000 },
  trainSize: { min: 64, max: 200000 },
  testSize: { min: 64, max: 50000 },
  evalEvery: { min: 1, max: 100000 },
  rounds: { min: 1, max: 50 },
  chooseType: { min: 0, max: 4 },
} as const;

export function isTargetId(value: unknown): value is TargetId {
  return typeof value === 'string' && (TARGET_IDS as readonly string[]).includes(value);
}

export function isBackendChoice(value: unknown): value is BackendChoice {
  return typeof value === 'string' && (BACKEND_CHOICES as readonly string[]).includes(value);
}

export function isMethodId(value: unknown): value is MethodId {
  return typeof value === 'string' && (METHOD_IDS as readonly string[]).includes(value);
}

export function cloneConfig(config: Readonly<LabConfig>): LabConfig {
  return {
    ...config,
    approximatorHidden: [...config.approximatorHidden],
    predictorHidden: [...config.predictorHidden],
    methods: [...config.methods],
  };
}
