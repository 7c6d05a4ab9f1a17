/**
 * The lab's calibrated defaults per target: what a link that names only the target trains
 * (`#v=1&target=sobel`), what a target switch in the sidebar applies, and (for Bessel) DEFAULT_CONFIG.
 * One table, one mechanism: applyTargetDefaults (src/core/config.ts) copies these fields.
 *
 * Each entry was chosen so that its default link shows the paper's effect (issue 7 §3): at the end
 * some test inputs go to the network and some to the CPU (0.05 < predicted invocation < 0.95), AXNet's
 * true invocation clearly exceeds the lone approximator's and onepass', and the predictor does not
 * saturate. `measured` is the run behind each entry; `command` reproduces it (cpu backend, Node).
 *
 * The evaluation interval is not a target field: evaluating does not change training (results are
 * bit-identical however the steps are chunked), so a target switch keeps the user's interval.
 *
 * Pure data: no imports but types, so config.ts can read it without loading the targets (or photos).
 */
import type { TargetId } from './types';

/** The end state of one calibration run of a target's default link (test set, final evaluation). */
export interface CalibrationRecord {
  /** AXNet §V metrics at the last step. */
  trueInvocation: number;
  predictedInvocation: number;
  /** The lone approximator trained beside AXNet on the same batches (Fig. 4c). */
  loneTrueInvocation: number;
  /** Onepass (approximator then classifier, 2 × steps) on the same link. */
  onepassTrueInvocation: number;
  seed: number;
  backend: 'cpu';
  /** AXNet optimizer steps of the run (onepass gets 2 ×, budget.ts). */
  steps: number;
  /**
   * Wall time of `axlab train` on the default link (AXNet + lone, cpu backend) in cli/defaults.test.ts on this
   * project's 2-core machine shared with other jobs, seconds: noisy, for sizing only.
   */
  seconds: number;
  /** ISO date of the measurement. */
  date: string;
  /** Reproduces the numbers: prints one JSON summary per method. */
  command: string;
  /** What was tried and why this value, in a sentence. */
  note: string;
  /**
   * Set when the default does NOT show all of the paper's effect at its budget (issue 7 §3), saying which
   * condition fails and how; the tests then check that the failure is still real (no stale excuse).
   */
  shortfall?: 'predictor saturates';
}

/** The LabConfig fields a target's lab defaults set; every other field comes from DEFAULT_CONFIG. */
export interface TargetLabDefaults {
  /** Error bound of eq. 1 in the target's metric; one of the target's boundPresets. */
  errorBound: number;
  /** Approximator hidden widths L_1..L_l (input and output widths come from the target). */
  approximatorHidden: readonly number[];
  /** Predictor hidden widths; its output layer is Σ L_i + 2 (eq. 3). */
  predictorHidden: readonly number[];
  /** Adam learning rate. */
  learningRate: number;
  batchSize: number;
  /** AXNet optimizer steps (the budget of every network-training phase, budget.ts). */
  steps: number;
  trainSize: number;
  testSize: number;
  measured: CalibrationRecord;
}

/** The fields of TargetLabDefaults that are LabConfig fields (all but `measured`), in link order. */
export const TARGET_DEFAULT_FIELDS = [
  'approximatorHidden',
  'predictorHidden',
  'learningRate',
  'batchSize',
  'errorBound',
  'steps',
  'trainSize',
  'testSize',
] as const satisfies readonly (keyof TargetLabDefaults)[];

const DATE = '2026-12-01';

/** `axlab train` of a target's default link with onepass beside AXNet (and the lone approximator inside the AXNet run). */
function reproduce(target: TargetId): string {
  return `npx axlab train '#v=1&target=${target}&methods=axnet,onepass&backend=cpu' --json --quiet`;
}

/**
 * Onepass' approximator IS the lone approximator: same init stream ('lone-init'), same batches, same
 * `steps` (budget.ts), and true invocation is a property of the approximator alone; so onepass' true
 * invocation equals the lone one's (checked: 0.258 = 0.258 on `#v=1&steps=200&train=512&test=256&methods=onepass,lone`).
 */
const ONEPASS_EQUALS_LONE = 'onepass true invocation = lone (same approximator, see ONEPASS_EQUALS_LONE)';

export const TARGET_LAB_DEFAULTS: Readonly<Record<TargetId, Readonly<TargetLabDefaults>>> = Object.freeze({
  bessel_Jnu: {
    errorBound: 0.015,
    approximatorHidden: [4, 4],
    predictorHidden: [8],
    learningRate: 0.01,
    batchSize: 128,
    steps: 3000,
    trainSize: 8192,
    testSize: 2048,
    measured: {
      trueInvocation: 0.747,
      predictedInvocation: 0.815,
      loneTrueInvocation: 0.249,
      onepassTrueInvocation: 0.249,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: 37,
      date: DATE,
      command: reproduce('bessel_Jnu'),
      note:
        'bound 0.02 (C 2-4-10): true 0.892 but predicted 1.000 (saturated); 0.01: predicted 0.000; 0.015 with C 2-8-10 mixes. ' +
        'Control neuron 4 of layer 2 has |c| ≤ 0.082 on the corner ν ≤ 0.2, x ≥ 0.8 and median 0.215 elsewhere. ' +
        "Compare mode: weight sharing ends at true 0.358, predicted 0.000 (a low invocation, as §III-A says), but Fig. 2a's " +
        'oscillation is NOT shown on seed 1: its approximation subnet loses all 4 hidden ReLUs within 10 steps (H constant, ' +
        "∂La/∂shared = 0) and its curve sits at 0.04 for 1 800 steps, then climbs (sum of falls 0.22 against AXNet's 1.50). " +
        'Seeds 2–8 leave 0.04 within 200 steps and oscillate (seed 2: 18 direction changes, falls 1.31). AXNet swings too at ' +
        'lr 0.01–0.003 (falls 1.4–1.5; batch 512 and evaluation every 50 steps gave the same ordering); at lr 0.002 it is ' +
        'steadier (falls 0.46) but weight sharing then sits at 0.14–0.23 (falls 0.26). ' +
        ONEPASS_EQUALS_LONE,
    },
  },
  blackscholes: {
    errorBound: 0.05,
    approximatorHidden: [4],
    predictorHidden: [8],
    learningRate: 0.01,
    batchSize: 128,
    steps: 3000,
    trainSize: 70000,
    testSize: 8192,
    measured: {
      trueInvocation: 0.293,
      predictedInvocation: 0.245,
      loneTrueInvocation: 0.13,
      onepassTrueInvocation: 0.13,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: 13,
      date: DATE,
      command: reproduce('blackscholes'),
      note:
        'bound 0.01 (A 6-8-8-1): true 0.043, predicted 0; 0.05 with A 6-8-8-1: AXNet 0.328 vs lone 0.346; A 6-8-1: 0.345 vs 0.306; ' +
        'the narrow A 6-4-1 gains most from the control vectors. Test set 8 192 rows (not 30 000) to keep the run short. ' +
        ONEPASS_EQUALS_LONE,
    },
  },
  fft: {
    errorBound: 0.025,
    approximatorHidden: [4],
    predictorHidden: [16],
    learningRate: 0.003,
    batchSize: 128,
    steps: 4000,
    trainSize: 7900,
    testSize: 3380,
    measured: {
      trueInvocation: 0.455,
      predictedInvocation: 0.468,
      loneTrueInvocation: 0.0355,
      onepassTrueInvocation: 0.0355,
      seed: 1,
      backend: 'cpu',
      steps: 4000,
      seconds: 11,
      date: DATE,
      command: reproduce('fft'),
      note:
        'The predictor sees one input x ∈ [0, 0.5) through kernels N(0, 0.1) and biases 0.1 (|w·x| < 0.05 < 0.1), so its ReLUs ' +
        'stay on and P(x) is a threshold on x (logit gap linear in x in the probed runs); the safe set is scattered over x, and once it passes ~0.6 of the test set ' +
        '"all safe" wins (the old A 1-2-2-2, C 1-8-6, bound 0.05, lr 0.002: true 0.876, predicted 1.000, lone 0.105). ' +
        'A 1-4-2 (4 ReLU pieces: lone cannot reach 0.025–0.03, max error of a 5-piece fit ≈ 0.05) with C 1-16-6 at bound 0.025 ' +
        'keeps AXNet near half safe. Seeds 2, 3: true 0.926 / 0.391, predicted 0.988 / 0.310, lone 0.000 / 0.033 (seed 2 saturates). ' +
        'Tried (seed 1, true/predicted/lone): 1-2-2-2, lr 0.002, at 0.02 0.267/0.120/0.007, at 0.03 0.228/0.000; 1-4-2 C 1-8-6 at 0.03 lr 0.005 ' +
        '0.944/1.000/0.138, at 0.02 0.578/1.000; C 1-16-6 at 0.03 lr 0.002 0.543/0.559/0.058 (seeds 2, 3: predicted 1.000, 0.000), ' +
        'at 0.035 0.662/0.696/0.077 (seeds 2, 3: 1.000, 0.000); bound 0.025 with lr 0.002 (seed 1 0.431/0.451/0.035), batch 256 or batch 512: 2, 2 and 1 of 3 seeds mixed; ' +
        'a sigmoid P(x) (C 1-16-5, 0.03, lr 0.002: 0.695/0.799/0.058) mixed on 2 of 3 seeds too, but P(x) is not a per-target default; ' +
        'deeper C (1-16-16, 1-8-8), C 1-32 and A 1-3-2 did worse. At lr ≥ 0.005 true invocation jumps by 0.2–0.5 between evaluations ' +
        '(x = 0 alone is ~17 % of the inputs). ' +
        'Tried again on 2026-12-04, each on seeds 1 / 2 / 3 (predicted invocation): bound 0.02 0.000 / 0.912 / 0.217; 0.0225 ' +
        '0.000 / 0.893 / 0.236; 6 000 steps 0.288 / 1.000 / 0.494; A 1-3-2 0.000 / 0.760 / 0.666; C 1-24-6 1.000 / 0.426 / 0.000. At every ' +
        'setting tried, one seed of three ends all-unsafe or all-safe: with one input the predictor is nearly a threshold on x, and the ' +
        'paper itself reports fft among the benchmarks where AXNet predicts 100 % safe (Fig. 6). ' +
        ONEPASS_EQUALS_LONE,
    },
  },
  inversek2j: {
    errorBound: 0.1,
    approximatorHidden: [5],
    predictorHidden: [3],
    learningRate: 0.005,
    batchSize: 128,
    steps: 3000,
    trainSize: 70000,
    testSize: 30000,
    measured: {
      trueInvocation: 0.508,
      predictedInvocation: 0.312,
      loneTrueInvocation: 0.209,
      onepassTrueInvocation: 0.209,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: 15,
      date: DATE,
      command: reproduce('inversek2j'),
      note: 'lr 0.01: true 0.378, predicted 0.118 (falling at the end), lone 0.141; lr 0.005 climbs more steadily. ' + ONEPASS_EQUALS_LONE,
    },
  },
  jmeint: {
    errorBound: 0.5,
    approximatorHidden: [16],
    predictorHidden: [16],
    learningRate: 0.01,
    batchSize: 128,
    steps: 3000,
    trainSize: 7000,
    testSize: 3000,
    measured: {
      trueInvocation: 0.335,
      predictedInvocation: 0.085,
      loneTrueInvocation: 0.275,
      onepassTrueInvocation: 0.275,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: 21,
      date: DATE,
      command: reproduce('jmeint'),
      note:
        'bound 0.1 (A 18-32-8-2): true 0.021, predicted 0; 0.5 with A 18-32-8-2: AXNet 0.503 vs lone 0.511 and 5× slower; ' +
        '0.3 with A 18-8-2: predicted 0.045; A 18-8-2 at 0.5 never learns (true 0). A 18-16-2 at 0.5 leads by 0.06. ' +
        ONEPASS_EQUALS_LONE,
    },
  },
  jpeg: {
    errorBound: 0.002,
    approximatorHidden: [6],
    predictorHidden: [4],
    learningRate: 0.005,
    batchSize: 128,
    steps: 3000,
    trainSize: 8600,
    testSize: 3687,
    measured: {
      trueInvocation: 0.617,
      predictedInvocation: 0.465,
      loneTrueInvocation: 0.531,
      onepassTrueInvocation: 0.531,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: 61,
      date: DATE,
      command: reproduce('jpeg'),
      note: 'lr 0.01: true 0.522, predicted 0.421, lone 0.471; lr 0.005: a steady climb and a wider lead. ' + ONEPASS_EQUALS_LONE,
    },
  },
  kmeans: {
    errorBound: 0.03,
    approximatorHidden: [4],
    predictorHidden: [8],
    learningRate: 0.01,
    batchSize: 128,
    steps: 3000,
    trainSize: 7000,
    testSize: 3000,
    measured: {
      trueInvocation: 0.307,
      predictedInvocation: 0.141,
      loneTrueInvocation: 0.099,
      onepassTrueInvocation: 0.099,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: 36,
      date: DATE,
      command: reproduce('kmeans'),
      note:
        'bound 0.05 (A 6-8-4-1): predicted 1.000, AXNet 0.783 < lone 0.837; 0.03: predicted 1.000; 0.02: AXNet 0.336 < lone 0.538; ' +
        'the narrow A 6-4-1 at 0.03 gains most from the control vectors. ' +
        ONEPASS_EQUALS_LONE,
    },
  },
  sobel: {
    errorBound: 0.03,
    approximatorHidden: [8],
    predictorHidden: [8],
    learningRate: 0.01,
    batchSize: 128,
    steps: 3000,
    trainSize: 7700,
    testSize: 3350,
    measured: {
      trueInvocation: 0.324,
      predictedInvocation: 0.112,
      loneTrueInvocation: 0.188,
      onepassTrueInvocation: 0.188,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: 24,
      date: DATE,
      command: reproduce('sobel'),
      note:
        'bound 0.01 (A 9-6-6-1): true 0.224, predicted 0; 0.05: predicted 1.000, AXNet 0.899 < lone 0.946; 0.02: predicted 1.000; ' +
        'A 9-8-1 (AxBench) at 0.03 leads and mixes; at 0.02 it predicted only 0.057. ' +
        ONEPASS_EQUALS_LONE,
    },
  },
});
