/**
 * English texts of the interface, by namespace (one per area of src/ui, so that areas can be translated side by
 * side). Interpolations are {{name}}; the Chinese catalog (zh.ts) has exactly these keys and placeholders (checked by
 * its type and by catalog.test.ts). Equations, symbols and paper citations stay as they are in both languages.
 */
import { about } from './about';
import type { axtrain } from './axtrain';
import { classroom } from './classroom';
import type { nas } from './nas';
import type { paper } from './paper';
import { sharing } from './sharing';
import { compare } from './compare';
import { controls } from './controls';
import { sweep } from './sweep';
import { views } from './views';
import type { npu } from './npu';
import { panels } from './panels';

export const en = {
  about: about.en,
  classroom: classroom.en,
  sharing: sharing.en,
  compare: compare.en,
  controls: controls.en,
  sweep: sweep.en,
  views: views.en,
  panels: panels.en,
  common: {
    appTitle: 'AXNet Lab',
    languageLabel: 'Language',
    footer: 'AXNet Lab · after Zhenghao Peng et al., “AXNet: ApproXimate computing using an end-to-end trainable neural network”, ICCAD 2018.',
  },
  header: {
    taglineLab: 'approximator + predictor, fused by control vectors (ICCAD 2018)',
    taglineAxtrain: 'AxTrain: training nets for approximate hardware (ISLPED 2018)',
    reset: 'Reset',
    resetTitle: 'Reset: a new run from step 0',
    play: 'Play',
    pause: 'Pause',
    playTitle: 'Play (Space)',
    pauseTitle: 'Pause (Space)',
    stepLabel: 'Step {{steps}} steps',
    stepTitle: 'Train {{steps}} steps, then evaluate',
    stepSweepTitle: 'A sweep trains with Play only',
    stepCounter: 'step',
    status: {
      idle: 'ready',
      initializing: 'starting worker…',
      running: 'training',
      paused: 'paused',
      done: 'done',
      error: 'stopped',
    },
    stepsPerSecond: '{{rate}} steps/s',
    share: 'Share',
    shareTitle: 'A link and a QR code that reproduce this configuration',
    backend: 'backend',
    backendStarting: 'starting…',
    backendNotStarted: 'not started',
    backendAuto: 'auto: the fastest of the backends that work, timed on this net',
    backendForced: 'forced by the link: {{backend}}',
    backendIdle: 'Press Play to start the worker.',
    backendNoReport: 'No report from the worker yet (compare mode: each method’s worker picks its own).',
    backendColumn: 'backend',
    measuredColumn: 'measured',
    outcomeColumn: 'outcome',
  },
  nav: {
    label: 'Panels',
    invocation: 'Invocation (Fig. 2b)',
    compare: 'Compare methods (Fig. 2)',
    sweep: 'Sweep',
    surface: 'Benchmark view (Fig. 4a–c)',
    control: 'Control vectors (Fig. 4d)',
    npu: 'NPU (Fig. 5)',
    axtrain: 'AxTrain',
    axtrainTitle: 'AxTrain (He et al., ISLPED’18): train nets that stay accurate on approximate hardware (DRUM-k multipliers, NTV weight memory)',
    nas: 'NAS',
    nasTitle: 'NAS (Chen et al., DATE’20): search the approximator’s topology with SMAC, against random search and the MICRO’12 enumeration',
    paper: 'Paper (§V)',
    paperTitle: 'Reproduce the paper’s §V figures: a study of every benchmark × method, run in the browser',
  },
  metrics: {
    label: 'Metrics',
    step: 'Step',
    stepNote: 'Training steps taken by the trainer',
    trueInvocation: 'True invocation',
    trueInvocationNote: 'Fraction of test samples whose approximation is within the error bound',
    predictedInvocation: 'Predicted invocation',
    predictedInvocationNote: 'Fraction of test samples the predictor marks safe',
    predictionAccuracy: 'Prediction accuracy',
    accuracyNote: 'Paper (§V): fraction of test samples that are safe AND predicted safe. Authors’ code: agreement of the two labels, mean(p_label == predicted).',
    overallError: 'Overall error',
    errorNote:
      'Paper (§V): mean error over the samples predicted safe, each sample’s error the mean over its outputs, as the authors’ code averages it. Authors’ code: mean over ALL samples of (predicted safe × error).',
    worstOutputNote:
      'Worst output: the same mean with each sample’s error its largest output error, the error of the safe label (eq. 1: every output within the bound). Equal to the overall error for one output or an rms metric.',
    undefinedErrorNote: 'Undefined: no input was predicted safe (every test input goes to the CPU).',
    code: 'code:',
    worstOutput: 'worst output:',
    parameters: 'Parameters',
    parameterRule: 'weights + biases of both nets; the paper’s own counts use a different rule',
    parameterSplit: 'Approximator {{approximator}}, predictor {{predictor}}',
    parameterLone: 'lone approximator {{lone}} (not included)',
    trainingTime: 'Training time',
    trainingTimeNote: 'Wall time spent in training steps in the worker (evaluation and drawing excluded)',
    seconds: '{{value}} s',
    at: 'Metrics at step {{step}}, loss {{loss}} (MSE {{mse}} + CE {{ce}}).',
    before: 'Metrics appear at the first evaluation.',
    method: 'Method {{method}}, {{total}} steps in all',
    methodNow: '; now: {{phase}}',
    phaseDone: 'done',
    secondary: 'Secondary values (“code:”) are the authors’ code variants; hover for the difference.',
  },
} as const;

/** The shape of a catalog: every text of `T` as a string (so zh.ts must have exactly en.ts's keys). */
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

export type Messages = Catalog<typeof en>;

/**
 * The namespaces of views that load on demand (the AxTrain, NAS, NPU and Paper views): not part of the first paint's
 * catalogs; each view's chunk registers its own (src/ui/i18n/index.ts registerCatalog) before it renders.
 */
export type LazyNamespace = 'axtrain' | 'nas' | 'npu' | 'paper';

/** Every namespace's English texts: the typed keys of t() (i18next.d.ts). */
export type EnglishCatalogs = typeof en & {
  readonly axtrain: typeof axtrain.en;
  readonly nas: typeof nas.en;
  readonly npu: typeof npu.en;
  readonly paper: typeof paper.en;
};
