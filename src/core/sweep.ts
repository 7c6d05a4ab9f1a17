/**
 * Sweep mode (issue 8 §3): one hyperparameter takes a list or a range of values (× seeds), and every
 * variant trains as one model of one ModelGroupTrainer (src/ml/group). Pure: the spec, its validation
 * and clamping (CONFIG_LIMITS), its expansion into per-variant LabConfigs, its link fields, and the
 * aggregation of the final metrics per swept value (mean ± std over seeds).
 *
 * Link fields (read from a fixed key table; values are validated and clamped, never merged raw):
 *   sweep=errorBound | learningRate | seed | approximatorWidth | predictorWidth
 *   sweepLayer=2                     widths only: the hidden layer, 1-based (default 1)
 *   sweepValues=0.005,0.01,0.02      a list, or
 *   sweepRange=0.005:0.05:16:log     from:to:count[:linear|log] (linear when the scale is left out)
 *   sweepSeeds=3                     seeds config.seed … config.seed + 2 for every value, or
 *   sweepSeedList=1,7,9              these seeds for every value
 */
import { parseDecimal } from './decimal';
import { CONFIG_LIMITS, cloneConfig, type LabConfig, type MethodId } from './config';
import { formatMessage, message, type Message } from './messages';

export const SWEEP_PARAMETERS = ['errorBound', 'learningRate', 'seed', 'approximatorWidth', 'predictorWidth'] as const;
export type SweepParameter = (typeof SWEEP_PARAMETERS)[number];

/** At most this many variants (values × seeds) train in one sweep. */
export const MAX_SWEEP_VARIANTS = 256;

export type SweepValues =
  | { kind: 'list'; values: number[] }
  /** count values from `from` to `to`, both included: linear x_i = a + (b − a)·i/(n − 1), log x_i = a·(b/a)^(i/(n − 1)). */
  | { kind: 'range'; from: number; to: number; count: number; scale: 'linear' | 'log' };

export type SweepSeeds = { kind: 'count'; count: number } | { kind: 'list'; seeds: number[] };

export interface SweepSpec {
  parameter: SweepParameter;
  /** approximatorWidth / predictorWidth: the hidden layer whose width is swept, 0-based (links and labels say layer 1…). */
  layer: number;
  values: SweepValues;
  seeds: SweepSeeds;
}

/** One model of the sweep: its swept value, its seed and the config it trains with. */
export interface SweepVariant {
  index: number;
  value: number;
  seed: number;
  config: LabConfig;
}

export interface SweepPlan {
  spec: SweepSpec;
  /** The method every variant trains (a sweep is one method: config.methods[0]). */
  method: MethodId;
  /** Distinct swept values in sweep order, and the seeds each one trains with (a seed sweep: the config's, replaced by the value). */
  values: number[];
  seeds: number[];
  /** values × seeds, value-major: variant v·S + s has values[v] and seeds[s]. */
  variants: SweepVariant[];
}

/** The final metrics of one variant (one row of `axlab sweep` and of the summary chart's data). */
export interface SweepResultRow {
  variant: number;
  value: number;
  seed: number;
  trueInvocation: number;
  predictedInvocation: number;
  predictionAccuracy: number;
  /** null when no test sample is predicted safe (src/core/metrics.ts). */
  overallError: number | null;
  /** Steps the variant trained (less than the budget when it diverged). */
  steps: number;
  /** Divergence message of a variant that stopped early, else null. */
  stopped: string | null;
}

/** Mean and std over the seeds of one swept value (std with n − 1; 0 for one seed). */
export interface MeanStd {
  mean: number;
  std: number;
  /** Seeds that contributed (overall error: those with a predicted-safe sample). */
  n: number;
}

export interface SweepSummaryRow {
  value: number;
  trueInvocation: MeanStd;
  predictedInvocation: MeanStd;
  predictionAccuracy: MeanStd;
  /** null when no seed of this value has an overall error. */
  overallError: MeanStd | null;
}

/** Each swept setting's name, in every interface language (src/core/linkMessages.ts). */
export const SWEEP_PARAMETER_NAMES: Record<SweepParameter, Message> = {
  errorBound: message('sweepParameterErrorBound'),
  learningRate: message('sweepParameterLearningRate'),
  seed: message('sweepParameterSeed'),
  approximatorWidth: message('sweepParameterApproximatorWidth'),
  predictorWidth: message('sweepParameterPredictorWidth'),
};

/** The names in English (the CLI's table, the link notes). */
export const SWEEP_PARAMETER_LABELS = Object.fromEntries(Object.entries(SWEEP_PARAMETER_NAMES).map(([parameter, name]) => [parameter, formatMessage(name, 'en')])) as Record<
  SweepParameter,
  string
>;

/** "error bound", "approximator width (layer 2)". */
export function describeSweepParameter(spec: Pick<SweepSpec, 'parameter' | 'layer'>): string {
  const label = SWEEP_PARAMETER_LABELS[spec.parameter];
  return isWidthParameter(spec.parameter) ? `${label} (layer ${spec.layer + 1})` : label;
}

export function isSweepParameter(value: unknown): value is SweepParameter {
  return typeof value === 'string' && (SWEEP_PARAMETERS as readonly string[]).includes(value);
}

function isWidthParameter(parameter: SweepParameter): parameter is 'approximatorWidth' | 'predictorWidth' {
  return parameter === 'approximatorWidth' || parameter === 'predictorWidth';
}

/** Whole-number parameters: their values are rounded. */
function isIntegerParameter(parameter: SweepParameter): boolean {
  return parameter !== 'errorBound' && parameter !== 'learningRate';
}

/** CONFIG_LIMITS of the swept field. */
export function getSweepLimits(parameter: SweepParameter): { min: number; max: number } {
  switch (parameter) {
    case 'errorBound':
      return CONFIG_LIMITS.errorBound;
    case 'learningRate':
      return CONFIG_LIMITS.learningRate;
    case 'seed':
      return CONFIG_LIMITS.seed;
    case 'approximatorWidth':
    case 'predictorWidth':
      return CONFIG_LIMITS.hiddenWidth;
    default: {
      const unknown: never = parameter;
      throw new Error(`Unsupported sweep parameter: ${String(unknown)}`);
    }
  }
}

/** Limits on the seeds: at most this many per value. */
export const MAX_SWEEP_SEEDS = 64;

/** A sweep the user turns on: the bound from half to twice the config's, 8 values on a log scale, one seed. */
export function createDefaultSweep(config: Readonly<LabConfig>): SweepSpec {
  const { min, max } = CONFIG_LIMITS.errorBound;
  const clamp = (x: number) => Math.min(max, Math.max(min, x));
  return {
    parameter: 'errorBound',
    layer: 0,
    values: { kind: 'range', from: roundSignificant(clamp(config.errorBound / 2)), to: roundSignificant(clamp(config.errorBound * 2)), count: 8, scale: 'log' },
    seeds: { kind: 'count', count: 1 },
  };
}

/** x to 6 significant digits (range values and link text stay short: 0.0070711 rather than 0.007071067811865476). */
export function roundSignificant(x: number, digits = 6): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

/**
 * The swept values in order, rounded (whole-number parameters) and clamped to CONFIG_LIMITS, duplicates
 * dropped; `notes` gets a sentence for every change made.
 */
export function listSweepValues(spec: SweepSpec, notes: Message[] = []): number[] {
  const limits = getSweepLimits(spec.parameter);
  const raw = spec.values.kind === 'list' ? spec.values.values : expandRange(spec.values);
  const out: number[] = [];
  let clamped = false;
  let rounded = false;
  let repeated = false;
  for (const x of raw) {
    if (!Number.isFinite(x)) continue;
    const whole = isIntegerParameter(spec.parameter) ? Math.round(x) : roundSignificant(x);
    if (isIntegerParameter(spec.parameter) && whole !== x) rounded = true;
    const value = Math.min(limits.max, Math.max(limits.min, whole));
    if (value !== whole) clamped = true;
    if (out.includes(value)) repeated = true;
    else out.push(value);
  }
  const label = SWEEP_PARAMETER_NAMES[spec.parameter];
  if (rounded) notes.push(message('sweepNoteRounded', { label }));
  if (clamped) notes.push(message('sweepNoteClamped', { label, min: limits.min, max: limits.max }));
  if (repeated) notes.push(message('sweepNoteRepeated', { label, count: out.length }));
  return out;
}

function expandRange(range: Extract<SweepValues, { kind: 'range' }>): number[] {
  const count = Math.max(1, Math.floor(range.count));
  if (count === 1) return [range.from];
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = i / (count - 1);
    values.push(range.scale === 'log' ? range.from * (range.to / range.from) ** t : range.from + (range.to - range.from) * t);
  }
  return values;
}

/** The seeds each value trains with: `count` consecutive seeds from the config's, or the list (clamped, distinct). */
export function listSweepSeeds(spec: SweepSpec, baseSeed: number): number[] {
  const { min, max } = CONFIG_LIMITS.seed;
  const raw = spec.seeds.kind === 'count' ? Array.from({ length: Math.max(1, Math.floor(spec.seeds.count)) }, (_, k) => baseSeed + k) : spec.seeds.seeds;
  const out: number[] = [];
  for (const s of raw) {
    const seed = Math.min(max, Math.max(min, Math.round(s)));
    if (Number.isFinite(seed) && !out.includes(seed)) out.push(seed);
  }
  return out;
}

function countSeeds(spec: SweepSpec): number {
  return spec.seeds.kind === 'count' ? spec.seeds.count : spec.seeds.seeds.length;
}

/**
 * The variants of a sweep on `config`, or the reasons it cannot run. `notes` are changes made on the way
 * (rounding, clamping) that do not stop it. Every variant is config with the swept field set, its seed,
 * one method (config.methods[0]) and no lone approximator (a sweep shows AXNet's own curves only).
 */
export function planSweep(spec: SweepSpec, config: Readonly<LabConfig>): { plan: SweepPlan | null; problems: Message[]; notes: Message[] } {
  const problems: Message[] = [];
  const notes: Message[] = [];
  const method = config.methods[0] ?? 'axnet';
  if (config.methods.length > 1) notes.push(message('sweepNoteOneMethod', { method }));
  if (spec.values.kind === 'range') {
    const { from, to, count, scale } = spec.values;
    if (!Number.isFinite(from) || !Number.isFinite(to)) problems.push(message('sweepPlanRangeFinite'));
    if (!Number.isInteger(count) || count < 1) problems.push(message('sweepPlanRangeCount', { count }));
    if (scale === 'log' && !(from > 0 && to > 0)) problems.push(message('sweepPlanRangeLog'));
  }
  if (isWidthParameter(spec.parameter)) {
    const widths = spec.parameter === 'approximatorWidth' ? config.approximatorHidden : config.predictorHidden;
    const net = message(spec.parameter === 'approximatorWidth' ? 'fieldApproximator' : 'fieldPredictor');
    if (!Number.isInteger(spec.layer) || spec.layer < 0 || spec.layer >= widths.length) {
      problems.push(message(widths.length === 1 ? 'sweepPlanNoLayerOne' : 'sweepPlanNoLayerMany', { net, count: widths.length, layer: spec.layer + 1 }));
    }
    if (config.matchParameters) problems.push(message('sweepPlanMatching'));
    if (spec.parameter === 'predictorWidth' && method === 'lone') problems.push(message('sweepPlanLonePredictor'));
  }
  if (spec.parameter === 'seed' && countSeeds(spec) > 1) problems.push(message('sweepPlanSeedCount'));
  const seedCount = countSeeds(spec);
  if (seedCount < 1) problems.push(message('sweepPlanNoSeed'));
  if (seedCount > MAX_SWEEP_SEEDS) problems.push(message('sweepPlanTooManySeeds', { max: MAX_SWEEP_SEEDS, count: seedCount }));
  if (problems.length > 0) return { plan: null, problems, notes };

  const values = listSweepValues(spec, notes);
  const seeds = spec.parameter === 'seed' ? [config.seed] : listSweepSeeds(spec, config.seed);
  if (values.length === 0) problems.push(message('sweepPlanNoValues'));
  const total = values.length * seeds.length;
  if (total > MAX_SWEEP_VARIANTS) {
    problems.push(message('sweepPlanTooManyVariants', { max: MAX_SWEEP_VARIANTS, values: values.length, seeds: seeds.length, total }));
  }
  if (problems.length > 0) return { plan: null, problems, notes };

  const variants: SweepVariant[] = [];
  for (const value of values) {
    for (const seed of seeds) {
      variants.push({ index: variants.length, value, seed: spec.parameter === 'seed' ? value : seed, config: buildVariantConfig(config, spec, value, seed, method) });
    }
  }
  return { plan: { spec, method, values, seeds, variants }, problems, notes };
}

function buildVariantConfig(config: Readonly<LabConfig>, spec: SweepSpec, value: number, seed: number, method: MethodId): LabConfig {
  const variant = cloneConfig(config);
  variant.methods = [method];
  variant.trainLone = false;
  variant.seed = seed;
  switch (spec.parameter) {
    case 'errorBound':
      variant.errorBound = value;
      break;
    case 'learningRate':
      variant.learningRate = value;
      break;
    case 'seed':
      variant.seed = value;
      break;
    case 'approximatorWidth':
      variant.approximatorHidden[spec.layer] = value;
      break;
    case 'predictorWidth':
      variant.predictorHidden[spec.layer] = value;
      break;
    default: {
      const unknown: never = spec.parameter;
      throw new Error(`Unsupported sweep parameter: ${String(unknown)}`);
    }
  }
  return variant;
}

/** Whether the summary's x-axis is logarithmic: a log range, or a list of bounds / learning rates spanning ≥ 10×. */
export function isSweepAxisLog(spec: SweepSpec, values: readonly number[]): boolean {
  if (spec.values.kind === 'range') return spec.values.scale === 'log';
  if (spec.parameter !== 'errorBound' && spec.parameter !== 'learningRate') return false;
  const positive = values.filter((x) => x > 0);
  return positive.length === values.length && positive.length > 1 && Math.max(...positive) / Math.min(...positive) >= 10;
}

/** mean and std (n − 1) of finite numbers; std 0 for one number. */
export function computeMeanStd(xs: readonly number[]): MeanStd {
  const finite = xs.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { mean: Number.NaN, std: 0, n: 0 };
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, std: 0, n };
  const variance = finite.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { mean, std: Math.sqrt(variance), n };
}

/** One row per swept value (in first-seen order): mean ± std over its seeds. */
export function aggregateSweep(rows: readonly SweepResultRow[]): SweepSummaryRow[] {
  const order: number[] = [];
  const byValue = new Map<number, SweepResultRow[]>();
  for (const row of rows) {
    if (!byValue.has(row.value)) {
      byValue.set(row.value, []);
      order.push(row.value);
    }
    byValue.get(row.value)!.push(row);
  }
  return order.map((value) => {
    const group = byValue.get(value)!;
    const errors = group.map((r) => r.overallError).filter((e): e is number => e !== null && Number.isFinite(e));
    return {
      value,
      trueInvocation: computeMeanStd(group.map((r) => r.trueInvocation)),
      predictedInvocation: computeMeanStd(group.map((r) => r.predictedInvocation)),
      predictionAccuracy: computeMeanStd(group.map((r) => r.predictionAccuracy)),
      overallError: errors.length > 0 ? computeMeanStd(errors) : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Link fields. The codec (src/state/url.ts, moving to src/core/link.ts) hands over the raw values of
// SWEEP_LINK_KEYS only; everything below builds the spec field by field from validated text.

export const SWEEP_LINK_KEYS = ['sweep', 'sweepLayer', 'sweepValues', 'sweepRange', 'sweepSeeds', 'sweepSeedList'] as const;
export type SweepLinkKey = (typeof SWEEP_LINK_KEYS)[number];

/** Links carry at most this many listed values (as many as variants can be). */
const MAX_LIST_LENGTH = MAX_SWEEP_VARIANTS;
const WHOLE_TEXT = /^\d{1,10}$/;

function quote(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(printable.length > 40 ? `${printable.slice(0, 40)}…` : printable);
}

/** A comma list of numbers, or null with a problem. Longer lists are cut to MAX_LIST_LENGTH. */
function readNumberList(key: string, raw: string, problems: Message[]): number[] | null {
  const parts = raw.split(',');
  const numbers: number[] = [];
  for (const part of parts) {
    const x = parseDecimal(part.trim());
    if (x === null) {
      problems.push(message('linkSweepNotList', { key, value: quote(raw) }));
      return null;
    }
    numbers.push(x);
  }
  if (numbers.length > MAX_LIST_LENGTH) {
    problems.push(message('linkSweepListLong', { key, count: numbers.length, max: MAX_LIST_LENGTH }));
    return numbers.slice(0, MAX_LIST_LENGTH);
  }
  return numbers;
}

/** `from:to:count[:scale]`, or null with a problem; the count is clamped to 1–MAX_SWEEP_VARIANTS. */
function readRange(raw: string, problems: Message[]): Extract<SweepValues, { kind: 'range' }> | null {
  const parts = raw.split(':');
  const bad = () => {
    problems.push(message('linkSweepRangeBad', { value: quote(raw) }));
    return null;
  };
  if (parts.length < 3 || parts.length > 4) return bad();
  const from = parseDecimal(parts[0]);
  const to = parseDecimal(parts[1]);
  if (from === null || to === null || !WHOLE_TEXT.test(parts[2])) return bad();
  const scaleText = parts[3] ?? 'linear';
  if (scaleText !== 'linear' && scaleText !== 'log') return bad();
  const asked = Number(parts[2]);
  const count = Math.min(MAX_SWEEP_VARIANTS, Math.max(1, asked));
  if (count !== asked) problems.push(message('linkSweepRangeCount', { asked, count, max: MAX_SWEEP_VARIANTS }));
  if (scaleText === 'log' && !(from > 0 && to > 0)) {
    problems.push(message('linkSweepRangeLog', { value: quote(raw) }));
    return null;
  }
  return { kind: 'range', from, to, count, scale: scaleText };
}

/**
 * The sweep a link describes, or null (no `sweep` key, or a sweep that could not be read: the problems say
 * why). `get` returns the raw (decoded) text of a sweep key, or undefined when the link lacks it.
 */
export function readSweepLink(get: (key: SweepLinkKey) => string | undefined, problems: Message[]): SweepSpec | null {
  const parameter = get('sweep');
  if (parameter === undefined) {
    const stray = SWEEP_LINK_KEYS.filter((key) => key !== 'sweep' && get(key) !== undefined);
    if (stray.length > 0) problems.push(message('linkStrayKeys', { keys: stray.join(', '), key: 'sweep' }));
    return null;
  }
  if (!isSweepParameter(parameter)) {
    problems.push(message('linkSweepParameter', { value: quote(parameter), parameters: SWEEP_PARAMETERS.join(', ') }));
    return null;
  }
  let layer = 0;
  const layerText = get('sweepLayer');
  if (layerText !== undefined) {
    const max = CONFIG_LIMITS.hiddenLayers.max;
    if (!WHOLE_TEXT.test(layerText) || Number(layerText) < 1) problems.push(message('linkSweepLayerBad', { value: quote(layerText), max }));
    else {
      layer = Math.min(max, Number(layerText)) - 1;
      if (Number(layerText) > max) problems.push(message('linkSweepLayerMax', { value: quote(layerText), max }));
    }
    if (!isWidthParameter(parameter)) problems.push(message('linkSweepLayerWidthOnly'));
  }
  const listText = get('sweepValues');
  const rangeText = get('sweepRange');
  let values: SweepValues | null = null;
  if (listText !== undefined && rangeText !== undefined) problems.push(message('linkBothKeys', { first: 'sweepValues', second: 'sweepRange', used: 'sweepValues' }));
  if (listText !== undefined) {
    const list = readNumberList('sweepValues', listText, problems);
    values = list ? { kind: 'list', values: list } : null;
  } else if (rangeText !== undefined) {
    values = readRange(rangeText, problems);
  } else {
    problems.push(message('linkSweepNoValues'));
  }
  if (values === null) return null;
  let seeds: SweepSeeds = { kind: 'count', count: 1 };
  const countText = get('sweepSeeds');
  const seedListText = get('sweepSeedList');
  if (countText !== undefined && seedListText !== undefined) problems.push(message('linkBothKeys', { first: 'sweepSeeds', second: 'sweepSeedList', used: 'sweepSeedList' }));
  if (seedListText !== undefined) {
    const list = readNumberList('sweepSeedList', seedListText, problems);
    if (list) {
      const { min, max } = CONFIG_LIMITS.seed;
      const whole = list.map((s) => Math.min(max, Math.max(min, Math.round(s))));
      if (whole.some((s, k) => s !== list[k])) problems.push(message('linkSweepSeedListLimited', { min, max }));
      const kept = whole.slice(0, MAX_SWEEP_SEEDS);
      if (kept.length < whole.length) problems.push(message('linkSweepSeedListLong', { count: whole.length, max: MAX_SWEEP_SEEDS }));
      seeds = { kind: 'list', seeds: kept };
    }
  } else if (countText !== undefined) {
    if (!WHOLE_TEXT.test(countText) || Number(countText) < 1) problems.push(message('linkSweepSeedsBad', { value: quote(countText) }));
    else {
      const count = Math.min(MAX_SWEEP_SEEDS, Number(countText));
      if (count !== Number(countText)) problems.push(message('linkSweepSeedsMax', { value: quote(countText), max: MAX_SWEEP_SEEDS, count }));
      seeds = { kind: 'count', count };
    }
  }
  return { parameter, layer: isWidthParameter(parameter) ? layer : 0, values, seeds };
}

/** The link parts of a sweep (`key=value`, URI-encoded), in SWEEP_LINK_KEYS order; none when the sweep is off. */
export function formatSweepLink(spec: Readonly<SweepSpec> | null | undefined): string[] {
  if (!spec) return [];
  const parts = [`sweep=${spec.parameter}`];
  if (isWidthParameter(spec.parameter) && spec.layer !== 0) parts.push(`sweepLayer=${spec.layer + 1}`);
  if (spec.values.kind === 'list') parts.push(`sweepValues=${encodeURIComponent(spec.values.values.map(String).join(','))}`);
  else {
    const { from, to, count, scale } = spec.values;
    parts.push(`sweepRange=${encodeURIComponent(`${from}:${to}:${count}${scale === 'log' ? ':log' : ''}`)}`);
  }
  if (spec.seeds.kind === 'list') parts.push(`sweepSeedList=${encodeURIComponent(spec.seeds.seeds.join(','))}`);
  else if (spec.seeds.count !== 1) parts.push(`sweepSeeds=${spec.seeds.count}`);
  return parts;
}

/** Text of the values in the sidebar's input: "0.005,0.01" or "0.005:0.05:16:log". */
export function formatSweepValuesText(values: SweepValues): string {
  if (values.kind === 'list') return values.values.join(',');
  return `${values.from}:${values.to}:${values.count}${values.scale === 'log' ? ':log' : ''}`;
}

/** The sidebar's values text back to SweepValues (a colon means a range), or a problem. */
export function parseSweepValuesText(text: string): { values: SweepValues | null; problems: Message[] } {
  const problems: Message[] = [];
  const trimmed = text.replace(/\s+/g, '');
  const values = trimmed.includes(':')
    ? readRange(trimmed, problems)
    : (() => {
        const list = trimmed === '' ? null : readNumberList('values', trimmed, problems);
        if (trimmed === '') problems.push(message('sweepValuesEmpty'));
        return list ? ({ kind: 'list', values: list } as const) : null;
      })();
  return { values, problems };
}
