/**
 * The quantitative claims of AXNet §V, each with the formula we use and OUR value computed the same
 * way from the study's results. A difference is always reported ("differs: …"), never hidden.
 * The claims' words are Messages (claimMessages.ts): the Paper view formats them in its language, the report in
 * English (formatStudyClaim, formatLeadClaim); numbers come formatted once, here, as the report writes them.
 */
import type { MethodId } from '../config';
import type { LanguageId } from '../language';
import { formatMessage, message, type Message, type MessageId } from '../messages';
import type { TargetId } from '../targets/types';
import {
  comparisonJobId,
  comparisonTargets,
  computeOscillation,
  computeRatioRows,
  formatPercent,
  formatRatio,
  normalizedOverallError,
  SIMILAR_INVOCATION,
  sweepPoints,
} from './figures';
import type { StudyFigureId, StudyPlan } from './plan';
import { planProtocols, projectStudyView } from './protocolView';
import type { StudyProtocol } from './protocols';
import type { JobResult, StudyResults } from './results';
import { comparePaired, formatSpread, mean, summarize, type PairedComparison, type Spread } from './stats';
import { collectStudySweep, findSweepCell, gainPerSeed, pairedDifferences } from './sweep';

export type ClaimVerdict = 'agrees' | 'differs' | 'not computed';

/** A claim's text: a number, a benchmark id or a formula's math as written (a string), or words (a Message). */
export type ClaimText = string | Message;

export function formatClaimText(text: ClaimText, language: LanguageId): string {
  return typeof text === 'string' ? text : formatMessage(text, language);
}

export interface StudyClaim {
  id: string;
  figure: StudyFigureId;
  /** The paper's sentence, shortened. */
  statement: Message;
  /** The paper's number as printed ('+50.7 %', '13.8×', 'all 7 benchmarks'). */
  paper: ClaimText;
  paperValue: number | null;
  /** How OUR value is computed (the same formula is applied to the paper's reading). */
  formula: ClaimText;
  ours: ClaimText;
  oursValue: number | null;
  verdict: ClaimVerdict;
  /** 'agrees: …', 'differs: …' or 'not computed: …'; prefixed by the quick-budget note when applicable. */
  verdictText: Message;
}

/** A claim with its texts in one language (the report: English). */
export interface StudyClaimRow extends Omit<StudyClaim, 'statement' | 'paper' | 'formula' | 'ours' | 'verdictText'> {
  statement: string;
  paper: string;
  formula: string;
  ours: string;
  verdictText: string;
}

export function formatStudyClaim(claim: StudyClaim, language: LanguageId): StudyClaimRow {
  return {
    ...claim,
    statement: formatMessage(claim.statement, language),
    paper: formatClaimText(claim.paper, language),
    formula: formatClaimText(claim.formula, language),
    ours: formatClaimText(claim.ours, language),
    verdictText: formatMessage(claim.verdictText, language),
  };
}

const NA = message('studyClaimNa');
/** A reduction 1 − ours/theirs as the paper writes it: −60.0 % (fewer), +2.2 % (more). */
const formatReduction = (v: number) => `${v >= 0 ? '−' : '+'}${Math.abs(100 * v).toFixed(1)} %`;
const agrees = (detail: ClaimText) => message('studyClaimAgrees', { detail });
const differs = (detail: ClaimText) => message('studyClaimDiffers', { detail });
const notComputed = (why: MessageId) => message('studyClaimNotComputed', { why: message(why) });
/** A quick plan's verdict: plan.ts QUICK_BUDGET_NOTE, then the verdict. */
const markQuick = (verdict: Message) => message('studyClaimQuick', { verdict });
/** The similar-invocation margin in points (5), as the formulas write it. */
const SIMILAR_POINTS = SIMILAR_INVOCATION * 100;

/** A list of Messages as one (null when empty): an item followed by more takes the template that carries the separator and the rest ({next}). */
function listMessage(ids: { last: MessageId; followed: MessageId }, items: readonly NonNullable<Message['values']>[]): Message | null {
  return items.reduceRight<Message | null>((next, values) => (next ? message(ids.followed, { ...values, next }) : message(ids.last, values)), null);
}

/** A numeric claim agrees when ours is within this fraction of the paper's value (same sign). */
export const CLAIM_RELATIVE_TOLERANCE = 0.25;

/** Mean over benchmarks of TI_AXNet / TI_base − 1 (benchmarks where TI_base = 0 are skipped and listed). */
export function computeAverageRelativeGain(pairs: readonly { axnet: number; base: number }[]): { gain: number | null; used: number; skipped: number } {
  let sum = 0;
  let used = 0;
  for (const { axnet, base } of pairs) {
    if (!(base > 0) || !Number.isFinite(axnet)) continue;
    sum += axnet / base - 1;
    used++;
  }
  return { gain: used === 0 ? null : sum / used, used, skipped: pairs.length - used };
}

/** Verdict of a numeric claim: within CLAIM_RELATIVE_TOLERANCE of the paper's value, else how it differs. */
export function compareWithPaper(paper: number, ours: number | null, format: (v: number) => string): { verdict: ClaimVerdict; text: Message } {
  if (ours === null || !Number.isFinite(ours)) return { verdict: 'not computed', text: notComputed('studyClaimWhyUndefined') };
  if (Math.abs(ours - paper) <= CLAIM_RELATIVE_TOLERANCE * Math.abs(paper)) {
    return { verdict: 'agrees', text: agrees(message('studyClaimWithin', { ours: format(ours), paper: format(paper), tolerance: CLAIM_RELATIVE_TOLERANCE * 100 })) };
  }
  const direction: MessageId =
    Math.sign(ours) !== Math.sign(paper) ? 'studyClaimOppositeDirection' : Math.abs(ours) < Math.abs(paper) ? 'studyClaimSameSmaller' : 'studyClaimSameLarger';
  return { verdict: 'differs', text: differs(message('studyClaimVsPaper', { ours: format(ours), paper: format(paper), direction: message(direction) })) };
}

const signedPercent = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)} %`;
const times = (v: number) => `${v.toFixed(2)}×`;

function ti(result: JobResult | undefined): number | null {
  return result ? result.metrics.metrics.trueInvocation : null;
}

function gainClaim(plan: StudyPlan, results: StudyResults, base: MethodId, paperValue: number, id: string): StudyClaim {
  const targets = comparisonTargets(plan);
  const pairs: { target: TargetId; axnet: number; base: number }[] = [];
  for (const t of targets) {
    const a = ti(results[comparisonJobId(t, 'axnet')]);
    const b = ti(results[comparisonJobId(t, base)]);
    if (a !== null && b !== null) pairs.push({ target: t, axnet: a, base: b });
  }
  const { gain, used, skipped } = computeAverageRelativeGain(pairs);
  const points = pairs.length ? pairs.reduce((s, p) => s + (p.axnet - p.base), 0) / pairs.length : null;
  const missing = targets.length - pairs.length;
  const { verdict, text } = compareWithPaper(paperValue, gain, signedPercent);
  const missingNote = missing ? message('studyClaimGainMissing', { count: missing }) : null;
  const notes = skipped
    ? message(missingNote ? 'studyClaimGainSkippedThen' : 'studyClaimGainSkipped', { count: skipped, base, ...(missingNote ? { next: missingNote } : {}) })
    : (missingNote ?? '');
  return {
    id,
    figure: 'fig6',
    statement: message('studyClaimGain', { base, paper: signedPercent(paperValue) }),
    paper: signedPercent(paperValue),
    paperValue,
    formula: message('studyClaimGainFormula', { base }),
    ours:
      gain === null
        ? NA
        : message('studyClaimGainOurs', {
            gain: signedPercent(gain),
            used,
            points: points === null ? NA : message('studyClaimPoints', { value: `${points >= 0 ? '+' : ''}${(100 * points).toFixed(1)}` }),
            notes,
          }),
    oursValue: gain,
    verdict,
    verdictText: text,
  };
}

/** detail: ours (formatted) with what it comes from, or null for ours alone. */
function ratioClaim(
  id: string,
  figure: StudyFigureId,
  statement: Message,
  paperValue: number,
  formula: ClaimText,
  ours: number | null,
  detail: ((ratio: string) => Message) | null,
): StudyClaim {
  const { verdict, text } = compareWithPaper(paperValue, ours, times);
  return {
    id,
    figure,
    statement,
    paper: times(paperValue),
    paperValue,
    formula,
    ours: ours === null ? NA : detail ? detail(times(ours)) : times(ours),
    oursValue: ours,
    verdict,
    verdictText: text,
  };
}

/** detail: what the misses are ('' for nothing to add). */
function countClaim(id: string, figure: StudyFigureId, statement: Message, paper: ClaimText, formula: Message, hits: number, total: number, detail: ClaimText): StudyClaim {
  const computed = total > 0;
  const all = computed && hits === total;
  return {
    id,
    figure,
    statement,
    paper,
    paperValue: computed ? 1 : null,
    formula,
    ours: computed ? (detail ? message('studyClaimCountDetail', { hits, total, detail }) : `${hits}/${total}`) : NA,
    oursValue: computed ? hits / total : null,
    verdict: computed ? (all ? 'agrees' : 'differs') : 'not computed',
    verdictText: !computed
      ? notComputed('studyClaimWhyResultsMissing')
      : all
        ? agrees(`${hits}/${total}`)
        : differs(detail ? message('studyClaimOnlyDetail', { hits, total, detail }) : message('studyClaimOnly', { hits, total })),
  };
}

/** Every claim of §V with our value. Quick plans get the quick-budget note in every verdict. */
export function computeStudyClaims(plan: StudyPlan, results: StudyResults): StudyClaim[] {
  const claims: StudyClaim[] = [];
  const targets = comparisonTargets(plan);

  // Fig. 6: average relative gains.
  claims.push(gainClaim(plan, results, 'onepass', 0.507, 'gain-vs-onepass'));
  claims.push(gainClaim(plan, results, 'iterative', 0.308, 'gain-vs-iterative'));

  // Fig. 6: AXNet above both baselines on every benchmark.
  {
    const losers: string[] = [];
    let hits = 0;
    let total = 0;
    for (const t of targets) {
      const a = ti(results[comparisonJobId(t, 'axnet')]);
      const o = ti(results[comparisonJobId(t, 'onepass')]);
      const i = ti(results[comparisonJobId(t, 'iterative')]);
      if (a === null || o === null || i === null) continue;
      total++;
      if (a > o && a > i) hits++;
      else losers.push(t);
    }
    claims.push(
      countClaim(
        'highest-everywhere',
        'fig6',
        message('studyClaimEverywhere'),
        message('studyClaimAllN', { n: targets.length || 7 }),
        message('studyClaimEverywhereFormula'),
        hits,
        total,
        losers.length ? message('studyClaimNotOn', { list: losers.join(', ') }) : '',
      ),
    );
  }

  // Fig. 6: per-benchmark ratios vs iterative.
  for (const [target, paperValue] of [
    ['kmeans', 1.5],
    ['jpeg', 1.3],
  ] as const) {
    const a = ti(results[comparisonJobId(target, 'axnet')]);
    const i = ti(results[comparisonJobId(target, 'iterative')]);
    const ratio = a !== null && i !== null && i > 0 ? a / i : null;
    claims.push(
      ratioClaim(
        `ratio-${target}`,
        'fig6',
        message('studyClaimRatio', { paper: paperValue, target }),
        paperValue,
        `TI_AXNet(${target}) / TI_iterative(${target})`,
        ratio,
        a !== null && i !== null ? (r) => message('studyClaimRatioOurs', { ratio: r, axnet: formatPercent(a), iterative: formatPercent(i) }) : null,
      ),
    );
  }

  // Fig. 6: saturation effect.
  {
    const saturating: TargetId[] = ['fft', 'bessel_Jnu', 'kmeans'];
    const values = saturating.map((t) => ({ t, p: results[comparisonJobId(t, 'axnet')]?.metrics.metrics.predictedInvocation ?? null })).filter((v) => v.p !== null) as {
      t: TargetId;
      p: number;
    }[];
    const hits = values.filter((v) => v.p >= 0.995).length;
    claims.push(
      countClaim(
        'saturation',
        'fig6',
        message('studyClaimSaturation'),
        message('studyClaimSaturationPaper'),
        message('studyClaimSaturationFormula'),
        hits,
        values.length,
        values.map((v) => `${v.t} ${formatPercent(v.p)}`).join(', '),
      ),
    );
  }

  // Fig. 7: iterative's classifier beats AXNet on inversek2j, jpeg, blackscholes.
  {
    const named: TargetId[] = ['inversek2j', 'jpeg', 'blackscholes'];
    const ours = named.filter((t) => results[comparisonJobId(t, 'axnet')] && results[comparisonJobId(t, 'iterative')]);
    const better = ours.filter(
      (t) => results[comparisonJobId(t, 'iterative')].metrics.metrics.predictionAccuracy > results[comparisonJobId(t, 'axnet')].metrics.metrics.predictionAccuracy,
    );
    claims.push(
      countClaim(
        'accuracy-iterative',
        'fig7',
        message('studyClaimAccuracy'),
        '3/3',
        message('studyClaimAccuracyFormula'),
        better.length,
        ours.length,
        message('studyClaimIterativeHigherOn', { list: better.join(', ') || message('studyClaimNone') }),
      ),
    );
  }

  // Fig. 8: AXNet's overall error below onepass's.
  {
    const values = targets.map((t) => ({ t, r: normalizedOverallError(results, t, 'axnet') })).filter((v) => v.r !== null) as { t: TargetId; r: number }[];
    const above = values.filter((v) => v.r >= 1).map((v) => `${v.t} ${formatRatio(v.r)}`);
    claims.push(
      countClaim(
        'error-vs-onepass',
        'fig8',
        message('studyClaimError'),
        message('studyClaimAllBenchmarks'),
        message('studyClaimErrorFormula'),
        values.length - above.length,
        values.length,
        above.length ? message('studyClaimNotOn', { list: above.join(', ') }) : '',
      ),
    );
  }

  // Fig. 9: the paper's jpeg pair.
  {
    const axnet = plan.jobs.find((j) => j.figures.includes('fig9') && j.method === 'axnet' && j.config.approximatorHidden[0] === 6 && j.config.predictorHidden[0] === 4);
    const iterative = plan.jobs.find((j) => j.figures.includes('fig9') && j.method === 'iterative' && j.config.approximatorHidden[0] === 16);
    const a = axnet ? results[axnet.id] : undefined;
    const i = iterative ? results[iterative.id] : undefined;
    const computed = Boolean(a && i);
    const gap = a && i ? a.metrics.metrics.trueInvocation - i.metrics.metrics.trueInvocation : null;
    const close = gap !== null && gap >= -SIMILAR_INVOCATION;
    claims.push({
      id: 'jpeg-pair',
      figure: 'fig9',
      statement: message('studyClaimJpegPair'),
      paper: message('studyClaimJpegPairPaper'),
      paperValue: 0,
      formula: message('studyClaimJpegPairFormula', { points: SIMILAR_POINTS }),
      ours:
        a && i
          ? message('studyClaimJpegPairOurs', {
              axnet: formatPercent(a.metrics.metrics.trueInvocation),
              axnetParams: a.params,
              iterative: formatPercent(i.metrics.metrics.trueInvocation),
              iterativeParams: i.params,
            })
          : NA,
      oursValue: gap,
      verdict: computed ? (close ? 'agrees' : 'differs') : 'not computed',
      verdictText: !computed
        ? notComputed('studyClaimWhySweepMissing')
        : close
          ? agrees(message('studyClaimJpegPairWithin', { points: SIMILAR_POINTS, ratio: formatRatio(a!.params / i!.params) }))
          : differs(message('studyClaimJpegPairBelow', { gap: (100 * -gap!).toFixed(1) })),
    });
  }

  // Fig. 9: AXNet better at every size.
  {
    const ax = sweepPoints(plan, results, 'axnet');
    const it = sweepPoints(plan, results, 'iterative');
    let hits = 0;
    const misses: number[] = [];
    for (const { result } of it) {
      const dominated = ax.some((p) => p.result.params <= result.params && p.result.metrics.metrics.trueInvocation >= result.metrics.metrics.trueInvocation);
      if (dominated) hits++;
      else misses.push(result.params);
    }
    const list = listMessage(
      { last: 'studyClaimParams', followed: 'studyClaimParamsThen' },
      misses.map((params) => ({ params })),
    );
    claims.push(
      countClaim(
        'fig9-dominates',
        'fig9',
        message('studyClaimDominates'),
        message('studyClaimEverySize'),
        message('studyClaimDominatesFormula'),
        hits,
        it.length,
        list ? message('studyClaimNotAt', { list }) : '',
      ),
    );
  }

  // Fig. 10a: parameter and training-time ratios.
  const rows = computeRatioRows(plan, results);
  const row = (t: TargetId) => rows.find((r) => r.target === t);
  {
    const jpeg = row('jpeg');
    const reduction = jpeg && jpeg.basis === 'invocation-matched' ? 1 - jpeg.paramRatio : null;
    const { verdict, text } = compareWithPaper(0.6, reduction, formatReduction);
    claims.push({
      id: 'jpeg-param-reduction',
      figure: 'fig10a',
      statement: message('studyClaimParamReduction'),
      paper: '−60 %',
      paperValue: 0.6,
      formula: message('studyClaimParamReductionFormula', { points: SIMILAR_POINTS }),
      ours: jpeg
        ? message('studyClaimParamReductionOurs', {
            reduction: reduction === null ? NA : formatReduction(reduction),
            axnet: jpeg.axnetParams,
            iterative: jpeg.iterativeParams,
            basis: message(jpeg.basis === 'invocation-matched' ? 'studyClaimInvocationMatched' : 'studyClaimSizeMatched'),
          })
        : NA,
      oursValue: reduction,
      verdict: jpeg && jpeg.basis !== 'invocation-matched' ? 'differs' : verdict,
      verdictText: jpeg && jpeg.basis !== 'invocation-matched' ? differs(message('studyClaimNoneReached')) : text,
    });
  }
  {
    const usable = rows.filter((r) => r.timeRatio !== null);
    const mean = usable.length ? usable.reduce((s, r) => s + (1 - (r.timeRatio as number)), 0) / usable.length : null;
    const { verdict, text } = compareWithPaper(0.74, mean, formatReduction);
    claims.push({
      id: 'time-average',
      figure: 'fig10a',
      statement: message('studyClaimTimeAverage'),
      paper: '−74 %',
      paperValue: 0.74,
      formula: message('studyClaimTimeAverageFormula'),
      ours: mean === null ? NA : message('studyClaimOverBenchmarks', { value: formatReduction(mean), n: usable.length }),
      oursValue: mean,
      verdict,
      verdictText: text,
    });
  }
  for (const [target, paperValue] of [
    ['bessel_Jnu', 13.8],
    ['jpeg', 32],
  ] as const) {
    const r = row(target);
    const speedup = r && r.timeRatio !== null && r.timeRatio > 0 ? 1 / r.timeRatio : null;
    claims.push(
      ratioClaim(
        `speedup-${target}`,
        'fig10a',
        message('studyClaimSpeedup', { paper: paperValue, target }),
        paperValue,
        message('studyClaimSpeedupFormula', { target }),
        speedup,
        r ? (ratio) => message('studyClaimSpeedupOurs', { ratio, axnet: r.axnetJob, iterative: r.iterativeJob }) : null,
      ),
    );
  }
  for (const [target, paperValue, statement] of [
    ['jpeg', 0.9, 'studyClaimTimeJpeg'],
    ['fft', 0.5, 'studyClaimTimeFft'],
  ] as const) {
    const r = row(target);
    const reduction = r && r.timeRatio !== null ? 1 - r.timeRatio : null;
    const { verdict, text } = compareWithPaper(paperValue, reduction, formatReduction);
    claims.push({
      id: `time-reduction-${target}`,
      figure: 'fig10a',
      statement: message(statement),
      paper: `−${paperValue * 100} %`,
      paperValue,
      formula: `1 − trainingMs_AXNet / trainingMs_iterative (${target})`,
      ours: reduction === null ? NA : formatReduction(reduction),
      oursValue: reduction,
      verdict,
      verdictText: text,
    });
  }

  // Fig. 10c: fusion makes no evident difference.
  {
    const fusionTargets: TargetId[] = [];
    for (const job of plan.jobs) if (job.figures.includes('fig10c') && !fusionTargets.includes(job.target)) fusionTargets.push(job.target);
    let hits = 0;
    let total = 0;
    const spreads: { target: TargetId; points: string }[] = [];
    for (const t of fusionTargets) {
      const values = ['all', 'first', 'second'].map((f) => ti(results[`fig10c/${t}/${f}`]));
      if (values.some((v) => v === null)) continue;
      total++;
      const spread = Math.max(...(values as number[])) - Math.min(...(values as number[]));
      if (spread <= SIMILAR_INVOCATION) hits++;
      spreads.push({ target: t, points: (100 * spread).toFixed(1) });
    }
    claims.push(
      countClaim(
        'fusion-equivalent',
        'fig10c',
        message('studyClaimFusion'),
        message('studyClaimNoEvidentDifference'),
        message('studyClaimFusionFormula', { points: SIMILAR_POINTS }),
        hits,
        total,
        listMessage({ last: 'studyClaimSpread', followed: 'studyClaimSpreadThen' }, spreads) ?? '',
      ),
    );
  }

  // Fig. 2: weight sharing oscillates, AXNet is stable.
  {
    const ws = plan.jobs.find((j) => j.figures.includes('fig2') && j.method === 'weightsharing');
    const ax = plan.jobs.find((j) => j.figures.includes('fig2') && j.method === 'axnet');
    const w = ws ? results[ws.id] : undefined;
    const a = ax ? results[ax.id] : undefined;
    if (w && a) {
      const ow = computeOscillation(w).meanAbsStep;
      const oa = computeOscillation(a).meanAbsStep;
      const tw = w.metrics.metrics.trueInvocation;
      const ta = a.metrics.metrics.trueInvocation;
      const oscillatesMore = ow > oa;
      const endsLower = tw < ta;
      const stable = oscillatesMore && endsLower;
      claims.push({
        id: 'fig2-stability',
        figure: 'fig2',
        statement: message('studyClaimStability'),
        paper: message('studyClaimStabilityPaper'),
        paperValue: null,
        formula: message('studyClaimStabilityFormula'),
        ours: message('studyClaimStabilityOurs', { wsOscillation: formatPercent(ow), axnetOscillation: formatPercent(oa), wsTi: formatPercent(tw), axnetTi: formatPercent(ta) }),
        oursValue: ow - oa,
        verdict: stable ? 'agrees' : 'differs',
        verdictText: stable
          ? agrees(message('studyClaimStabilityAgrees'))
          : differs(message(oscillatesMore ? 'studyClaimNotLower' : endsLower ? 'studyClaimNotMoreOscillating' : 'studyClaimNeither')),
      });
    } else {
      claims.push({
        id: 'fig2-stability',
        figure: 'fig2',
        statement: message('studyClaimStability'),
        paper: message('studyClaimStabilityPaper'),
        paperValue: null,
        formula: message('studyClaimOscillationFormula'),
        ours: NA,
        oursValue: null,
        verdict: 'not computed',
        verdictText: notComputed('studyClaimWhyFig2Missing'),
      });
    }
  }

  if (plan.size === 'quick') for (const claim of claims) claim.verdictText = markQuick(claim.verdictText);
  return claims;
}

/** One protocol's reading of a leading claim. */
export interface ProtocolReading {
  protocol: StudyProtocol;
  /** Mean ± std over seeds of our value (NaN mean: not computed). */
  spread: Spread;
  /** The paired comparison behind the verdict (per benchmark, bound and seed). */
  paired: PairedComparison | null;
  ours: ClaimText;
  verdict: ClaimVerdict;
  verdictText: Message;
}

export interface LeadClaim {
  id: string;
  figure: StudyFigureId;
  statement: Message;
  paper: ClaimText;
  paperValue: number;
  formula: Message;
  readings: ProtocolReading[];
}

/** A reading with its texts in one language. */
export interface ProtocolReadingRow extends Omit<ProtocolReading, 'ours' | 'verdictText'> {
  ours: string;
  verdictText: string;
}

/** A leading claim with its texts in one language (the report: English). */
export interface LeadClaimRow extends Omit<LeadClaim, 'statement' | 'paper' | 'formula' | 'readings'> {
  statement: string;
  paper: string;
  formula: string;
  readings: ProtocolReadingRow[];
}

export function formatLeadClaim(claim: LeadClaim, language: LanguageId): LeadClaimRow {
  return {
    ...claim,
    statement: formatMessage(claim.statement, language),
    paper: formatClaimText(claim.paper, language),
    formula: formatMessage(claim.formula, language),
    readings: claim.readings.map((r) => ({ ...r, ours: formatClaimText(r.ours, language), verdictText: formatMessage(r.verdictText, language) })),
  };
}

/**
 * Verdict of a leading claim from the seeds' values and the paired comparison. Rule: 'agrees' when the paired
 * comparison goes the paper's way (sign test p < 0.05, stats.ts) AND our mean is within ±25 % of the paper's value
 * or within 2 std (over seeds) of it; 'differs' otherwise, saying whether the direction or the size fails.
 */
export function judgeLeadClaim(paper: number, spread: Spread, paired: PairedComparison | null, format: (v: number) => string): { verdict: ClaimVerdict; text: Message } {
  if (!paired || !Number.isFinite(spread.mean)) return { verdict: 'not computed', text: notComputed('studyClaimWhyLeadMissing') };
  const pairs = message('studyClaimPairs', { wins: paired.wins, losses: paired.losses, ties: paired.ties, pairs: paired.pairs, p: paired.pValue.toPrecision(2) });
  const close = Math.abs(spread.mean - paper) <= CLAIM_RELATIVE_TOLERANCE * Math.abs(paper) || Math.abs(spread.mean - paper) <= 2 * spread.std;
  if (paired.direction !== 'higher') {
    const way = message(paired.direction === 'lower' ? 'studyClaimOppositeWay' : 'studyClaimNoSeparation');
    return { verdict: 'differs', text: differs(message('studyClaimLeadWay', { way, pairs, ours: format(spread.mean), paper: format(paper) })) };
  }
  if (!close) {
    const size = message(Math.abs(spread.mean) < Math.abs(paper) ? 'studyClaimSmaller' : 'studyClaimLarger');
    return { verdict: 'differs', text: differs(message('studyClaimLeadSize', { pairs, size, ours: formatSpread(spread, format), paper: format(paper) })) };
  }
  return { verdict: 'agrees', text: agrees(message('studyClaimLeadAgrees', { pairs, ours: format(spread.mean), paper: format(paper) })) };
}

const pct = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)} %`;

function seedsOfPlan(plan: StudyPlan): number[] {
  return plan.seeds?.length ? plan.seeds : [1];
}

function gainReading(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol, base: MethodId, paper: number): ProtocolReading {
  const sweep = collectStudySweep(plan, results, protocol);
  const spread = summarize(gainPerSeed(sweep, base, null, seedsOfPlan(plan)));
  const diffs: number[] = [];
  for (const target of sweep.targets)
    for (const bound of sweep.bounds[target] ?? [])
      diffs.push(...pairedDifferences(findSweepCell(sweep, target, bound, 'axnet'), findSweepCell(sweep, target, bound, base), (o) => o.metrics.trueInvocation));
  const paired = diffs.length ? comparePaired(diffs) : null;
  const { verdict, text } = judgeLeadClaim(paper, spread, paired, pct);
  const ours = Number.isFinite(spread.mean)
    ? message('studyClaimLeadGainOurs', {
        spread: formatSpread(spread, pct),
        n: spread.n,
        points: paired ? message('studyClaimPoints', { value: (100 * paired.meanDifference).toFixed(1) }) : NA,
      })
    : NA;
  return { protocol, spread, paired, ours, verdict, verdictText: text };
}

/**
 * Per seed: mean over benchmarks and bounds of 1 − t_AXNet / t_iterative for the size-matched Fig. 6 pairs (the
 * protocol's training time: converge stops at the early stop). Paired: t_iterative − t_AXNet per benchmark, bound, seed.
 */
function timeReading(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol): ProtocolReading {
  const sweep = collectStudySweep(plan, results, protocol);
  const perSeed: number[] = [];
  const diffs: number[] = [];
  for (const seed of seedsOfPlan(plan)) {
    const values: number[] = [];
    for (const target of sweep.targets)
      for (const bound of sweep.bounds[target] ?? []) {
        const a = findSweepCell(sweep, target, bound, 'axnet')?.outcomes.find((o) => o.seed === seed);
        const i = findSweepCell(sweep, target, bound, 'iterative')?.outcomes.find((o) => o.seed === seed);
        if (!a || !i || !(i.trainingMs > 0)) continue;
        values.push(1 - a.trainingMs / i.trainingMs);
        // Relative, so that a tie means "within 0.5 % of iterative's time".
        diffs.push((i.trainingMs - a.trainingMs) / i.trainingMs);
      }
    if (values.length) perSeed.push(mean(values));
  }
  const spread = summarize(perSeed);
  const paired = diffs.length ? comparePaired(diffs) : null;
  const { verdict, text } = judgeLeadClaim(0.74, spread, paired, formatReduction);
  const ours = Number.isFinite(spread.mean) ? message('studyClaimLeadSeeds', { spread: formatSpread(spread, formatReduction), n: spread.n }) : NA;
  return { protocol, spread, paired, ours, verdict, verdictText: text };
}

const DIRECTION_MESSAGES: Readonly<Record<PairedComparison['direction'], MessageId>> = {
  higher: 'studyClaimHigher',
  lower: 'studyClaimLower',
  'no separation': 'studyClaimNoSeparation',
};

/** Benchmarks where AXNet is higher than both baselines by the paired comparison over all its bounds and seeds. */
function everywhereReading(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol): ProtocolReading {
  const sweep = collectStudySweep(plan, results, protocol);
  const winners: TargetId[] = [];
  const others: NonNullable<Message['values']>[] = [];
  for (const target of sweep.targets) {
    const vs = (base: MethodId) =>
      comparePaired(
        (sweep.bounds[target] ?? []).flatMap((bound) =>
          pairedDifferences(findSweepCell(sweep, target, bound, 'axnet'), findSweepCell(sweep, target, bound, base), (o) => o.metrics.trueInvocation),
        ),
      ).direction;
    const [o, i] = [vs('onepass'), vs('iterative')];
    if (o === 'higher' && i === 'higher') winners.push(target);
    else others.push({ target, onepass: message(DIRECTION_MESSAGES[o]), iterative: message(DIRECTION_MESSAGES[i]) });
  }
  const total = sweep.targets.length;
  const spread: Spread = { mean: total ? winners.length / total : Number.NaN, std: 0, n: total };
  const verdict: ClaimVerdict = total === 0 ? 'not computed' : winners.length === total ? 'agrees' : 'differs';
  const verdictText =
    verdict === 'not computed'
      ? notComputed('studyClaimWhyLeadMissing')
      : verdict === 'agrees'
        ? agrees(message('studyClaimLeadEverywhereAgrees', { total }))
        : differs(
            message('studyClaimLeadEverywhereDiffers', {
              winners: winners.length,
              total,
              others: listMessage({ last: 'studyClaimVersus', followed: 'studyClaimVersusThen' }, others) ?? '',
            }),
          );
  return { protocol, spread, paired: null, ours: total ? `${winners.length}/${total}${winners.length ? ` (${winners.join(', ')})` : ''}` : NA, verdict, verdictText };
}

/** The claims the report leads with, each read under every protocol of the plan. */
export function computeLeadClaims(plan: StudyPlan, results: StudyResults): LeadClaim[] {
  const protocols = planProtocols(plan);
  const quick = plan.size === 'quick';
  const mark = (r: ProtocolReading): ProtocolReading => (quick ? { ...r, verdictText: markQuick(r.verdictText) } : r);
  return [
    {
      id: 'gain-vs-onepass',
      figure: 'fig6',
      statement: message('studyClaimGain', { base: 'onepass', paper: '+50.7 %' }),
      paper: '+50.7 %',
      paperValue: 0.507,
      formula: message('studyClaimLeadGainOnepassFormula'),
      readings: protocols.map((p) => mark(gainReading(plan, results, p, 'onepass', 0.507))),
    },
    {
      id: 'gain-vs-iterative',
      figure: 'fig6',
      statement: message('studyClaimGain', { base: 'iterative', paper: '+30.8 %' }),
      paper: '+30.8 %',
      paperValue: 0.308,
      formula: message('studyClaimLeadGainIterativeFormula'),
      readings: protocols.map((p) => mark(gainReading(plan, results, p, 'iterative', 0.308))),
    },
    {
      id: 'time-average',
      figure: 'fig10a',
      statement: message('studyClaimTimeAverage'),
      paper: '−74 %',
      paperValue: 0.74,
      formula: message('studyClaimLeadTimeFormula'),
      readings: protocols.map((p) => mark(timeReading(plan, results, p))),
    },
    {
      id: 'highest-everywhere',
      figure: 'fig6',
      statement: message('studyClaimEverywhere'),
      paper: message('studyClaimAllN', { n: 7 }),
      paperValue: 1,
      formula: message('studyClaimLeadEverywhereFormula'),
      readings: protocols.map((p) => mark(everywhereReading(plan, results, p))),
    },
  ];
}

/** Every claim of computeStudyClaims read under one protocol: seed means at the study bounds. */
export function computeProtocolClaims(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol): StudyClaim[] {
  const view = projectStudyView(plan, results, protocol);
  // The leading table reads these over every bound and seed; here they are one bound's seed means, and say so.
  const lead = new Set(['gain-vs-onepass', 'gain-vs-iterative', 'highest-everywhere', 'time-average']);
  return computeStudyClaims(view.plan, view.results).map((c) => (lead.has(c.id) ? { ...c, statement: message('studyClaimAtStudyBound', { statement: c.statement }) } : c));
}
