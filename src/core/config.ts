import { type TARGET_DEFAULT_FIELDS, TARGET_LAB_DEFAULTS } from './targets/labDefaults';
import { CUSTOM_LAB_DEFAULTS, DEFAULT_CUSTOM_FUNCTION, cloneCustomFunction, type CustomFunctionConfig } from './targets/customDefaults';
import { CUSTOM_TARGET_ID, LAB_TARGET_IDS, type LabTargetId } from './targets/types';

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

/**
 * How θ starts: kernels ~ N(0, 0.1) from the seeded stream either way (authors' code); the biases are
 * the dense layer's default zeros ('authorsZeroBias', the authors' code) or 0.1 ('bias0.1', the lab's
 * default link). The values and their sources: INITIALIZATION_SPECS (src/core/modelChoices.ts).
 */
export const INITIALIZATIONS = ['authorsZeroBias', 'bias0.1'] as const;
export type Initialization = (typeof INITIALIZATIONS)[number];

/**
 * Where ⊙c(i) sits in an AXNet hidden layer: after the activation, f(W(i)ᵀa(i) + b(i)) ⊙ c(i) (Algorithm 1
 * line 9, the PE of §IV, the authors' code), or inside it, f(W(i)ᵀa(i) ⊙ c(i) + b(i)) (eq. 4 as printed).
 * Formulas and sources: CONTROL_PLACEMENT_SPECS (src/core/modelChoices.ts).
 */
export const CONTROL_PLACEMENTS = ['afterActivation', 'insideActivation'] as const;
export type ControlPlacement = (typeof CONTROL_PLACEMENTS)[number];

/** Iterative training's choice of the next training subset (Xu et al.'s choose_type, reference §3). */
export const CHOOSE_TYPES = [0, 1, 2, 3, 4] as const;
export type ChooseType = (typeof CHOOSE_TYPES)[number];

/** Version of the link format; bump it and add a migration to src/core/linkMigrations.ts when fields change meaning. */
export const CONFIG_VERSION = 1;

/**
 * Everything that determines a run. The URL hash is a projection of this object,
 * and the same object drives the worker and the CLI: same config + same backend ⇒ same numbers.
 */
export interface LabConfig {
  target: LabTargetId;
  /** The expression and input ranges of the user's own function; used when target is 'custom' (customFunction.ts). */
  customFunction: CustomFunctionConfig;
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
  /** Initial biases of every method's nets (kernels are N(0, 0.1) either way). */
  initialization: Initialization;
  /** AXNet only: ⊙c(i) after the activation (Algorithm 1, §IV, authors' code) or inside it (eq. 4 as printed). */
  controlPlacement: ControlPlacement;
}

/** The LabConfig fields that each target's TARGET_LAB_DEFAULTS entry sets. */
type TargetDefaultField = (typeof TARGET_DEFAULT_FIELDS)[number];

/** The fields no target sets: the same for every target's default link. */
const SHARED_DEFAULTS: Readonly<Omit<LabConfig, 'target' | TargetDefaultField>> = {
  customFunction: DEFAULT_CUSTOM_FUNCTION,
  seed: 1,
  backend: 'auto',
  evalEvery: 100,
  trainLone: true,
  methods: ['axnet'],
  fusion: 'all',
  predictionOutput: 'softmax',
  rounds: 8,
  chooseType: 3,
  matchParameters: false,
  // Today's behaviour, so the lab's default link and its golden vectors keep their numbers; the §V study
  // uses the authors' zeros (src/core/study/plan.ts).
  initialization: 'bias0.1',
  controlPlacement: 'afterActivation',
};

/** Target `target` and the config fields of its TARGET_LAB_DEFAULTS entry (fresh arrays). */
function readTargetDefaults(target: LabTargetId): Pick<LabConfig, 'target' | TargetDefaultField> {
  const defaults = target === CUSTOM_TARGET_ID ? CUSTOM_LAB_DEFAULTS : TARGET_LAB_DEFAULTS[target];
  return {
    target,
    approximatorHidden: [...defaults.approximatorHidden],
    predictorHidden: [...defaults.predictorHidden],
    learningRate: defaults.learningRate,
    batchSize: defaults.batchSize,
    errorBound: defaults.errorBound,
    steps: defaults.steps,
    trainSize: defaults.trainSize,
    testSize: defaults.testSize,
  };
}

/**
 * `config` switched to target `target` with that target's calibrated lab defaults (TARGET_LAB_DEFAULTS:
 * bound, topologies, learning rate, batch, steps, dataset sizes); every other
 * field (seed, backend, methods, …) is kept. The one mechanism behind a target switch in the sidebar,
 * a link that names only the target (src/core/link.ts), and DEFAULT_CONFIG.
 */
export function applyTargetDefaults(config: Readonly<LabConfig>, target: LabTargetId): LabConfig {
  return { ...cloneConfig(config), ...readTargetDefaults(target) };
}

/**
 * Defaults: Bessel J_ν with its calibrated lab defaults (TARGET_LAB_DEFAULTS.bessel_Jnu, where the
 * measurement behind each number is recorded), one AXNet run with the lone approximator beside it.
 */
export const DEFAULT_CONFIG: Readonly<LabConfig> = Object.freeze<LabConfig>({
  ...SHARED_DEFAULTS,
  methods: [...SHARED_DEFAULTS.methods],
  customFunction: cloneCustomFunction(DEFAULT_CUSTOM_FUNCTION),
  ...readTargetDefaults('bessel_Jnu'),
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

export function isTargetId(value: unknown): value is LabTargetId {
  return typeof value === 'string' && (LAB_TARGET_IDS as readonly string[]).includes(value);
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
    customFunction: cloneCustomFunction(config.customFunction),
  };
}
