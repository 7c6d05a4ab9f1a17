/**
 * AxTrain's results as plain data, and the paper's claims beside ours (AxTrain §5, Figs. 6, 7, 9). Pure: the CLI,
 * the study and the AxTrain panels all read these, so a number on screen and in a report is computed once.
 */
import { AXTRAIN_METHOD_LABELS, type AxtrainDatasetId, type AxtrainMethodId } from './config';
import { CLASSIFICATION_DATASETS, isClassificationDatasetId } from './datasets';
import { resolveDrumPresets, type DrumPresetId } from '../approx/drum';
import { getNtvFlipRate, type NtvVoltageMv } from '../approx/ntv';
import type { AxtrainConfig } from './config';
import type { LanguageId } from '../language';
import { formatMessage, message, type Message } from '../messages';

export interface MeanStd {
  mean: number;
  std: number;
  runs: number;
}

export type HardwareSetting = { kind: 'exact' } | { kind: 'drum'; k: number } | { kind: 'ntv'; voltageMv: NtvVoltageMv; flipRate: number };

export interface HardwareResult {
  setting: HardwareSetting;
  /** Test accuracy: one value (exact, DRUM: deterministic) or mean ± std over R masks (NTV). */
  accuracy: MeanStd;
  /** E on the test set. */
  loss: MeanStd;
  /** L / L_exact of the same net (Fig. 6's y-axis). */
  normalizedLoss: number;
  /** Estimated energy of one inference's multiplies (DRUM) or weight reads (NTV), pJ (status 'estimate'); null for exact. */
  energyPj: number | null;
  /** Per operation, approximate / exact (1 = no saving); null for exact. */
  energyRatio: number | null;
}

export interface HardwareReport {
  results: HardwareResult[];
  multipliesPerInference: number;
  storedWordsPerInference: number;
}

/** Sample mean and standard deviation (n − 1; 0 for one value). */
export function computeMeanStd(values: readonly number[]): MeanStd {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN, runs: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(variance), runs: n };
}

export function describeSetting(setting: HardwareSetting): string {
  switch (setting.kind) {
    case 'exact':
      return 'exact';
    case 'drum':
      return `DRUM-${setting.k}`;
    case 'ntv':
      return `NTV ${setting.voltageMv} mV (p = ${setting.flipRate * 100}%)`;
    default: {
      const unknown: never = setting;
      throw new Error(`Unsupported hardware setting: ${JSON.stringify(unknown)}`);
    }
  }
}

/** The setting pas (and the pas part of actpas) trains for: config.hardware at config.drumK or config.ntvVoltageMv. */
export function readTrainingSetting(config: Pick<AxtrainConfig, 'hardware' | 'drumK' | 'ntvVoltageMv'>): HardwareSetting {
  return config.hardware === 'drum' ? { kind: 'drum', k: config.drumK } : { kind: 'ntv', voltageMv: config.ntvVoltageMv, flipRate: getNtvFlipRate(config.ntvVoltageMv) };
}

export function findResult(report: HardwareReport, setting: HardwareSetting): HardwareResult | null {
  return report.results.find((r) => describeSetting(r.setting) === describeSetting(setting)) ?? null;
}

/** The aggressive and conservative NTV voltages of a data set (Tab. 1; AxBench targets: MNIST's, labelled). */
export function readNtvVoltagePair(dataset: AxtrainDatasetId): { aggressiveMv: NtvVoltageMv; conservativeMv: NtvVoltageMv; source: string } {
  if (isClassificationDatasetId(dataset)) {
    const spec = CLASSIFICATION_DATASETS[dataset];
    return {
      aggressiveMv: spec.aggressiveVoltageMv.value as NtvVoltageMv,
      conservativeMv: spec.conservativeVoltageMv.value as NtvVoltageMv,
      source: spec.aggressiveVoltageMv.citation,
    };
  }
  return { aggressiveMv: 660, conservativeMv: 850, source: 'AxBench targets are not in Tab. 1: the voltages of its MLP rows (660/850 mV) — interpretation' };
}

/**
 * One claim of the paper beside the lab's number, its texts as Messages (claimMessages.ts): the page formats them in
 * its language, the CLI's report and the study in English (formatAxtrainClaim).
 */
export interface AxtrainClaim {
  id: string;
  /** "Fig. 6" or "Fig. 7". */
  figure: Message;
  claim: Message;
  /** The paper's number (%), as printed. */
  paper: number;
  /** Ours (%), or null when the run lacks a method or setting it needs. */
  ours: number | null;
  /** How "ours" is computed, and which reading of an ambiguous sentence it takes; when ours is null, what it needs. */
  reading: Message;
}

/** A claim with its texts formatted in one language (the CLI's report and JSON, the study: English). */
export interface AxtrainClaimRow extends Omit<AxtrainClaim, 'figure' | 'claim' | 'reading'> {
  figure: string;
  claim: string;
  reading: string;
}

export function formatAxtrainClaim(claim: AxtrainClaim, language: LanguageId): AxtrainClaimRow {
  return {
    ...claim,
    figure: formatMessage(claim.figure, language),
    claim: formatMessage(claim.claim, language),
    reading: formatMessage(claim.reading, language),
  };
}

/** AxTrain §5's headline numbers (averages over its six applications). */
export const AXTRAIN_PAPER_CLAIMS = {
  fig6Act: { K1: 40.77, K2: 34.56, K3: 25.15 },
  fig6Axtrain: { K1: 75.61, K2: 58.45, K3: 37.66 },
  fig7Aggressive: 32.1,
  fig7Conservative: 8.163,
} as const;

/**
 * The report a claim reads for `method` judged on `setting`, or null when there is none: AxTrain (actpas) and pas are
 * fine-tuned for one setting, so only a net trained for that very setting may be judged on it; bp and act are not
 * tied to a setting.
 */
export type ReportLookup = (method: AxtrainMethodId, setting: HardwareSetting) => HardwareReport | null;

/** The lookup of one run: one report per method; pas and actpas count only on the setting they trained for. */
export function lookupSingleRun(reports: Partial<Record<AxtrainMethodId, HardwareReport>>, trainedFor: Partial<Record<AxtrainMethodId, HardwareSetting>>): ReportLookup {
  return (method, setting) => {
    const trained = trainedFor[method];
    if (trained && describeSetting(trained) !== describeSetting(setting)) return null;
    return reports[method] ?? null;
  };
}

/** Where the paper's claims are judged: DRUM at K1–K3 (Fig. 6) and NTV at the data set's aggressive and conservative voltages (Fig. 7). */
export function listClaimSettings(dataset: AxtrainDatasetId, kMapping: Partial<Record<DrumPresetId, number>> = {}): HardwareSetting[] {
  const presets = resolveDrumPresets(kMapping);
  const { aggressiveMv, conservativeMv } = readNtvVoltagePair(dataset);
  return [
    ...(['K1', 'K2', 'K3'] as const).map((p): HardwareSetting => ({ kind: 'drum', k: presets[p] })),
    ...[aggressiveMv, conservativeMv].map((voltageMv): HardwareSetting => ({ kind: 'ntv', voltageMv, flipRate: getNtvFlipRate(voltageMv) })),
  ];
}

/**
 * The paper's claims for one data set and seed, from `lookup`. Fig. 6: "act reduces the error by x% vs BP" read as
 * 1 − (L_k/L_exact)_act / (L_k/L_exact)_BP at k = K_i (the K→k mapping is an interpretation; "by" rather than "to").
 * Fig. 7: AxTrain's accuracy gain under NTV, read as relative (acc − acc_BP)/acc_BP (the paper does not say relative
 * or absolute; the absolute points are in the reading text).
 */
export function computeAxtrainClaimMessages(dataset: AxtrainDatasetId, lookup: ReportLookup, kMapping: Partial<Record<DrumPresetId, number>> = {}): AxtrainClaim[] {
  const presets = resolveDrumPresets(kMapping);
  const rows: AxtrainClaim[] = [];
  const needs = (method: AxtrainMethodId, setting: HardwareSetting) => message('axtrainClaimNeeds', { method: AXTRAIN_METHOD_LABELS[method], setting: describeSetting(setting) });
  for (const [method, paper] of [
    ['act', AXTRAIN_PAPER_CLAIMS.fig6Act],
    ['actpas', AXTRAIN_PAPER_CLAIMS.fig6Axtrain],
  ] as const) {
    for (const preset of ['K1', 'K2', 'K3'] as const) {
      const k = presets[preset];
      const setting: HardwareSetting = { kind: 'drum', k };
      const ours = lookup(method, setting);
      const bp = lookup('bp', setting);
      const oursLoss = ours ? findResult(ours, setting)?.normalizedLoss : undefined;
      const bpLoss = bp ? findResult(bp, setting)?.normalizedLoss : undefined;
      const known = oursLoss !== undefined && bpLoss !== undefined && bpLoss > 0;
      rows.push({
        id: `fig6-${method}-${preset}`,
        figure: message('axtrainClaimFigure', { n: 6 }),
        claim: message('axtrainClaimFig6', { method: AXTRAIN_METHOD_LABELS[method], preset }),
        paper: paper[preset],
        ours: known ? 100 * (1 - oursLoss / bpLoss) : null,
        reading: known ? message('axtrainClaimFig6Reading', { method, k, preset }) : needs(ours ? 'bp' : method, setting),
      });
    }
  }
  const voltages = readNtvVoltagePair(dataset);
  for (const [which, voltageMv, paper] of [
    ['aggressive', voltages.aggressiveMv, AXTRAIN_PAPER_CLAIMS.fig7Aggressive],
    ['conservative', voltages.conservativeMv, AXTRAIN_PAPER_CLAIMS.fig7Conservative],
  ] as const) {
    const setting: HardwareSetting = { kind: 'ntv', voltageMv, flipRate: getNtvFlipRate(voltageMv) };
    const oursHit = (() => {
      const r = lookup('actpas', setting);
      return r ? findResult(r, setting) : null;
    })();
    const bpHit = (() => {
      const r = lookup('bp', setting);
      return r ? findResult(r, setting) : null;
    })();
    const ours = oursHit?.accuracy.mean ?? null;
    const bp = bpHit?.accuracy.mean ?? null;
    rows.push({
      id: `fig7-${which}`,
      figure: message('axtrainClaimFigure', { n: 7 }),
      claim: message('axtrainClaimFig7', { which: message(which === 'aggressive' ? 'axtrainClaimAggressive' : 'axtrainClaimConservative'), mv: voltageMv }),
      paper,
      ours: ours !== null && bp !== null && bp > 0 ? (100 * (ours - bp)) / bp : null,
      reading:
        ours !== null && bp !== null
          ? message('axtrainClaimFig7Reading', { runs: oursHit?.accuracy.runs ?? 0, points: (100 * (ours - bp)).toFixed(2) })
          : needs(ours === null ? 'actpas' : 'bp', setting),
    });
  }
  return rows;
}

/** The claims in English, for the CLI's report and JSON and the study: computeAxtrainClaimMessages formatted with 'en'. */
export function computeAxtrainClaims(dataset: AxtrainDatasetId, lookup: ReportLookup, kMapping: Partial<Record<DrumPresetId, number>> = {}): AxtrainClaimRow[] {
  return computeAxtrainClaimMessages(dataset, lookup, kMapping).map((claim) => formatAxtrainClaim(claim, 'en'));
}

/** Fig. 9's testable part: per method, the most aggressive DRUM k and the lowest NTV voltage whose accuracy stays within `allowedLoss` of the same net's exact accuracy. */
export interface ModeSelection {
  method: AxtrainMethodId;
  drum: { k: number; accuracy: number; energyRatio: number } | null;
  ntv: { voltageMv: number; accuracy: number; energyRatio: number } | null;
}

export function selectApproximateModes(method: AxtrainMethodId, report: HardwareReport, allowedLoss = 0.02): ModeSelection {
  const exact = findResult(report, { kind: 'exact' });
  if (!exact) return { method, drum: null, ntv: null };
  const floor = exact.accuracy.mean - allowedLoss;
  const drum = report.results
    .filter((r): r is HardwareResult & { setting: { kind: 'drum'; k: number } } => r.setting.kind === 'drum' && r.accuracy.mean >= floor)
    .sort((a, b) => a.setting.k - b.setting.k)[0];
  const ntv = report.results
    .filter((r): r is HardwareResult & { setting: { kind: 'ntv'; voltageMv: NtvVoltageMv; flipRate: number } } => r.setting.kind === 'ntv' && r.accuracy.mean >= floor)
    .sort((a, b) => a.setting.voltageMv - b.setting.voltageMv)[0];
  return {
    method,
    drum: drum ? { k: drum.setting.k, accuracy: drum.accuracy.mean, energyRatio: drum.energyRatio ?? 1 } : null,
    ntv: ntv ? { voltageMv: ntv.setting.voltageMv, accuracy: ntv.accuracy.mean, energyRatio: ntv.energyRatio ?? 1 } : null,
  };
}
