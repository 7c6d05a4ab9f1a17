import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../messages';
import { computeLeadClaims, computeProtocolClaims, computeStudyClaims, formatLeadClaim, formatStudyClaim } from './claims';
import { STUDY_CLAIM_MESSAGES } from './claimMessages';
import { buildStudyPlan, QUICK_BUDGET_NOTE, type StudyPlan } from './plan';
import { planProtocols, projectStudyView } from './protocolView';
import { renderClaimsTable, renderLeadClaimsTable, renderStudyReport } from './report';
import type { JobResult, StudyResults } from './results';
import { STUDY_PROTOCOLS } from './protocols';
import { makeFakeResult, type FakeNumbers } from './testing';

/** Results for every job of `plan`: AXNet 0.6, iterative 0.5, onepass 0.4 true invocation unless overridden. */
function fakeResults(plan: StudyPlan, override: (id: string, seed: number) => FakeNumbers | undefined = () => undefined): Record<string, JobResult> {
  const base: Record<string, FakeNumbers> = {
    axnet: { trueInvocation: 0.6, overallError: 0.01, params: 100, trainingMs: 1000 },
    iterative: { trueInvocation: 0.5, overallError: 0.012, params: 100, trainingMs: 10000 },
    onepass: { trueInvocation: 0.4, overallError: 0.02, params: 100, trainingMs: 2000 },
    weightsharing: { history: [0.1, 0.5, 0.1, 0.5, 0.1, 0.5, 0.1, 0.2] },
  };
  const results: Record<string, JobResult> = {};
  for (const job of plan.jobs) results[job.id] = makeFakeResult(job, { ...base[job.method], ...override(job.id, job.seed) });
  return results;
}

/** Results that take the other branches: AXNet loses somewhere, a baseline at 0, seed noise, a slow AXNet, no Fig. 2 oscillation. */
function mixedResults(plan: StudyPlan): Record<string, JobResult> {
  const results = fakeResults(plan, (id, seed) => {
    if (id.includes('/kmeans/') && id.endsWith('/axnet')) return { trueInvocation: 0.3, predictedInvocation: 0.9, trainingMs: 20000 };
    if (id.includes('/fft/') && id.endsWith('/onepass')) return { trueInvocation: 0 };
    if (id.includes('/sobel/') && id.endsWith('/axnet')) return { trueInvocation: 0.4 + [0.1, -0.1, 0][(seed - 1) % 3], overallError: 0.05 };
    if (id.includes('/jpeg/') && id.endsWith('/iterative')) return { trueInvocation: 0.9, predictionAccuracy: 0.95 };
    if (id.startsWith('fig2/') && id.includes('weightsharing')) return { history: [0.7, 0.7, 0.7, 0.7] };
    if (id.startsWith('fig10c/') && id.endsWith('/first')) return { trueInvocation: 0.2 };
    return undefined;
  });
  // A few missing results.
  for (const id of Object.keys(results)
    .filter((k) => k.startsWith('fig9/jpeg/iterative'))
    .slice(0, 1))
    delete results[id];
  return results;
}

/** AXNet below both baselines everywhere (the opposite way), and the fft onepass results missing. */
function losingResults(plan: StudyPlan): Record<string, JobResult> {
  const results = fakeResults(plan, (id) => (id.includes('axnet') ? { trueInvocation: 0.2, trainingMs: 500 } : undefined));
  for (const job of plan.jobs) if (job.target === 'fft' && job.method === 'onepass') delete results[job.id];
  return results;
}

function report(plan: StudyPlan, results: StudyResults): string {
  return renderStudyReport({
    version: 1,
    size: plan.size,
    budgetStatement: plan.budgetStatement,
    finishedAt: '2026-01-01T00:00:00.000Z',
    wallMs: 61_000,
    environment: 'test',
    plan,
    results,
  });
}

/** The English texts of every claim, table and report, as they were before the claims became Messages (issue 13). */
function englishTexts(): string {
  const out: string[] = [];
  const quick = buildStudyPlan('quick', { seeds: 3 });
  const full = buildStudyPlan('full', { seeds: 3 });
  for (const [name, plan, results] of [
    ['quick agreeing', quick, fakeResults(quick)],
    ['quick mixed', quick, mixedResults(quick)],
    ['quick losing', quick, losingResults(quick)],
    ['quick empty', quick, {}],
    ['full mixed', full, mixedResults(full)],
    ['full losing', full, losingResults(full)],
  ] as const) {
    out.push(`## ${name}: leading claims`, renderLeadClaimsTable(computeLeadClaims(plan, results), planProtocols(plan)));
    out.push(`## ${name}: converge`, renderClaimsTable(computeProtocolClaims(plan, results, 'converge')));
    const one = projectStudyView(plan, results, 'perPhase');
    out.push(`## ${name}: one run`, renderClaimsTable(computeStudyClaims(one.plan, one.results)));
  }
  out.push('## quick mixed: report', report(quick, mixedResults(quick)));
  return `${out.join('\n\n')}\n`;
}

describe('the study claims in English (report, CLI)', () => {
  it('are byte-identical to the English texts before the claims became Messages', async () => {
    await expect(englishTexts()).toMatchFileSnapshot('./fixtures/claims-en.report.md');
  });
});

/** The words of a Chinese text that are not allowed to stay English once the ids, references and math are taken out. */
function englishWords(text: string): string[] {
  const kept = text
    .replace(/\bfig\w*(?:\/[\w.-]+)+/g, ' ') // job ids: fig10a/bessel_Jnu/axnet-small
    .replace(/\b\w+_\w+\b/g, ' ') // benchmark ids and the math's subscripts: bessel_Jnu, TI_AXNet, trainingMs_iterative
    .replace(/\b(?:AXNet|onepass|iterative|bessel|blackscholes|fft|FFT|inversek2j|jpeg|kmeans|sobel|Fig|TI|n\/a|max|min)\b/g, ' ');
  return kept.match(/[A-Za-z]{2,}/g) ?? [];
}

const CJK = /[\u3400-\u9fff]/;

describe('the study claims in Chinese (the Paper view)', () => {
  const quick = buildStudyPlan('quick', { seeds: 3 });
  const full = buildStudyPlan('full', { seeds: 3 });
  const cases = [
    ['quick agreeing', quick, fakeResults(quick)],
    ['quick mixed', quick, mixedResults(quick)],
    ['quick losing', quick, losingResults(quick)],
    ['quick empty', quick, {}],
    ['full agreeing', full, fakeResults(full)],
    ['full mixed', full, mixedResults(full)],
    ['full losing', full, losingResults(full)],
    ['full empty', full, {}],
  ] as const;

  it('finds English words the allowed ids leave (the check itself)', () => {
    expect(englishWords('not on kmeans, fft')).toEqual(['not', 'on']);
    expect(englishWords('AXNet 在 jpeg 上 TI_AXNet / TI_iterative（fig10a/bessel_Jnu/axnet-small 对比 Fig. 10a）')).toEqual([]);
  });

  it('formats every part of every claim in Chinese: Chinese words, no English sentence words', () => {
    let parts = 0;
    for (const [name, plan, results] of cases) {
      const one = projectStudyView(plan, results, 'perPhase');
      const claims = [...STUDY_PROTOCOLS.flatMap((p) => computeProtocolClaims(plan, results, p)), ...computeStudyClaims(one.plan, one.results)];
      for (const claim of claims) {
        const zh = formatStudyClaim(claim, 'zh');
        for (const field of ['statement', 'paper', 'formula', 'ours', 'verdictText'] as const) {
          const where = `${name} ${claim.id}.${field}: ${zh[field]}`;
          expect(englishWords(zh[field]), where).toEqual([]);
          // Words are Messages (Chinese); only numbers, ids and math stay strings.
          if (typeof claim[field] !== 'string') expect(zh[field], where).toMatch(CJK);
          parts++;
        }
        expect(zh.statement).toMatch(CJK);
        expect(zh.verdictText).toMatch(CJK);
        // The control: the same parts in English do hold English words, so a part left a plain English string fails above.
        const en = formatStudyClaim(claim, 'en');
        expect(englishWords(en.statement).length + englishWords(en.verdictText).length).toBeGreaterThan(1);
      }
      for (const claim of computeLeadClaims(plan, results)) {
        const zh = formatLeadClaim(claim, 'zh');
        for (const text of [zh.statement, zh.paper, zh.formula, ...zh.readings.flatMap((r) => [r.ours, r.verdictText])]) {
          expect(englishWords(text), `${name} lead ${claim.id}: ${text}`).toEqual([]);
          parts++;
        }
        expect(zh.statement).toMatch(CJK);
        for (const r of zh.readings) expect(r.verdictText).toMatch(CJK);
      }
    }
    expect(parts).toBeGreaterThan(1000);
  });

  it('is part of the one registry, and a quick verdict opens with plan.ts QUICK_BUDGET_NOTE', () => {
    for (const [id, templates] of Object.entries(STUDY_CLAIM_MESSAGES)) expect(MESSAGES[id as keyof typeof MESSAGES], id).toBe(templates);
    expect(STUDY_CLAIM_MESSAGES.studyClaimQuick.en).toBe(`${QUICK_BUDGET_NOTE}: {verdict}`);
  });
});
