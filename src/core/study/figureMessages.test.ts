import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatMessage, MESSAGES, message } from '../messages';
import { STUDY_FIGURE_MESSAGES } from './figureMessages';
import { buildStudyFigures, quickCaption, STUDY_PROTOCOL_MESSAGES, studyFigureWatermark } from './figures';
import { buildStudyPlan, QUICK_BUDGET_NOTE, type StudyPlan } from './plan';
import { planProtocols } from './protocolView';
import { STUDY_PROTOCOL_SPECS, STUDY_PROTOCOLS } from './protocols';
import { renderStudyReport } from './report';
import type { JobResult } from './results';
import { renderChart } from './svg';
import { type FakeNumbers, makeFakeResult } from './testing';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The names a Chinese figure keeps as written: methods, benchmark ids, the paper's names and symbols. */
const KEPT = /\b(AXNet|onepass|iterative|Fig|Bessel|bessel_Jnu|blackscholes|fft|inversek2j|jmeint|jpeg|kmeans|sobel)\b/g;
const englishWords = (text: string) =>
  text
    .replace(/§[IVX]+(-[A-Z])?|\d+RN\b/g, ' ')
    .replace(KEPT, ' ')
    .match(/[A-Za-z]{2,}/g) ?? [];
const HAN = /[\u3400-\u9fff]/;
/** An SVG's visible and accessible text (titles, labels, legends, the watermark), entities decoded. */
const svgText = (svg: string) =>
  [...svg.matchAll(/(?:aria-label="([^"]*)")|>([^<>]+)</g)]
    .map((m) => m[1] ?? m[2])
    .join(' ')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** A deterministic jitter in [−0.05, 0.05] from a job id (so that seeds differ and the sweeps separate or not). */
function jitter(id: string): number {
  let h = 7;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 1000;
  return (h / 1000 - 0.5) / 10;
}

/** Every job of `plan` but the first two (missing jobs), AXNet above both baselines except on jpeg. */
function fixtureResults(plan: StudyPlan): Record<string, JobResult> {
  const base: Record<string, FakeNumbers> = {
    axnet: { trueInvocation: 0.6, overallError: 0.01, params: 100, trainingMs: 1000 },
    iterative: { trueInvocation: 0.5, overallError: 0.012, params: 120, trainingMs: 10000 },
    onepass: { trueInvocation: 0.4, overallError: 0.02, params: 110, trainingMs: 2000 },
    weightsharing: { history: [0.1, 0.5, 0.1, 0.5, 0.1, 0.5, 0.1, 0.2] },
  };
  const results: Record<string, JobResult> = {};
  for (const job of plan.jobs.slice(2)) {
    const numbers = { ...base[job.method] };
    if (numbers.trueInvocation !== undefined) {
      const low = job.target === 'jpeg' && job.method === 'axnet' ? -0.3 : 0;
      numbers.trueInvocation = numbers.trueInvocation + low + jitter(job.id);
      numbers.predictedInvocation = numbers.trueInvocation + jitter(`${job.id}/p`);
    }
    results[job.id] = makeFakeResult(job, numbers);
  }
  return results;
}

/** The English outputs of `axlab reproduce` for a plan: report.md and every SVG (sha-256), per protocol. */
function englishOutputs(size: 'quick' | 'full', withResults: boolean) {
  const plan = buildStudyPlan(size);
  const results = withResults ? fixtureResults(plan) : {};
  const report = renderStudyReport({ version: 1, size, budgetStatement: plan.budgetStatement, finishedAt: '', wallMs: 12_300, environment: 'test', plan, results });
  const svgs: string[] = [];
  for (const protocol of planProtocols(plan))
    for (const figure of buildStudyFigures(plan, results, protocol)) svgs.push(`${protocol}/${figure.id} ${sha256(renderChart(figure.chart, { quick: figure.quick }))}`);
  return { report: sha256(report), svgs };
}

/** The fixtures' report.md and SVGs (sha-256) as `axlab reproduce` wrote them before the figures' words became messages. */
const GOLDEN = {
  quick: {
    report: '02bb61f17c3d1fb1fa8306ecc99ab91585804dde3c9e2281bce223046a9c8ac8',
    svgs: [
      'perPhase/fig2 ddd57270148b31e3eb37cd864ee02f4b6c39337d3fff2fc5890c3efb81d6bd7a',
      'perPhase/fig6 b1ed001673e211d04416d4eb28177d8a9bb20af3eb0d87f4fa2c74c2f4899fbb',
      'perPhase/fig7 670570c72b63bbbf3329f9895cbde63250e974b67b3aaecc2d85e623d8bb4534',
      'perPhase/fig8 59fb15e9932b8ddd7ae3dc6b290e6e189ba23494953eac96561c03470d1dca3a',
      'perPhase/fig9 7ae90a2fadafedcdff828d6c2b63a1c80846a17b300e42b2ed85c6d05d466997',
      'perPhase/fig10a b8017f5d93c0773d5011ac9dcf69c52b797b4e301f826d8e5f0d50ebeeb413b6',
      'perPhase/fig10c 4aeba6ef7d4ec868c54daa041f892b5bcb3d35037cd6f72f3fc5474bda82c228',
      'equalSteps/fig2 ed5f8f92945f2536d4c94e0bc3e3f377578078a85554dd0644efc4d98b8d996e',
      'equalSteps/fig6 c654584684b263a72b24f34bd3d18ce48b06b0aee656fd5649dd07ca5f2049e8',
      'equalSteps/fig7 4ebca3a45cc55ae627f5dc44d6af1c52a8ec7e99c83f3bf58219034ca2fa8362',
      'equalSteps/fig8 59fb15e9932b8ddd7ae3dc6b290e6e189ba23494953eac96561c03470d1dca3a',
      'equalSteps/fig9 6183c5a00d867b031a50eb062bcc97c5c3e09807e546999d63faa0135de71dc7',
      'equalSteps/fig10a b8017f5d93c0773d5011ac9dcf69c52b797b4e301f826d8e5f0d50ebeeb413b6',
      'equalSteps/fig10c a9c2109e70ec311110565bc74055b5f6ed1fbcd518ca6da28ae82746457590b9',
      'converge/fig2 ed5f8f92945f2536d4c94e0bc3e3f377578078a85554dd0644efc4d98b8d996e',
      'converge/fig6 b6a53345af37b3b8cde6c9bcb89151be9e25d5ac9ed24c28b3d6ef230ab59f71',
      'converge/fig7 4f575b6ddb5f100f2ba9f012931503d02f772761f57db124ad7b7cee0ee9c732',
      'converge/fig8 59fb15e9932b8ddd7ae3dc6b290e6e189ba23494953eac96561c03470d1dca3a',
      'converge/fig9 6183c5a00d867b031a50eb062bcc97c5c3e09807e546999d63faa0135de71dc7',
      'converge/fig10a b8017f5d93c0773d5011ac9dcf69c52b797b4e301f826d8e5f0d50ebeeb413b6',
      'converge/fig10c a9c2109e70ec311110565bc74055b5f6ed1fbcd518ca6da28ae82746457590b9',
    ],
  },
  full: {
    report: '1a3b6b76c33cb5bac08328302be8346cc0a52d3ed25671664eaf5bab65f5fea7',
    svgs: [
      'perPhase/fig2 064377e8986d2bda60e946f09f419cc0bb0e13080af02af9751bd10b09679955',
      'perPhase/fig6 e79e5450a7d121b0c3000fd3596ed64ffb35423876dbfab314261ff34ebefcee',
      'perPhase/fig7 e4cdd2e7c467b1f98721646e90492dbeda9af9daf4541f5878641cbc1796f520',
      'perPhase/fig8 b69f5939f6d3dac70f7ce3b117dea7105a159913075b234256c43222189a364a',
      'perPhase/fig9 624a8f0e39fbc59ae96cf48dc1daf2129cf0bd6a418ec60dd67bd90fb3c0000f',
      'perPhase/fig10a 574cd96e5da86c76c9c1d05abbfb0349a2afd78973399674bfb4304ea9973082',
      'perPhase/fig10c 00d253a0b521ca78b5d4eea4b2dfd1ebb852720728df7137355284132fbbe817',
      'equalSteps/fig2 655cc000fc0ccc172ce7b6a47de1e12088642e1202c4cfd940dff54039cdb1cd',
      'equalSteps/fig6 76ceaa1b73afb8d57ba53ecf49fb977341486645a21b4ce31985e02d9e96e30b',
      'equalSteps/fig7 b6f7d61a970e818a842d37158693a84e2eca187a8beb63acd1e859d8244c1aaf',
      'equalSteps/fig8 b69f5939f6d3dac70f7ce3b117dea7105a159913075b234256c43222189a364a',
      'equalSteps/fig9 a560d5d40795a70f6b28d08276350641e14a94d24ca2a5ea35c8046a364d2804',
      'equalSteps/fig10a 574cd96e5da86c76c9c1d05abbfb0349a2afd78973399674bfb4304ea9973082',
      'equalSteps/fig10c edcdd7d34349fc50e8eec6ab5ad73042881b48e7d39fc75724f84a50dddca6f9',
      'converge/fig2 655cc000fc0ccc172ce7b6a47de1e12088642e1202c4cfd940dff54039cdb1cd',
      'converge/fig6 6cb1f3e7da18533314f1f575149eaa96e21066687f862c352d82fe20e217111c',
      'converge/fig7 5d54390d9daa26df64e8e98ab3f89b121f935bb4161f34179b58a589154c60b3',
      'converge/fig8 b69f5939f6d3dac70f7ce3b117dea7105a159913075b234256c43222189a364a',
      'converge/fig9 a560d5d40795a70f6b28d08276350641e14a94d24ca2a5ea35c8046a364d2804',
      'converge/fig10a 574cd96e5da86c76c9c1d05abbfb0349a2afd78973399674bfb4304ea9973082',
      'converge/fig10c edcdd7d34349fc50e8eec6ab5ad73042881b48e7d39fc75724f84a50dddca6f9',
    ],
  },
  empty: {
    report: '0c6f7add2b72b0e957d6f2f02abde3a04c2484ea20583783e1587be0370e8f04',
    svgs: [
      'perPhase/fig2 6146d80236bde1f952bcaffb2347ab4d020e9ab5cb7865336df25f51449d6752',
      'perPhase/fig6 a9d909c4c428732779d98dd649291829d12966c8ab6ca7f79bfa570273f80b3d',
      'perPhase/fig7 5fde8ef8dcf74c9f7f21dbfe045a547bf2583b2af20ad2395c696e43f2b621c1',
      'perPhase/fig8 8bd9c06f98e93b8b75276560172348eb3dffa972604f3368ac3a0442cd91ddf4',
      'perPhase/fig9 9e7476a9037fb5bc6ba7a7165c8ec452e0babc0b8a55d58d5bc52831663f3f9b',
      'perPhase/fig10a dc1f91697caf4ea0d1d7e8f72b80a83cbfa415ba82e19c9f4782c5bd81883a6c',
      'perPhase/fig10c 5ec2b640174725b6efc34a877b18f4ff610ac14a02190e9cdb482793a46a0cc3',
      'equalSteps/fig2 6146d80236bde1f952bcaffb2347ab4d020e9ab5cb7865336df25f51449d6752',
      'equalSteps/fig6 3080e54ee21bd95bfc7c4346963e19ef5ba74a8669f568d7b835346356432055',
      'equalSteps/fig7 d2e2d170d4599bb3f7cf340048497c2f946f899c595081df58da3669ede40303',
      'equalSteps/fig8 8bd9c06f98e93b8b75276560172348eb3dffa972604f3368ac3a0442cd91ddf4',
      'equalSteps/fig9 9e7476a9037fb5bc6ba7a7165c8ec452e0babc0b8a55d58d5bc52831663f3f9b',
      'equalSteps/fig10a dc1f91697caf4ea0d1d7e8f72b80a83cbfa415ba82e19c9f4782c5bd81883a6c',
      'equalSteps/fig10c 5ec2b640174725b6efc34a877b18f4ff610ac14a02190e9cdb482793a46a0cc3',
      'converge/fig2 6146d80236bde1f952bcaffb2347ab4d020e9ab5cb7865336df25f51449d6752',
      'converge/fig6 1e3a0f714559e57c0a628fe7767eadda41b72fb7d55b335afef45f34aeb525c0',
      'converge/fig7 2cd3a4dd9d14e9da019dd6e115b91f3703ee543f6550d591885558d19c707ae0',
      'converge/fig8 8bd9c06f98e93b8b75276560172348eb3dffa972604f3368ac3a0442cd91ddf4',
      'converge/fig9 9e7476a9037fb5bc6ba7a7165c8ec452e0babc0b8a55d58d5bc52831663f3f9b',
      'converge/fig10a dc1f91697caf4ea0d1d7e8f72b80a83cbfa415ba82e19c9f4782c5bd81883a6c',
      'converge/fig10c 5ec2b640174725b6efc34a877b18f4ff610ac14a02190e9cdb482793a46a0cc3',
    ],
  },
};

describe('the §V figures in the language on screen', () => {
  it('keeps the English report and SVGs byte for byte', () => {
    expect({ quick: englishOutputs('quick', true), full: englishOutputs('full', true), empty: englishOutputs('quick', false) }).toEqual(GOLDEN);
  });

  it('keeps the English protocol words and quick note as protocols.ts and plan.ts write them', () => {
    for (const protocol of STUDY_PROTOCOLS) {
      expect(formatMessage(message(STUDY_PROTOCOL_MESSAGES[protocol].label), 'en')).toBe(STUDY_PROTOCOL_SPECS[protocol].label);
      expect(formatMessage(message(STUDY_PROTOCOL_MESSAGES[protocol].rule), 'en')).toBe(STUDY_PROTOCOL_SPECS[protocol].rule);
      expect(formatMessage(message(STUDY_PROTOCOL_MESSAGES[protocol].tag), 'en')).toBe(protocol);
    }
    expect(studyFigureWatermark('en')).toBe(QUICK_BUDGET_NOTE);
    expect(quickCaption({ size: 'quick' })).toBe(` ${QUICK_BUDGET_NOTE}.`);
  });

  it('writes every figure in 中文: titles, captions, axes, legends, categories, tables and the watermark', () => {
    let figures = 0;
    for (const [size, withResults] of [
      ['quick', true],
      ['full', true],
      ['quick', false],
    ] as const) {
      const plan = buildStudyPlan(size);
      const results = withResults ? fixtureResults(plan) : {};
      for (const protocol of planProtocols(plan))
        for (const figure of buildStudyFigures(plan, results, protocol, 'zh')) {
          figures++;
          const where = `${size}/${protocol}/${figure.id}`;
          for (const text of [figure.title, figure.caption, ...figure.table.header]) {
            expect(text, where).toMatch(HAN);
            expect(englishWords(text), `${where}: ${text}`).toEqual([]);
          }
          const runColumn = figure.id === 'fig10a' ? 1 : -1;
          for (const row of figure.table.rows)
            row.forEach((cell, c) => {
              if (c !== runColumn) expect(englishWords(cell), `${where}: ${cell}`).toEqual([]);
            });
          const svg = renderChart(figure.chart, { quick: figure.quick, watermark: studyFigureWatermark('zh') });
          const text = svgText(svg);
          expect(text, where).toMatch(HAN);
          expect(englishWords(text), `${where}: ${text}`).toEqual([]);
          if (figure.quick) expect(text, where).toContain('快速预算');
        }
    }
    expect(figures).toBe(3 * 3 * 7);
    // The word cells are translated, not kept: Fig. 10a's basis, Fig. 10c's fusions, the sweeps' separations.
    const plan = buildStudyPlan('quick');
    const zh = buildStudyFigures(plan, fixtureResults(plan), 'perPhase', 'zh');
    const cells = zh.flatMap((f) => f.table.rows.flat());
    expect(cells).toContain('按调用率匹配');
    expect(cells).toContain('第一层');
    expect(cells.some((c) => c.includes('AXNet 更高'))).toBe(true);
    expect(zh.find((f) => f.id === 'fig2')?.table.rows.map((r) => r[0])).toContain('权重共享');
  });

  it('lives in the one registry of core’s messages', () => {
    for (const [id, templates] of Object.entries(STUDY_FIGURE_MESSAGES)) expect(MESSAGES[id as keyof typeof MESSAGES]).toBe(templates);
  });
});
