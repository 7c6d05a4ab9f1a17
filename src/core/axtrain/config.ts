/**
 * AxTrain's run config (He et al., ISLPED'18; reference axtrain-nas.md §D.1.3) and its part of the share
 * link (`ax=<dataset>&ax.<key>=…`, read and written by the one link-field table of src/core/linkFields.ts).
 *
 * Methods: bp (plain back-propagation), act (E + γ·S(w), eq. 4, adaptive γ §3.1.3), pas (the hardware model in
 * the forward pass with the eq. 12 straight-through estimator), actpas (AxTrain: act, then pasEpochs of pas, §4).
 * Data: the AxTrain classification sets that ship with a public licence (breast cancer, digits as a stand-in
 * for MNIST) with ReLU hidden layers and sigmoid outputs (§2.2), or an AxBench target of the lab with a
 * linear output (accuracy = fraction of test inputs within the bound: an extension, as NAS eq. 5).
 */
import { INITIALIZATIONS, type Initialization } from '../config';
import { TARGET_LAB_DEFAULTS } from '../targets/labDefaults';
import { TARGET_IDS, type TargetId } from '../targets/types';
import { NTV_VOLTAGE_PRESETS, type NtvVoltageMv } from '../approx/ntv';
import { type LinkField, formatLinkFields, quoteLinkText, readLinkFields } from '../linkFields';
import { message, type Message } from '../messages';
import { AXTRAIN_TRAIN_FRACTION, CLASSIFICATION_DATASETS, CLASSIFICATION_DATASET_IDS, isClassificationDatasetId, type ClassificationDatasetId } from './datasets';

export const AXTRAIN_METHOD_IDS = ['bp', 'act', 'pas', 'actpas'] as const;
export type AxtrainMethodId = (typeof AXTRAIN_METHOD_IDS)[number];

export const AXTRAIN_METHOD_LABELS: Readonly<Record<AxtrainMethodId, string>> = {
  bp: 'BP',
  act: 'AxTrain-act',
  pas: 'AxTrain-pas',
  actpas: 'AxTrain (act + pas)',
};

export const AXTRAIN_DATASET_IDS = [...CLASSIFICATION_DATASET_IDS, ...TARGET_IDS] as const;
export type AxtrainDatasetId = ClassificationDatasetId | TargetId;
export { CLASSIFICATION_DATASET_IDS, isClassificationDatasetId, type ClassificationDatasetId };

/** The hardware that pas trains against (evaluation always covers every setting). */
export const AXTRAIN_HARDWARE_KINDS = ['ntv', 'drum'] as const;
export type AxtrainHardwareKind = (typeof AXTRAIN_HARDWARE_KINDS)[number];

/** NTV supply voltages with a published flip rate (AxTrain §4, citing Dreslinski et al. [8]: src/core/approx/ntv.ts). */
export const NTV_VOLTAGES_MV: readonly NtvVoltageMv[] = NTV_VOLTAGE_PRESETS.map((p) => p.voltageMv);

export interface AxtrainConfig {
  dataset: AxtrainDatasetId;
  methods: AxtrainMethodId[];
  /** Hidden widths (ReLU); input and output widths come from the data. */
  hidden: number[];
  learningRate: number;
  batchSize: number;
  seed: number;
  /** Epochs of bp, act and pas; actpas trains act for `epochs`, then pas for `pasEpochs` more (§4). One epoch = ⌈train/batch⌉ steps. */
  epochs: number;
  pasEpochs: number;
  /** What pas (and the pas part of actpas) trains against. */
  hardware: AxtrainHardwareKind;
  /** DRUM-k of pas training (k = 1…8). */
  drumK: number;
  /** NTV voltage of pas training (flip rate from the NTV presets). */
  ntvVoltageMv: NtvVoltageMv;
  /** Word width of the NTV weight memory (two's-complement dynamic fixed point per layer). */
  weightBits: 8 | 16;
  /** Operand width of the DRUM datapath (per-layer dynamic fixed point; DRUM's own 16-bit designs). */
  drumBits: 16;
  /** γ0 (§3.1.3; the paper gives none: lab default 0). */
  gamma0: number;
  /** Δγ = deltaGammaScale · Ē/S̄ of the first epoch (scale-free; the paper gives no Δγ). */
  deltaGammaScale: number;
  /** D, the "pre-defined accuracy bound" of §3.1.3, in units of E. */
  gammaBound: number;
  /** Eq. 12's threshold: grad passes where |dy| < threshold; 0 = no mask. */
  steThreshold: number;
  /** Add the biases to eq. 5's sum (§2.2 says W includes them; eq. 5 indexes only w_ij). */
  sensitivityBiases: boolean;
  /** NTV evaluation runs (one mask per run over the whole test set; the paper: 50). */
  evalRuns: number;
  /** Accuracy bound of a regression target (fraction of test inputs with error ≤ bound); unused for classification. */
  errorBound: number;
  trainFraction: number;
  /** Biases at the start (kernels N(0, 0.1)); the lab's 0.1 keeps ReLU nets alive (src/core/modelChoices.ts). */
  initialization: Initialization;
}

export const AXTRAIN_LIMITS = {
  hiddenLayers: { min: 1, max: 4 },
  hiddenWidth: { min: 1, max: 256 },
  learningRate: { min: 1e-6, max: 1 },
  batchSize: { min: 1, max: 4096 },
  seed: { min: 0, max: 2147483647 },
  epochs: { min: 1, max: 2000 },
  pasEpochs: { min: 0, max: 500 },
  drumK: { min: 1, max: 8 },
  gamma0: { min: 0, max: 1e3 },
  deltaGammaScale: { min: 0, max: 10 },
  gammaBound: { min: 0, max: 1e3 },
  steThreshold: { min: 0, max: 1e6 },
  evalRuns: { min: 1, max: 200 },
  errorBound: { min: 1e-6, max: 100 },
} as const;

/** Per data set: the topology and budget its default link trains (classification: the registry's AxTrain Tab. 1 facts). */
export interface AxtrainDatasetDefaults {
  hidden: number[];
  epochs: number;
  ntvVoltageMv: NtvVoltageMv;
  errorBound: number;
  source: string;
}

/** Epochs of a classification set's default link (the paper gives none; breast cancer: the reference's calibration run, §A.8). */
const CLASSIFICATION_EPOCHS: Readonly<Record<ClassificationDatasetId, number>> = { breastcancer: 150, digits: 40 };

export function readAxtrainDatasetDefaults(id: AxtrainDatasetId): AxtrainDatasetDefaults {
  if (isClassificationDatasetId(id)) {
    const spec = CLASSIFICATION_DATASETS[id];
    const voltage = NTV_VOLTAGES_MV.find((mv) => mv === spec.aggressiveVoltageMv.value) ?? 660;
    return {
      hidden: spec.topology.value.slice(1, -1),
      epochs: CLASSIFICATION_EPOCHS[id],
      ntvVoltageMv: voltage,
      errorBound: 0.1,
      source: `${spec.topology.citation}; ${spec.aggressiveVoltageMv.citation}`,
    };
  }
  const lab = TARGET_LAB_DEFAULTS[id];
  if (!lab) throw new Error(`Unknown AxTrain data set: ${String(id)}`);
  return {
    hidden: [...lab.approximatorHidden],
    epochs: 30,
    ntvVoltageMv: 660,
    errorBound: lab.errorBound,
    source: `the lab's ${id} approximator topology and bound (AxTrain on an AxBench target is a lab extension)`,
  };
}

const SHARED_DEFAULTS = {
  methods: [...AXTRAIN_METHOD_IDS],
  learningRate: 1e-3,
  batchSize: 64,
  seed: 1,
  pasEpochs: 10,
  hardware: 'ntv' as AxtrainHardwareKind,
  drumK: 2,
  weightBits: 8 as const,
  drumBits: 16 as const,
  gamma0: 0,
  deltaGammaScale: 0.01,
  gammaBound: 0.05,
  steThreshold: 1,
  sensitivityBiases: false,
  evalRuns: 50,
  trainFraction: AXTRAIN_TRAIN_FRACTION.value,
  initialization: 'bias0.1' as Initialization,
};

/** The default AxTrain config of data set `id` (fresh arrays). */
export function createAxtrainConfig(id: AxtrainDatasetId = 'breastcancer'): AxtrainConfig {
  const d = readAxtrainDatasetDefaults(id);
  return { ...SHARED_DEFAULTS, methods: [...SHARED_DEFAULTS.methods], dataset: id, hidden: d.hidden, epochs: d.epochs, ntvVoltageMv: d.ntvVoltageMv, errorBound: d.errorBound };
}

export function cloneAxtrainConfig(config: Readonly<AxtrainConfig>): AxtrainConfig {
  return { ...config, methods: [...config.methods], hidden: [...config.hidden] };
}

/** The link key that turns AxTrain on and names its data set. */
export const AXTRAIN_LINK_KEY = 'ax';
const L = AXTRAIN_LIMITS;
/** Every other AxTrain key of the link (`ax.<key>`), in the order they are written. */
export const AXTRAIN_LINK_FIELDS: readonly LinkField<AxtrainConfig>[] = [
  { key: 'ax.methods', field: 'methods', kind: 'list', values: AXTRAIN_METHOD_IDS },
  { key: 'ax.hidden', field: 'hidden', kind: 'widths', maxLayers: L.hiddenLayers.max, min: L.hiddenWidth.min, max: L.hiddenWidth.max },
  { key: 'ax.lr', field: 'learningRate', kind: 'float', ...L.learningRate },
  { key: 'ax.batch', field: 'batchSize', kind: 'int', ...L.batchSize },
  { key: 'ax.seed', field: 'seed', kind: 'int', ...L.seed },
  { key: 'ax.epochs', field: 'epochs', kind: 'int', ...L.epochs },
  { key: 'ax.pasEpochs', field: 'pasEpochs', kind: 'int', ...L.pasEpochs },
  { key: 'ax.hw', field: 'hardware', kind: 'enum', values: AXTRAIN_HARDWARE_KINDS },
  { key: 'ax.k', field: 'drumK', kind: 'int', ...L.drumK },
  { key: 'ax.mv', field: 'ntvVoltageMv', kind: 'enum', values: NTV_VOLTAGES_MV },
  { key: 'ax.bits', field: 'weightBits', kind: 'enum', values: [8, 16] },
  { key: 'ax.gamma0', field: 'gamma0', kind: 'float', ...L.gamma0 },
  { key: 'ax.dgamma', field: 'deltaGammaScale', kind: 'float', ...L.deltaGammaScale },
  { key: 'ax.gammaBound', field: 'gammaBound', kind: 'float', ...L.gammaBound },
  { key: 'ax.ste', field: 'steThreshold', kind: 'float', ...L.steThreshold },
  { key: 'ax.sbias', field: 'sensitivityBiases', kind: 'flag' },
  { key: 'ax.runs', field: 'evalRuns', kind: 'int', ...L.evalRuns },
  { key: 'ax.bound', field: 'errorBound', kind: 'float', ...L.errorBound },
  { key: 'ax.init', field: 'initialization', kind: 'enum', values: INITIALIZATIONS },
];
export const AXTRAIN_LINK_KEYS: readonly string[] = [AXTRAIN_LINK_KEY, ...AXTRAIN_LINK_FIELDS.map((f) => f.key)];

/**
 * The AxTrain config of a link, or null when the link has no `ax=`. A data set named alone brings its
 * defaults (topology, epochs, voltage); the link's own values win over them.
 */
export function readAxtrainLink(get: (key: string) => string | undefined, problems: Message[]): AxtrainConfig | null {
  const dataset = get(AXTRAIN_LINK_KEY);
  if (dataset === undefined) {
    const stray = AXTRAIN_LINK_FIELDS.filter((f) => get(f.key) !== undefined).map((f) => f.key);
    if (stray.length > 0) problems.push(message('linkStrayKeys', { keys: stray.join(', '), key: AXTRAIN_LINK_KEY }));
    return null;
  }
  const id = AXTRAIN_DATASET_IDS.find((known) => known === dataset);
  if (id === undefined) problems.push(message('linkAxtrainDataset', { value: quoteLinkText(dataset), datasets: AXTRAIN_DATASET_IDS.join(', '), fallback: 'breastcancer' }));
  return readLinkFields(AXTRAIN_LINK_FIELDS, createAxtrainConfig(id ?? 'breastcancer'), get, problems);
}

/** The link parts of an AxTrain config (`ax=<dataset>` and the values that differ from its data set's defaults). */
export function formatAxtrainLink(config: Readonly<AxtrainConfig> | null | undefined): string[] {
  if (!config) return [];
  return [`${AXTRAIN_LINK_KEY}=${encodeURIComponent(config.dataset)}`, ...formatLinkFields(AXTRAIN_LINK_FIELDS, config, createAxtrainConfig(config.dataset))];
}

/** Steps per epoch: ⌈trainSize / batchSize⌉ (the engine trains by steps, §A.3 of the reference). */
export function computeEpochSteps(trainSize: number, batchSize: number): number {
  return Math.max(1, Math.ceil(trainSize / Math.max(1, batchSize)));
}
