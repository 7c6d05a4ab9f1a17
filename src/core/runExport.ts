/**
 * What a run exports (issue 13, "exports from every view"): the run as CSV (one row per evaluation of the §V
 * metrics) and JSON (the link, the config, seed, backend, every evaluation), the trained AXNet's weights as JSON,
 * and the "reproduce this" block (the link and the matching `axlab train` command). Pure: the UI downloads the text.
 */
import type { LabConfig } from './config';
import type { AxnetWeights, EvaluationPoint } from './weights';

/** Version of the run JSON's shape. */
export const RUN_EXPORT_VERSION = 1;

export const RUN_CSV_HEADER = [
  'step',
  'true_invocation',
  'predicted_invocation',
  'prediction_accuracy',
  'overall_error',
  'overall_error_worst_output',
  'code_agreement',
  'code_overall_error',
  'loss',
  'mse',
  'cross_entropy',
  'lone_true_invocation',
  'test_samples',
  'seed',
  'backend',
  'link',
] as const;

export interface RunExportInput {
  config: Readonly<LabConfig>;
  /** The run's share link: '#v=1&…' (formatHash with the link's extras). */
  hash: string;
  /** The backend the worker ran on (null before it started). */
  backend: string | null;
  evaluations: readonly EvaluationPoint[];
  /** Steps trained so far. */
  step: number;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function escapeCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const csvNumber = (value: number | null | undefined): string => (value === null || value === undefined || !Number.isFinite(value) ? '' : String(value));

/** One row per evaluation, in step order; seed, backend and link repeat on every row so each row stands alone. */
export function renderRunCsv(run: RunExportInput): string {
  const lines = [RUN_CSV_HEADER.join(',')];
  for (const point of run.evaluations) {
    const m = point.metrics;
    const fields = [
      csvNumber(point.step),
      csvNumber(m.trueInvocation),
      csvNumber(m.predictedInvocation),
      csvNumber(m.predictionAccuracy),
      csvNumber(m.overallError),
      csvNumber(m.overallErrorWorstOutput),
      csvNumber(m.codeAgreement),
      csvNumber(m.codeOverallError),
      csvNumber(point.loss),
      csvNumber(point.mse),
      csvNumber(point.crossEntropy),
      csvNumber(point.loneTrueInvocation),
      csvNumber(m.samples),
      String(run.config.seed),
      run.backend ?? '',
      run.hash,
    ];
    lines.push(fields.map(escapeCsvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A POSIX shell single-quoted word. */
export function quoteShellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that trains the same run headless: `npx axlab train '<hash>' --json`. With the backend the page ran
 * on pinned in the link (same config + same backend ⇒ same numbers, LabConfig); `auto` could pick another.
 */
export function formatReproduceCommand(hash: string, backend: string | null): string {
  const pinned = backend && !/(^|[#&])backend=/.test(hash) ? `${hash}&backend=${backend}` : hash;
  return `npx axlab train ${quoteShellWord(pinned)} --json`;
}

export interface RunExportJson {
  format: 'axnet-lab-run';
  version: number;
  exportedAt: string;
  link: string;
  command: string;
  seed: number;
  backend: string | null;
  step: number;
  config: LabConfig;
  evaluations: EvaluationPoint[];
}

export function buildRunJson(run: RunExportInput, exportedAt = new Date().toISOString()): RunExportJson {
  return {
    format: 'axnet-lab-run',
    version: RUN_EXPORT_VERSION,
    exportedAt,
    link: run.hash,
    command: formatReproduceCommand(run.hash, run.backend),
    seed: run.config.seed,
    backend: run.backend,
    step: run.step,
    config: structuredClone(run.config) as LabConfig,
    evaluations: run.evaluations.map((point) => structuredClone(point)),
  };
}

export interface DenseLayerJson {
  fanIn: number;
  fanOut: number;
  /** [fanIn × fanOut] row-major: y = x·W + b. */
  kernel: number[];
  bias: number[];
}

export interface WeightsJson {
  format: 'axnet-lab-weights';
  version: number;
  /** The math the layers compute (axnetMath.ts computeAxnetForward). */
  forward: string;
  link: string;
  step: number;
  approximator: DenseLayerJson[];
  predictor: DenseLayerJson[];
  fusedLayers: number[] | null;
  predictionOutput: string;
  controlPlacement: string;
}

export const WEIGHTS_FORWARD_NOTE =
  'Predictor: ReLU hidden layers, linear output split into c(i) per fused approximator hidden layer then the P(x) logits (eq. 3). ' +
  'Approximator: hidden layer i gives a(i+1) = ReLU(a(i)·W(i) + b(i)) ⊙ c(i) (afterActivation) or ReLU(a(i)·W(i) ⊙ c(i) + b(i)) (insideActivation), ' +
  'unfused layers no ⊙c; the output layer is linear. P(safe) = softmax(logits)[1] or sigmoid(z).';

/** The trained AXNet as plain JSON (numbers as float32 values widened to doubles). */
export function buildWeightsJson(weights: Readonly<AxnetWeights>, hash: string, step: number): WeightsJson {
  const layer = (l: AxnetWeights['approximator'][number]): DenseLayerJson => ({ fanIn: l.fanIn, fanOut: l.fanOut, kernel: Array.from(l.kernel), bias: Array.from(l.bias) });
  return {
    format: 'axnet-lab-weights',
    version: RUN_EXPORT_VERSION,
    forward: WEIGHTS_FORWARD_NOTE,
    link: hash,
    step,
    approximator: weights.approximator.map(layer),
    predictor: weights.predictor.map(layer),
    fusedLayers: weights.fusedLayers ? [...weights.fusedLayers] : null,
    predictionOutput: weights.predictionOutput ?? 'softmax',
    controlPlacement: weights.controlPlacement ?? 'afterActivation',
  };
}

/** The file-name stem of a run's exports: "axnet-bessel_Jnu-seed1-step3000". */
export function runFileStem(config: Readonly<Pick<LabConfig, 'target' | 'seed'>>, step: number): string {
  return `axnet-${config.target}-seed${config.seed}-step${step}`;
}
