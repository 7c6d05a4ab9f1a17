/**
 * The AxTrain study (reference axtrain-nas.md §A.7, §D.1.5, scaled as it suggests): per classification data set and
 * seed, bp and act from scratch, pas from scratch at the aggressive and conservative NTV voltages (Fig. 7), and
 * AxTrain = the act net fine-tuned with pas for every setting a claim is judged on (DRUM at K1–K3, Fig. 6; NTV at
 * Agg/Con, Fig. 7). Every net is evaluated on every hardware setting (exact, DRUM k = 1…8, NTV × R masks).
 * Pure: the plan, the aggregation over seeds, the paired verdicts and the markdown report; the training is
 * src/ml/axtrain/study.ts, driven by `axlab reproduce --paper axtrain` (and the Paper view). The tables' words are
 * Messages (studyMessages.ts, claimMessages.ts): the Paper view formats them in its language, the report in English.
 */
import { AXTRAIN_METHOD_LABELS, createAxtrainConfig, type AxtrainConfig, type AxtrainMethodId, type ClassificationDatasetId } from './config';
import {
  computeAxtrainClaimMessages,
  computeMeanStd,
  describeSetting,
  findResult,
  listClaimSettings,
  readNtvVoltagePair,
  type HardwareReport,
  type HardwareSetting,
  type MeanStd,
} from './report';
import { getNtvFlipRate, NTV_VOLTAGE_PRESETS } from '../approx/ntv';
import type { AxtrainPoint } from './run';
import type { LanguageId } from '../language';
import { formatMessage, message, type Message } from '../messages';

export const AXTRAIN_STUDY_VERSION = 1;

/** One data set and seed: everything the study trains for it shares the data split and the act net. */
export interface AxtrainStudyUnit {
  key: string;
  dataset: ClassificationDatasetId;
  seed: number;
  /** The base config (epochs, pas epochs, NTV runs); each training sets its own method and hardware. */
  config: AxtrainConfig;
  /** Settings pas trains for from scratch (Fig. 7: Agg, Con). */
  pasSettings: HardwareSetting[];
  /** Settings AxTrain (act → pas) is fine-tuned for (Fig. 6 K1–K3, Fig. 7 Agg/Con). */
  actpasSettings: HardwareSetting[];
}

export interface AxtrainStudyPlan {
  version: number;
  quick: boolean;
  seeds: number;
  units: AxtrainStudyUnit[];
}

/** Budgets: the full study's epochs follow the reference's calibration (breast cancer 150); quick is CI-sized. */
const STUDY_BUDGETS: Readonly<Record<'full' | 'quick', Readonly<Record<ClassificationDatasetId, { epochs: number; pasEpochs: number; evalRuns: number }>>>> = {
  full: { breastcancer: { epochs: 150, pasEpochs: 10, evalRuns: 50 }, digits: { epochs: 40, pasEpochs: 10, evalRuns: 50 } },
  quick: { breastcancer: { epochs: 20, pasEpochs: 3, evalRuns: 10 }, digits: { epochs: 3, pasEpochs: 1, evalRuns: 5 } },
};

export function buildAxtrainStudyPlan(options: { quick?: boolean; seeds?: number; datasets?: readonly ClassificationDatasetId[] } = {}): AxtrainStudyPlan {
  const quick = options.quick ?? false;
  const seeds = Math.max(1, Math.floor(options.seeds ?? (quick ? 1 : 3)));
  const datasets = options.datasets ?? (['breastcancer', 'digits'] as const);
  const units: AxtrainStudyUnit[] = [];
  for (const dataset of datasets) {
    const budget = STUDY_BUDGETS[quick ? 'quick' : 'full'][dataset];
    const { aggressiveMv, conservativeMv } = readNtvVoltagePair(dataset);
    const ntv = [aggressiveMv, conservativeMv].map((voltageMv): HardwareSetting => ({ kind: 'ntv', voltageMv, flipRate: getNtvFlipRate(voltageMv) }));
    for (let seed = 1; seed <= seeds; seed++) {
      const config = { ...createAxtrainConfig(dataset), ...budget, seed };
      units.push({
        key: `v${AXTRAIN_STUDY_VERSION}-${dataset}-s${seed}-e${budget.epochs}-p${budget.pasEpochs}-r${budget.evalRuns}`,
        dataset,
        seed,
        config,
        pasSettings: ntv,
        actpasSettings: listClaimSettings(dataset),
      });
    }
  }
  return { version: AXTRAIN_STUDY_VERSION, quick, seeds, units };
}

/** The config of one training of a unit: `method`, training for `setting` when it is pas or actpas. */
export function configureStudyTraining(unit: AxtrainStudyUnit, method: AxtrainMethodId, setting: HardwareSetting | null): AxtrainConfig {
  const config = { ...unit.config, methods: [method], hidden: [...unit.config.hidden] };
  if (setting?.kind === 'drum') return { ...config, hardware: 'drum', drumK: setting.k };
  if (setting?.kind === 'ntv') return { ...config, hardware: 'ntv', ntvVoltageMv: setting.voltageMv };
  return config;
}

/** One trained net of the study. */
export interface AxtrainStudyRow {
  dataset: ClassificationDatasetId;
  seed: number;
  method: AxtrainMethodId;
  /** The setting pas / AxTrain trained for; null for bp and act. */
  trainedFor: HardwareSetting | null;
  final: AxtrainPoint;
  hardware: HardwareReport;
  trainingMs: number;
}

export interface AxtrainStudyResults {
  version: number;
  plan: { quick: boolean; seeds: number; units: string[] };
  rows: AxtrainStudyRow[];
  wallMs: number;
}

const sameSetting = (a: HardwareSetting | null, b: HardwareSetting | null) => (a === null || b === null ? a === b : describeSetting(a) === describeSetting(b));

/**
 * One claim over the seeds: the paper's number, ours per seed (paired with BP on the same seed and masks), mean ± std;
 * its texts as Messages (the page formats them in its language, the report in English: formatAxtrainClaimSummary).
 */
export interface AxtrainClaimSummary {
  id: string;
  /** "Fig. 6" or "Fig. 7". */
  figure: Message;
  claim: Message;
  paper: number;
  perSeed: (number | null)[];
  ours: MeanStd;
  /** Seeds where our number has the paper's sign (an improvement over BP), of the seeds with a number. */
  agreeing: number;
  judged: number;
  verdict: Message;
  /** The first seed's reading (report.ts computeAxtrainClaimMessages). */
  reading: Message;
}

/** A claim summary with its texts formatted in one language. */
export interface AxtrainClaimSummaryRow extends Omit<AxtrainClaimSummary, 'figure' | 'claim' | 'verdict' | 'reading'> {
  figure: string;
  claim: string;
  verdict: string;
  reading: string;
}

export function formatAxtrainClaimSummary(summary: AxtrainClaimSummary, language: LanguageId): AxtrainClaimSummaryRow {
  return {
    ...summary,
    figure: formatMessage(summary.figure, language),
    claim: formatMessage(summary.claim, language),
    verdict: formatMessage(summary.verdict, language),
    reading: formatMessage(summary.reading, language),
  };
}

/** The verdict over the seeds: how many of the judged seeds improve on BP, and by the paper's margin or less. */
function judgeOverSeeds(agreeing: number, judged: number, mean: number, paper: number): Message {
  if (judged === 0) return message('axtrainStudyVerdictNotComputed');
  if (agreeing === judged) return message(mean >= paper ? 'axtrainStudyVerdictAtLeast' : 'axtrainStudyVerdictLess', { agreeing, judged });
  if (agreeing === 0) return message('axtrainStudyVerdictNone', { judged });
  return message('axtrainStudyVerdictSome', { agreeing, judged });
}

/** The claims over the seeds in English (tests, logs): summarizeAxtrainClaimMessages formatted with 'en'. */
export function summarizeAxtrainClaims(dataset: ClassificationDatasetId, rows: readonly AxtrainStudyRow[]): AxtrainClaimSummaryRow[] {
  return summarizeAxtrainClaimMessages(dataset, rows).map((summary) => formatAxtrainClaimSummary(summary, 'en'));
}

export function summarizeAxtrainClaimMessages(dataset: ClassificationDatasetId, rows: readonly AxtrainStudyRow[]): AxtrainClaimSummary[] {
  const seeds = [...new Set(rows.filter((r) => r.dataset === dataset).map((r) => r.seed))].sort((a, b) => a - b);
  const perSeed = seeds.map((seed) => {
    const mine = rows.filter((r) => r.dataset === dataset && r.seed === seed);
    // bp and act count on every setting; pas and AxTrain only on the setting they were trained for.
    return computeAxtrainClaimMessages(dataset, (method, setting) => {
      const hit = mine.find((r) => r.method === method && (r.trainedFor === null || sameSetting(r.trainedFor, setting)));
      return hit?.hardware ?? null;
    });
  });
  if (perSeed.length === 0) return [];
  return perSeed[0].map((first, index) => {
    const values = perSeed.map((claims) => claims[index].ours);
    const known = values.filter((v): v is number => v !== null);
    const agreeing = known.filter((v) => v > 0).length;
    const ours = computeMeanStd(known);
    const verdict = judgeOverSeeds(agreeing, known.length, ours.mean, first.paper);
    return { id: first.id, figure: first.figure, claim: first.claim, paper: first.paper, perSeed: values, ours, agreeing, judged: known.length, verdict, reading: first.reading };
  });
}

/** Mean ± std over seeds of one method's metric on one setting (pas / AxTrain: the nets trained for `trainedFor`). */
export function summarizeSetting(
  rows: readonly AxtrainStudyRow[],
  dataset: ClassificationDatasetId,
  method: AxtrainMethodId,
  trainedFor: HardwareSetting | null,
  setting: HardwareSetting,
  metric: 'accuracy' | 'normalizedLoss',
): MeanStd {
  const values = rows
    .filter((r) => r.dataset === dataset && r.method === method && sameSetting(r.trainedFor, trainedFor))
    .map((r) => findResult(r.hardware, setting))
    .filter((r) => r !== null)
    .map((r) => (metric === 'accuracy' ? r.accuracy.mean : r.normalizedLoss));
  return computeMeanStd(values);
}

const fmt = (m: MeanStd, digits = 3) => (m.runs === 0 ? '—' : m.runs === 1 ? m.mean.toFixed(digits) : `${m.mean.toFixed(digits)} ± ${m.std.toFixed(digits)}`);
const pct = (m: MeanStd) => (m.runs === 0 ? '—' : m.runs === 1 ? `${m.mean.toFixed(2)}%` : `${m.mean.toFixed(2)} ± ${m.std.toFixed(2)}%`);

/** The choices the lab made where AxTrain is silent (reference §D.3), stated in the report. */
export const AXTRAIN_OPEN_CHOICES: readonly string[] = [
  'K1…K4 → k = 1…4 (the paper never states k; remappable).',
  'E = binary cross-entropy over the sigmoid outputs (the paper says "network error"); Fig. 6 plots E on the test set relative to the same net on exact multipliers.',
  'S(w) per sample, averaged over the batch; weights only (biases optional).',
  'γ0 = 0; Δγ = 0.01·Ē₁/S̄₁ (first-epoch means); D = 0.05; literal weights 0.5, 0.25, …; γ clamped at 0; epoch 1 holds γ.',
  'Word widths: 8-bit two’s-complement NTV weight words (weights and biases), 16-bit DRUM operands, per-layer dynamic fixed point.',
  'NTV: one flip mask per evaluation run over the whole test set; i.i.d. bit flips; the figure of Dreslinski et al. [8] behind the rates is unverified.',
  'AxTrain = act, then a fresh pas stage (new Adam) of pasEpochs from the act net, fine-tuned for each setting it is judged on.',
  'Fig. 6 "reduces the error by", Fig. 7 gains read as relative (absolute points shown beside).',
  'Energies are lab estimates (DRUM fit to the published 54–80 % savings; SRAM ∝ V²); the paper’s 65 nm synthesis and CACTI-P are not available.',
  'Data: breast cancer (the paper’s), digits 8×8 as a stand-in for MNIST; Image segmentation, Ionosphere, Satimage are not shipped.',
];

/**
 * A cell of the study's tables: a number, a method label or a setting formatted as the report writes it (a string,
 * the same in every language), or words (a Message, in the language on screen; English in the report).
 */
export type AxtrainStudyCell = string | Message;

/** A table of the report and the Paper view: one header, rows of cells (the same cells in both). */
export interface AxtrainStudyTable {
  title: Message;
  header: AxtrainStudyCell[];
  rows: AxtrainStudyCell[][];
}

export function formatAxtrainStudyCell(cell: AxtrainStudyCell, language: LanguageId): string {
  return typeof cell === 'string' ? cell : formatMessage(cell, language);
}

/** One data set's part of the study: its claims (paired per seed) and the tables of the claims, Fig. 7 and Fig. 6. */
export interface AxtrainDatasetTables {
  dataset: ClassificationDatasetId;
  /** "breastcancer (6144 multiplies, 6274 stored words per inference)". */
  heading: Message;
  claims: AxtrainClaimSummary[];
  claimsTable: AxtrainStudyTable;
  fig7: AxtrainStudyTable;
  fig6: AxtrainStudyTable;
}

const FIG6_KS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

const STUDY_TRAININGS: readonly { label: AxtrainStudyCell; method: AxtrainMethodId; trainedFor: (s: HardwareSetting) => HardwareSetting | null }[] = [
  { label: AXTRAIN_METHOD_LABELS.bp, method: 'bp', trainedFor: () => null },
  { label: AXTRAIN_METHOD_LABELS.act, method: 'act', trainedFor: () => null },
  { label: message('axtrainStudyRowPas', { method: AXTRAIN_METHOD_LABELS.pas }), method: 'pas', trainedFor: (s) => s },
  { label: message('axtrainStudyRowActpas'), method: 'actpas', trainedFor: (s) => s },
];

/** The tables of every data set in `rows` (in the order the rows name them): what the report prints and the Paper view shows. */
export function buildAxtrainStudyTables(rows: readonly AxtrainStudyRow[]): AxtrainDatasetTables[] {
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  return datasets.map((dataset) => {
    const mine = rows.filter((r) => r.dataset === dataset);
    const first = mine[0];
    const claims = summarizeAxtrainClaimMessages(dataset, mine);
    const { aggressiveMv, conservativeMv } = readNtvVoltagePair(dataset);
    const voltages = NTV_VOLTAGE_PRESETS.filter((p) => p.voltageMv === aggressiveMv || p.voltageMv === conservativeMv);
    const masks = first.hardware.results.find((r) => r.setting.kind === 'ntv')?.accuracy.runs ?? 0;
    return {
      dataset,
      heading: message('axtrainStudyHeading', {
        dataset,
        multiplies: first.hardware.multipliesPerInference,
        words: first.hardware.storedWordsPerInference,
      }),
      claims,
      claimsTable: {
        title: message('axtrainStudyClaimsTitle'),
        header: [
          message('axtrainStudyHeaderFigure'),
          message('axtrainStudyHeaderClaim'),
          message('axtrainStudyHeaderPaper'),
          message('axtrainStudyHeaderOurs'),
          message('axtrainStudyHeaderVerdict'),
        ],
        rows: claims.map((c) => [c.figure, c.claim, `${c.paper}%`, pct(c.ours), c.verdict]),
      },
      fig7: {
        title: message('axtrainStudyFig7Title', { masks }),
        header: [message('axtrainStudyHeaderMethod'), message('axtrainStudyHeaderExact'), ...voltages.map((p) => `${p.voltageMv} mV (p = ${p.flipRate * 100}%)`)],
        rows: STUDY_TRAININGS.map((t) => {
          const cells = voltages.map((p) => {
            const setting: HardwareSetting = { kind: 'ntv', voltageMv: p.voltageMv, flipRate: p.flipRate };
            return fmt(summarizeSetting(mine, dataset, t.method, t.trainedFor(setting), setting, 'accuracy'));
          });
          const exactOf = t.method === 'bp' || t.method === 'act' ? fmt(summarizeSetting(mine, dataset, t.method, null, { kind: 'exact' }, 'accuracy')) : '—';
          return [t.label, exactOf, ...cells];
        }),
      },
      fig6: {
        title: message('axtrainStudyFig6Title'),
        header: [message('axtrainStudyHeaderMethod'), ...FIG6_KS.map((k) => `k = ${k}`)],
        rows: STUDY_TRAININGS.filter((t) => t.method !== 'pas').map((t) => [
          t.label,
          ...FIG6_KS.map((k) => fmt(summarizeSetting(mine, dataset, t.method, t.trainedFor({ kind: 'drum', k }), { kind: 'drum', k }, 'normalizedLoss'))),
        ]),
      },
    };
  });
}

/** "Quick (CI-sized) budget, 1 seed(s), 18 trained nets, wall time 56 s": which budget produced the numbers, and in how long. */
export function describeAxtrainStudyRunMessage(results: Pick<AxtrainStudyResults, 'plan' | 'rows' | 'wallMs'>): Message {
  return message('axtrainStudyRun', {
    budget: message(results.plan.quick ? 'axtrainStudyQuickBudget' : 'axtrainStudyFullBudget'),
    seeds: results.plan.seeds,
    nets: results.rows.length,
    seconds: (results.wallMs / 1000).toFixed(0),
  });
}

/** The run line in English (the report): describeAxtrainStudyRunMessage formatted with 'en'. */
export function describeAxtrainStudyRun(results: Pick<AxtrainStudyResults, 'plan' | 'rows' | 'wallMs'>): string {
  return formatMessage(describeAxtrainStudyRunMessage(results), 'en');
}

function renderMarkdownTable(table: AxtrainStudyTable): string[] {
  const row = (cells: readonly AxtrainStudyCell[]) => `| ${cells.map((cell) => formatAxtrainStudyCell(cell, 'en')).join(' | ')} |`;
  return [row(table.header), `| ${table.header.map(() => '---').join(' | ')} |`, ...table.rows.map(row)];
}

export function renderAxtrainStudyReport(results: AxtrainStudyResults): string {
  const out: string[] = [];
  out.push('# AxTrain study (He et al., ISLPED’18)');
  out.push('');
  out.push(
    `${describeAxtrainStudyRun(results)}. The paper’s numbers are averages over its six applications; ours are per data set, mean ± std over seeds, each seed paired with BP on the same data, batches and NTV masks.`,
  );
  for (const tables of buildAxtrainStudyTables(results.rows)) {
    out.push('');
    out.push(`## ${formatMessage(tables.heading, 'en')}`);
    for (const table of [tables.claimsTable, tables.fig7, tables.fig6]) {
      out.push('');
      out.push(`### ${formatMessage(table.title, 'en')}`);
      out.push('');
      out.push(...renderMarkdownTable(table));
    }
  }
  out.push('');
  out.push('## Choices where the paper is silent');
  out.push('');
  for (const c of AXTRAIN_OPEN_CHOICES) out.push(`- ${c}`);
  out.push('');
  out.push(`Methods: ${Object.values(AXTRAIN_METHOD_LABELS).join(', ')}.`);
  return `${out.join('\n')}\n`;
}

/** results.json as `axlab reproduce --paper axtrain` writes it (and the Paper view exports it). */
export function formatAxtrainResultsJson(results: AxtrainStudyResults): string {
  return `${JSON.stringify(results, null, 1)}\n`;
}

/** A finished unit as the caches keep it: its rows and the wall time it took to train and evaluate them. */
export interface AxtrainUnitRecord {
  key: string;
  rows: AxtrainStudyRow[];
  wallMs: number;
}

/** Whether a cached value is a record of `key` (anything else, e.g. an older format, counts as not cached). */
export function isAxtrainUnitRecord(value: unknown, key: string): value is AxtrainUnitRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<AxtrainUnitRecord>;
  return record.key === key && Array.isArray(record.rows) && typeof record.wallMs === 'number' && Number.isFinite(record.wallMs);
}

/** The results of `plan` from the records at hand: rows in plan order (units without a record are left out). */
export function assembleAxtrainStudyResults(plan: AxtrainStudyPlan, records: Readonly<Record<string, AxtrainUnitRecord>>, wallMs: number): AxtrainStudyResults {
  return {
    version: plan.version,
    plan: { quick: plan.quick, seeds: plan.seeds, units: plan.units.map((u) => u.key) },
    rows: plan.units.flatMap((u) => (Object.hasOwn(records, u.key) ? records[u.key].rows : [])),
    wallMs: Math.round(wallMs),
  };
}
