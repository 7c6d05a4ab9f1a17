import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatMessage, MESSAGES, type Message } from '../messages';
import { NAS_STUDY_MESSAGES } from './studyMessages';
import { selectOnline, type NasSelectionMode } from './select';
import { describeConfig } from './space';
import {
  assembleNasStudyResults,
  buildNasStudyPlan,
  buildNasStudyTables,
  describeConfigMessage,
  describeNasStudyRun,
  describeNoPickMessage,
  formatNasResultsJson,
  formatNasStudyCell,
  renderNasStudyFigures,
  renderNasStudyReport,
} from './study';
import { buildNasStudyFixture } from './studyFixture';
import type { NasConfig } from './types';

/** The names a Chinese text keeps as written: the searches, methods, symbols and benchmark ids (the e2e checks' list, in short). */
const KEPT = /\b(SMAC|NAS|AXNet|MICRO|DATE|EI|CPU|Adam|ReLU|sigmoid|tanh|onepass|iterative|P_acc|f_perf|blackscholes|fft|inversek2j|jmeint|jpeg|kmeans|sobel)\b/g;
const englishWords = (text: string) => text.replace(KEPT, ' ').match(/[A-Za-z]{2,}/g) ?? [];
const HAN = /[\u3400-\u9fff]/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
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

/** The report of the fixture, as renderNasStudyReport wrote it before its words became messages (issue 13). */
const GOLDEN_REPORT = `# NAS study (Chen et al., DATE'20) — QUICK budget

8 of 8 runs; each run is SMAC, random search and the MICRO'12 enumeration at one budget (16 candidates each, 600 Adam steps per candidate, widths ≤ 64). The AXNet-NAS runs (AXNet, onepass, iterative: approximator + predictor) use 8 candidates per search, 600 steps, approximator widths ≤ 32, and report "safe & approximated" (sent to the approximator and within the bound) as their accuracy. Wall time 123 s. Accuracy (P_acc, eq. 5) is reported on the held-out test split; the searches saw a validation split.

**Quick budget**: fewer candidates, fewer steps and narrower nets than the paper; the numbers show the method, not the paper’s magnitudes.

## Wall time per run

| run | benchmark | searched | bound group | weights | seed | distinct candidates trained | wall time |
| --- | --- | --- | --- | --- | --- | --- | --- |
| fig3-blackscholes-g1-accuracy-s1-b16-st600-w64 | blackscholes | lone approximator (DATE’20) | 1 | accuracy | 1 | 11 | 2 s |
| fig3-blackscholes-g1-tradeoff-s1-b16-st600-w64 | blackscholes | lone approximator (DATE’20) | 1 | tradeoff | 1 | 11 | 3 s |
| fig5-jpeg-g2-tradeoff-s1-b16-st600-w64 | jpeg | lone approximator (DATE’20) | 2 | tradeoff | 1 | 11 | 5 s |
| fig5-kmeans-g2-tradeoff-s1-b16-st600-w64 | kmeans | lone approximator (DATE’20) | 2 | tradeoff | 1 | 11 | 6 s |
| fig5-inversek2j-g2-tradeoff-s1-b16-st600-w64 | inversek2j | lone approximator (DATE’20) | 2 | tradeoff | 1 | 11 | 8 s |
| axnet-kmeans-axnet-g2-tradeoff-s1-b8-st600-w32 | kmeans | AXNet (approximator + predictor) | 2 | tradeoff | 1 | 11 | 9 s |
| axnet-kmeans-onepass-g2-tradeoff-s1-b8-st600-w32 | kmeans | onepass (approximator, then classifier) | 2 | tradeoff | 1 | 11 | 11 s |
| axnet-kmeans-iterative-g2-tradeoff-s1-b8-st600-w32 | kmeans | iterative (R rounds) | 2 | tradeoff | 1 | 11 | 12 s |

## Fig. 4b: best accuracy and the fronts (blackscholes, bound group 1 = 0.01)

The paper: NAS’s best accuracy 93.7% against the enumeration’s 90.3%, and up to about 2× more energy reduction at equal accuracy.

| seed | NAS best P_acc | enumeration best P_acc | random best P_acc | HV NAS | HV enumeration | HV random |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | 96.6% | 43.6% | 73.9% | 3.549 | 2.394 | 3.402 |

Claim (reference B.9, N3): NAS’s front hypervolume ≥ the enumeration’s and its best accuracy ≥ the enumeration’s — holds in 1 of 1 seeds.

## Fig. 4a: online selection (energy reduction ≥ 2.5×, accuracy ≥ 90%), from the trade-off search’s front

| seed | quality | energy | integrated (θ = 0.5) |
| --- | --- | --- | --- |
| 1 | 1 layer: 32 relu (53.5%, 4.72×) | 2 layers: 64 relu → 16 tanh (95.1%, 1.21×) | none: No point of the Pareto front has accuracy ≥ 90.0% and energy reduction ≥ 2.5×. |

## SMAC against random search and the enumeration (Fig. 3 runs)

Regret = the best f_perf any search found in that run − this search’s best (the true optimum is unknown); HV on the test split.

| seed | weights | regret SMAC | regret random | regret enumeration | HV SMAC | HV random | HV enumeration |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | accuracy | 0.2572 | 0.0000 | 0.2318 | 3.549 | 3.402 | 2.394 |
| 1 | tradeoff | 0.2572 | 0.0000 | 0.2318 | 3.549 | 3.402 | 2.394 |

SMAC’s regret ≤ random search’s in 0 of 2 runs, ≤ the enumeration’s in 0 of 2.

## Fig. 5: speedup and energy reduction at the accuracy threshold, NAS against the enumeration

The paper (its seven benchmarks, accuracy ≥ 90%): group 1 enumeration 2.95× / 3.0×, NAS 4.29× / 5.0×; group 2 enumeration 4.13× / 4.5×, NAS 5.86× / 7.7×; overall 1.43× more speedup and 1.74× more energy reduction. Our CPU side is the lab’s instruction-count estimate (src/core/npu/cpuCost.ts), so absolute ratios differ; NAS/enumeration ratios compare.

| benchmark | group | threshold | speedup enum. | speedup NAS | ratio | energy enum. | energy NAS | ratio | note |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| jpeg | 2 | 43.6% | 8.82× | 9.09× | 1.03× | 4.10× | 4.72× | 1.15× | 90% not reached by the enumeration: compared at 43.6%, the lower best accuracy |
| kmeans | 2 | 26.2% | 8.82× | 9.09× | 1.03× | 4.10× | 4.72× | 1.15× | 90% not reached by NAS nor the enumeration: compared at 26.2%, the lower best accuracy |
| inversek2j | 2 | 34.9% | 8.82× | 9.09× | 1.03× | 4.10× | 4.72× | 1.15× | 90% not reached by NAS nor the enumeration: compared at 34.9%, the lower best accuracy |

NAS over the enumeration — geometric mean of the per-run ratios: speedup 1.03×, energy 1.15×; ratio of the means: speedup 1.03×, energy 1.15×. The paper: 1.43× and 1.74× (its 1.43× equals the ratio of its group means; its 1.74× matches no average of its printed numbers, reference B.9).

## AXNet-NAS against onepass and iterative at one budget (kmeans, bound group 2, 8 candidates per search)

No figure of the paper: issue 10 §5. Each method’s approximator and predictor topologies are searched together by SMAC, random search and the enumeration (MICRO’12 nets in ReLU with a one-layer predictor of 4–32), trained as the lab trains that method. Accuracy: the test inputs sent to the approximator and within the bound (safe & approximated); energy and speedup: the whole system’s against the CPU running everything, at the test split’s predicted invocation.

Compared at 26.2% (90% not reached by every search: compared at 26.2%, the lowest best accuracy).

| method | search | candidates | best safe & approximated | best within bound | best f_perf | HV | energy at threshold | speedup at threshold |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| AXNet (approximator + predictor) | SMAC (RF + EI) | 4 | 96.6% | 96.6% | 1.0581 | 7.097 | 12.82× | 31.58× |
| AXNet (approximator + predictor) | random search | 4 | 73.9% | 73.9% | 1.3152 | 6.804 | 9.62× | 22.22× |
| AXNet (approximator + predictor) | enumeration (MICRO’12) | 4 | 43.6% | 43.6% | 1.0835 | 4.789 | 8.20× | 17.65× |
| onepass (approximator, then classifier) | SMAC (RF + EI) | 4 | 77.3% | 96.6% | 1.0062 | 5.678 | 9.43× | 18.18× |
| onepass (approximator, then classifier) | random search | 4 | 59.1% | 73.9% | 1.3058 | 5.443 | 9.62× | 22.22× |
| onepass (approximator, then classifier) | enumeration (MICRO’12) | 4 | 34.9% | 43.6% | 1.0600 | 3.831 | 8.20× | 17.65× |
| iterative (R rounds) | SMAC (RF + EI) | 4 | 58.0% | 96.6% | 0.9544 | 4.258 | 9.43× | 18.18× |
| iterative (R rounds) | random search | 4 | 44.3% | 73.9% | 1.2963 | 4.082 | 5.85× | 12.24× |
| iterative (R rounds) | enumeration (MICRO’12) | 4 | 26.2% | 43.6% | 1.0365 | 2.873 | 8.20× | 17.65× |

AXNet-NAS (SMAC) over onepass (approximator, then classifier): energy 1.36×, speedup 1.74×; over iterative (R rounds): energy 1.36×, speedup 1.74×. The largest energy reduction at the threshold: AXNet (approximator + predictor), SMAC (RF + EI) (12.82×).

## Differences from the paper, said

- Training: Adam steps per candidate instead of 300 epochs; candidates trained in batches on the lab’s engine (tfjs), not on a Titan X.
- Hardware: the lab’s NPU model with an Eyeriss-like preset (16-bit, 1 GHz; array and buffer sizes from memory, unverified) and the lab’s CPU instruction-count estimate, not nn_dataflow + MARSSx86/McPAT.
- P_speed, P_energy: speedup and energy reduction divided by the largest over the space (normalization "max", an interpretation: the paper does not define them).
- The fronts are built from every evaluation; the picks use the energy constraint in the quality mode and E_norm = the largest energy reduction on the front (interpretations, reference B.5).
- The lab’s blackscholes and fft data differ from AxBench’s inputs: at Table 2’s bounds the lab’s nets stay far below the paper’s accuracies (see the tables), which is why the quick Fig. 5 uses jpeg, kmeans and inversek2j.
`;

describe('the NAS study in the language on screen', () => {
  const results = buildNasStudyFixture();
  const tables = buildNasStudyTables(results);

  it('keeps the English report, figures and results.json byte for byte', () => {
    expect(renderNasStudyReport(results)).toBe(GOLDEN_REPORT);
    // The SVGs and results.json of the same fixture before the change (sha-256; the report above is their text).
    expect(Object.fromEntries(Object.entries(renderNasStudyFigures(results)).map(([name, svg]) => [name, sha256(svg)]))).toEqual({
      'fig-nas-3.svg': '45edde1b86155a33d83b9a78e08b7fbfdcba9460e3b60902aabbdbf1a0ede088',
      'fig-nas-4b.svg': '4c17d92fd56828925e4a1576a7c7b1028e58b525ccf697cd293588ecf1b2b963',
      'fig-nas-5-energy.svg': '24105bb7a17dff73c23469de9007e5b2224ddca845b6d9f2b596401026217f57',
      'fig-nas-5-speedup.svg': '986c2499ff4a800c4c3a3f4ba6af784134f11ea22d31517c618147fe8115dbf8',
      'fig-nas-axnet.svg': 'cc1be53c2db3c951fa3dd6ef8ff4c57ab04eb82cb6021d9ada38b2d0abbfc495',
    });
    expect(sha256(formatNasResultsJson(results))).toBe('55c0946dff32cc1cdf9cb361af63f4787478e75bdd39fb4bc143f29ff3402a9c');
    expect(JSON.parse(formatNasResultsJson(results)).fig5[0].thresholdNote).toBe('90% not reached by the enumeration: compared at 43.6%, the lower best accuracy');
  });

  it('formats every title, sentence and header in 中文: Chinese characters and no English word', () => {
    expect(tables.map((t) => t.id)).toEqual(['walltime', 'fig4b', 'fig4a', 'seeds', 'fig5', 'axnet']);
    const sentences: Message[] = [describeNasStudyRun(results), ...tables.flatMap((t) => [t.title, ...t.intro, ...t.header, ...t.outro])];
    for (const m of sentences) {
      const zh = formatMessage(m, 'zh');
      expect(zh, m.id).toMatch(HAN);
      expect(englishWords(zh), zh).toEqual([]);
      expect(formatMessage(m, 'en'), m.id).not.toMatch(HAN);
    }
  });

  it('formats the word cells in 中文 and leaves numbers, benchmark ids and run keys as written', () => {
    let words = 0;
    for (const table of tables)
      for (const row of table.rows)
        for (const cell of row) {
          if (typeof cell === 'object' && 'code' in cell) {
            expect(table.id).toBe('walltime');
            expect(formatNasStudyCell(cell, 'zh')).toBe(formatNasStudyCell(cell, 'en'));
            continue;
          }
          const zh = formatNasStudyCell(cell, 'zh');
          expect(englishWords(zh), `${table.id}: ${zh}`).toEqual([]);
          if (typeof cell === 'string') expect(zh).toBe(cell);
          else {
            words++;
            expect(zh, cell.id).toMatch(HAN);
          }
        }
    // Methods, weights, seconds, Fig. 4a's picks and its mode without one, the Fig. 5 notes, AXNet-NAS's methods and searches.
    expect(words).toBe(8 * 3 + 2 + 3 + 3 + 9 * 2);
    const fig4a = tables.find((t) => t.id === 'fig4a');
    expect(fig4a?.rows[0].slice(1).map((cell) => formatNasStudyCell(cell, 'zh'))).toEqual([
      '1 层：32 个 ReLU（准确率 53.5%，能耗降低 4.72×）',
      '2 层：64 个 ReLU → 16 个 tanh（准确率 95.1%，能耗降低 1.21×）',
      '无：帕累托前沿上没有满足准确率 ≥ 90.0% 且 能耗降低 ≥ 2.5×的点。',
    ]);
  });

  it('draws the figures in 中文 (titles, axes, legends, categories, the quick watermark)', () => {
    const zh = renderNasStudyFigures(results, 'zh');
    expect(Object.keys(zh)).toEqual(Object.keys(renderNasStudyFigures(results)));
    for (const [name, svg] of Object.entries(zh)) {
      const text = svgText(svg);
      expect(text, name).toContain('快速预算');
      expect(englishWords(text), name).toEqual([]);
    }
  });

  it('says a search with no baseline and no candidate at the threshold in both languages', () => {
    const plan = buildNasStudyPlan({ quick: true });
    const unit = plan.units.find((u) => u.role === 'axnet' && u.config.method === 'axnet');
    const lone = assembleNasStudyResults(plan, { [unit?.key ?? '']: { key: unit?.key ?? '', records: [], wallMs: 0, backend: 'test' } }, 0);
    const axnet = buildNasStudyTables(lone).find((t) => t.id === 'axnet');
    expect(axnet?.outro.map((m) => formatMessage(m, 'en'))).toEqual(['AXNet-NAS (SMAC) has no baseline in this run. The largest energy reduction at the threshold: none.']);
    for (const m of [...(axnet?.intro ?? []), ...(axnet?.outro ?? [])]) expect(englishWords(formatMessage(m, 'zh'))).toEqual([]);
  });

  it('writes a topology and a mode without a pick as space.ts and select.ts do, in English', () => {
    const configs: NasConfig[] = [
      { layers: [] },
      { layers: [{ width: 8, activation: 'sigmoid' }] },
      {
        layers: [
          { width: 64, activation: 'relu' },
          { width: 16, activation: 'tanh' },
        ],
      },
      {
        layers: [
          { width: 3, activation: 'tanh' },
          { width: 5, activation: 'relu' },
          { width: 7, activation: 'sigmoid' },
        ],
      },
      { layers: [{ width: 32, activation: 'relu' }], predictor: [8, 4] },
    ];
    for (const config of configs) expect(formatMessage(describeConfigMessage(config), 'en')).toBe(describeConfig(config));
    const far = [{ accuracy: 0.1, energyReduction: 0.5, speedup: 0.1 }];
    for (const mode of ['quality', 'energy', 'integrated'] as NasSelectionMode[])
      for (const cSpeed of [undefined, 1.5, 2.345])
        for (const front of [[], far]) {
          const constraints = { cAcc: 0.9, cEnergy: 2.5, cSpeed, theta: 0.5 };
          const selection = selectOnline(front, { mode, ...constraints });
          expect(selection.pick).toBeNull();
          expect(formatMessage(describeNoPickMessage(mode, front.length, constraints), 'en')).toBe(selection.reason);
        }
  });

  it('lives in the one registry of core’s messages', () => {
    for (const [id, templates] of Object.entries(NAS_STUDY_MESSAGES)) expect(MESSAGES[id as keyof typeof MESSAGES]).toBe(templates);
  });
});
