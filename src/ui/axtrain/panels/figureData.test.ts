import { describe, expect, it } from 'vitest';
import { drumStats } from '../../../core/approx/drum';
import { priceDrumMultiply } from '../../../core/approx/energy';
import { findResult, readTrainingSetting, type HardwareSetting } from '../../../core/axtrain/report';
import { formatMessage, type Message } from '../../../core/messages';
import golden from './fixtures/claimTexts.en.json';
import { loadAxtrainFixture } from './fixtures/loadFixture';
import {
  TRAINING_CURVES,
  buildClaimViews,
  buildEpochSeries,
  buildLandscapeSeries,
  buildModeSelectionRows,
  buildMultiplierSweep,
  buildNtvBars,
  buildSensitivityMaps,
  compareModeSavings,
  computeDrumStatsTable,
  computeErrorBar,
  explainDrumProduct,
  findLogDomain,
  layoutGroupedBars,
  layoutMatrixMap,
  moveMatrixCursor,
  parseDrumOperand,
  summarizeLandscape,
  tidyFormula,
  toLog10Table,
} from './figureData';

const { config, snapshots } = loadAxtrainFixture();
const byMethod = Object.fromEntries(snapshots.map((s) => [s.method, s]));
const english = (text: string | Message) => (typeof text === 'string' ? text : formatMessage(text, 'en'));

describe('the fixture', () => {
  it('is a real, finished breast-cancer run of every method with 10 NTV masks', () => {
    expect(config.dataset).toBe('breastcancer');
    expect(snapshots.map((s) => s.method)).toEqual(['bp', 'act', 'pas', 'actpas']);
    for (const s of snapshots) {
      expect(s.hardware).not.toBeNull();
      expect(s.sensitivityMap?.values).toBeInstanceOf(Float32Array);
      expect(s.step).toBe(s.totalSteps);
    }
    expect(byMethod.actpas.points).toHaveLength(config.epochs + config.pasEpochs);
  });
});

describe('training curves', () => {
  it('one column per epoch of any method; a method without a point there gets null; γ only for act and actpas', () => {
    const accuracy = buildEpochSeries(snapshots, TRAINING_CURVES[0].read);
    expect(accuracy.methods).toEqual(['bp', 'act', 'pas', 'actpas']);
    expect(accuracy.table.x).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const bp = accuracy.table.ys[0];
    expect(bp[9]).toBe(byMethod.bp.points[9].testAccuracy);
    expect(bp[10]).toBeNull(); // bp trains 10 epochs, actpas 20
    expect(accuracy.table.ys[3][19]).toBe(byMethod.actpas.points[19].testAccuracy);
    const loss = toLog10Table(buildEpochSeries(snapshots, TRAINING_CURVES[1].read).table);
    expect(loss.ys[0][0]).toBeCloseTo(Math.log10(byMethod.bp.points[0].trainError), 12);
    expect(loss.ys[0][10]).toBeNull();
    expect(toLog10Table({ x: [1, 2], ys: [[0, -1]] }).ys).toEqual([[null, null]]);
    const gamma = buildEpochSeries(snapshots, TRAINING_CURVES.find((c) => c.id === 'gamma')!.read);
    expect(gamma.methods).toEqual(['act', 'actpas']);
    expect(gamma.table.ys[0][0]).toBe(0); // γ0 = 0
  });
});

describe('Fig. 1 landscape', () => {
  it('one α axis for every method; at α = 0 the curve is the trained net’s test loss', () => {
    const series = buildLandscapeSeries(snapshots)!;
    expect(series.table.x).toEqual(byMethod.bp.landscape!.alphas);
    const zero = series.table.x.indexOf(0);
    expect(zero).toBeGreaterThan(0);
    snapshots.forEach((s, m) => {
      // E(w + 0·d) = E(w): the exact-hardware test loss of the report.
      expect(series.table.ys[m][zero]).toBeCloseTo(findResult(s.hardware!, { kind: 'exact' })!.loss.mean, 4);
    });
    const bp = summarizeLandscape('bp', byMethod.bp.landscape!);
    const { alphas, losses } = byMethod.bp.landscape!;
    expect(bp.argminAlpha).toBe(alphas[losses.indexOf(Math.min(...losses))]);
    // After 10 epochs bp is not yet at the bottom along d: its line keeps falling a little on the −α side.
    expect(bp.argminAlpha).toBeLessThan(0);
    expect(bp.lossAtZero).toBe(losses[alphas.indexOf(0)]);
    expect(bp.edgeRise).toBeGreaterThan(0);
    expect(bp.relativeEdgeRise).toBeCloseTo(bp.edgeRise / bp.lossAtZero, 12);
    expect(buildLandscapeSeries(snapshots.map((s) => ({ ...s, landscape: null })))).toBeNull();
  });
});

describe('Fig. 4 sensitivity maps', () => {
  it('one shared scale whose top is BP’s maximum; every map divided by it, transposed to outputs × hidden units', () => {
    const view = buildSensitivityMaps(snapshots)!;
    const bpValues = byMethod.bp.sensitivityMap!.values;
    const bpMax = Math.max(...bpValues);
    expect(view.referenceMethod).toBe('bp');
    expect(view.referenceMax).toBe(bpMax);
    expect(view.scale).toMatchObject({ kind: 'linear', min: 0, max: 1 });
    const bp = view.maps[0];
    expect([bp.rows, bp.cols]).toEqual([2, 64]);
    expect(bp.maxRelative).toBeCloseTo(1, 6);
    // s_ij of kernel entry (i = 5, j = 1) sits at row 1, column 5 of the drawn map.
    expect(bp.raw[1 * 64 + 5]).toBe(bpValues[5 * 2 + 1]);
    const pas = view.maps.find((m) => m.method === 'pas')!;
    expect(pas.relative[7]).toBeCloseTo(pas.raw[7] / bpMax, 6);
    // pas's largest weight sensitivity exceeds BP's here: the BP-topped scale says it clips.
    expect(pas.maxRelative).toBeGreaterThan(1);
    expect(view.scale.clipped).toBe(true);
  });

  it('the "largest map" scale ends at the largest relative value and marks BP’s max at 1', () => {
    const view = buildSensitivityMaps(snapshots, 'all')!;
    expect(view.scale.max).toBeCloseTo(Math.max(...view.maps.map((m) => m.maxRelative)), 9);
    expect(view.scale.clipped).toBe(false);
    expect(view.scale.mark?.value).toBe(1);
  });

  it('without a BP run, the first map is the reference', () => {
    const view = buildSensitivityMaps(snapshots.filter((s) => s.method !== 'bp'))!;
    expect(view.referenceMethod).toBe('act');
    expect(view.maps[0].maxRelative).toBeCloseTo(1, 6);
  });

  it('maps are at least 120 px in each dimension, 2 rows drawn as tall bands', () => {
    const layout = layoutMatrixMap(2, 64, 640);
    expect(layout).toEqual({ cellWidth: 10, cellHeight: 60, width: 640, height: 120 });
    const narrow = layoutMatrixMap(10, 128, 200);
    expect(narrow.width).toBeGreaterThanOrEqual(120);
    expect(narrow.height).toBeGreaterThanOrEqual(120);
  });

  it('keyboard cursor: arrows move and clamp, Home/End and PageUp/PageDown jump, other keys do nothing', () => {
    expect(moveMatrixCursor(null, 'ArrowRight', 2, 64)).toEqual({ row: 0, col: 0 });
    expect(moveMatrixCursor({ row: 0, col: 0 }, 'ArrowLeft', 2, 64)).toEqual({ row: 0, col: 0 });
    expect(moveMatrixCursor({ row: 0, col: 3 }, 'ArrowDown', 2, 64)).toEqual({ row: 1, col: 3 });
    expect(moveMatrixCursor({ row: 1, col: 3 }, 'ArrowDown', 2, 64)).toEqual({ row: 1, col: 3 });
    expect(moveMatrixCursor({ row: 0, col: 3 }, 'ArrowRight', 2, 64, true)).toEqual({ row: 0, col: 9 });
    expect(moveMatrixCursor({ row: 0, col: 3 }, 'End', 2, 64)).toEqual({ row: 0, col: 63 });
    expect(moveMatrixCursor({ row: 0, col: 3 }, 'PageDown', 2, 64)).toEqual({ row: 1, col: 3 });
    expect(moveMatrixCursor({ row: 0, col: 3 }, 'a', 2, 64)).toBeNull();
  });
});

describe('Fig. 6 multiplier sweep', () => {
  it('normalised loss is 1 at exact and L_k/L_exact per k, with K1…K4 on k = 1…4 (interpretation)', () => {
    const sweep = buildMultiplierSweep(snapshots)!;
    expect(sweep.exact).toEqual({ bp: 1, act: 1, pas: 1, actpas: 1 });
    expect(sweep.groups.map((g) => g.label)).toEqual(['k = 1', 'k = 2', 'k = 3', 'k = 4', 'k = 5', 'k = 6', 'k = 7', 'k = 8']);
    const k1 = sweep.groups[0].bars.find((b) => b.method === 'bp')!;
    const drum1 = findResult(byMethod.bp.hardware!, { kind: 'drum', k: 1 })!;
    const exact = findResult(byMethod.bp.hardware!, { kind: 'exact' })!;
    expect(k1.value).toBe(drum1.normalizedLoss);
    expect(k1.value!).toBeCloseTo(drum1.loss.mean / exact.loss.mean, 4);
    expect(sweep.groups.slice(0, 4).map((g) => g.sublabel)).toEqual(['K1', 'K2', 'K3', 'K4']);
    expect(sweep.groups[4].sublabel).toBeUndefined();
    const remapped = buildMultiplierSweep(snapshots, { K1: 3, K2: 4, K3: 5, K4: 6 })!;
    expect(remapped.groups[0].sublabel).toBeUndefined();
    expect(remapped.groups[2].sublabel).toBe('K1');
  });

  it('log axis in whole decades around the data and the reference 1', () => {
    const sweep = buildMultiplierSweep(snapshots)!;
    const layout = layoutGroupedBars(sweep.groups, sweep.methods, { width: 640, height: 300, scale: 'log', reference: 1 });
    expect(layout.domain).toEqual([0.1, 10]);
    expect(layout.ticks.map((t) => t.label)).toEqual(['0.1', '1', '10']);
    // 1 sits half-way up a 0.1…10 axis.
    expect(layout.referenceY).toBeCloseTo(layout.plot.top + layout.plot.height / 2, 6);
    const bar = layout.groups[0].bars[0];
    const expected = layout.plot.top + layout.plot.height * (1 - (Math.log10(bar.value!) + 1) / 2);
    expect(bar.y).toBeCloseTo(expected, 6);
    expect(findLogDomain([0.5, 3])).toEqual([0.1, 10]);
    expect(findLogDomain([2, 3])).toEqual([1, 10]);
  });
});

describe('Fig. 7 NTV bars', () => {
  it('error bars are mean ± std over the masks, at 400 and 660 mV (Tab. 1 for breast cancer) and 850 mV', () => {
    const ntv = buildNtvBars(snapshots, config.dataset)!;
    expect(ntv.groups.map((g) => g.label)).toEqual(['exact', '400 mV', '660 mV', '850 mV']);
    expect(ntv.groups[1].sublabel).toBe('p = 10% · aggressive');
    expect(ntv.groups[2].sublabel).toBe('p = 1% · conservative');
    expect(ntv.runs).toEqual([config.evalRuns]);
    const hit = byMethod.pas.hardware!.results.find((r) => r.setting.kind === 'ntv' && r.setting.voltageMv === 400)!;
    const bar = ntv.groups[1].bars.find((b) => b.method === 'pas')!;
    expect(bar.value).toBe(hit.accuracy.mean);
    expect(bar.lower).toBe(hit.accuracy.mean - hit.accuracy.std);
    expect(bar.upper).toBe(hit.accuracy.mean + hit.accuracy.std);
    expect(bar.runs).toBe(10);
    expect(computeErrorBar({ mean: 0.5, std: 0.25, runs: 3 })).toEqual({ lower: 0.25, upper: 0.75 });
    // The exact group has no error bar.
    expect(ntv.groups[0].bars[0].lower).toBeUndefined();
  });

  it('error bars in pixels span exactly mean − std … mean + std on a linear [0, 1] axis', () => {
    const ntv = buildNtvBars(snapshots, config.dataset)!;
    const layout = layoutGroupedBars(ntv.groups, ntv.methods, { width: 640, height: 300, scale: 'linear', domain: [0, 1] });
    const bar = layout.groups[1].bars[0];
    const { top, height } = layout.plot;
    expect(bar.errorBar!.yLower).toBeCloseTo(top + height * (1 - bar.errorBar!.lower), 6);
    expect(bar.errorBar!.yUpper).toBeCloseTo(top + height * (1 - bar.errorBar!.upper), 6);
    expect(bar.y).toBeCloseTo(top + height * (1 - bar.value!), 6);
  });
});

describe('Fig. 9 mode selection', () => {
  it('per method, the most aggressive k and lowest voltage within 2 points of exact, with the estimate’s saving', () => {
    const rows = buildModeSelectionRows(config, snapshots);
    const bp = rows.find((r) => r.method === 'bp')!;
    expect(bp.exactAccuracy).toBe(1);
    // bp at 660 mV: 0.9728 < 1 − 0.02; at 850 mV: 0.9991.
    expect(bp.ntv?.voltageMv).toBe(850);
    expect(bp.drum?.k).toBe(1); // 0.9912 ≥ 0.98
    expect(bp.drum!.saving).toBeCloseTo(priceDrumMultiply(1).saving, 5);
    expect(bp.drum!.price.formula).toContain('(1/16)²');
    expect(tidyFormula(bp.drum!.price.formula)).toBe('0.8 pJ × ((1/16)² + 0.1737)');
    expect(bp.ntv!.price.sources.map((c) => c.status)).toContain('estimate');
    expect(bp.ntv!.exactEnergyPj! * (1 - bp.ntv!.saving)).toBeCloseTo(bp.ntv!.energyPj!, 1);
    const actpas = rows.find((r) => r.method === 'actpas')!;
    expect(actpas.ntv?.voltageMv).toBe(660);
    for (const row of rows) {
      if (row.ntv) expect(row.ntv.accuracy).toBeGreaterThanOrEqual(row.exactAccuracy - 0.02);
    }
  });

  it('the paper’s −41.57 % / −33.14 % beside ours: only the kind AxTrain was fine-tuned for is computed', () => {
    const rows = buildModeSelectionRows(config, snapshots);
    const [computation, storage] = compareModeSavings(rows, readTrainingSetting(config));
    expect(computation.ours).toBeNull();
    expect(formatMessage(computation.reading, 'en')).toMatch(/needs AxTrain fine-tuned for DRUM/);
    const bp = rows.find((r) => r.method === 'bp')!.ntv!;
    const axtrain = rows.find((r) => r.method === 'actpas')!.ntv!;
    expect(storage.ours).toBeCloseTo(100 * (1 - (1 - axtrain.saving) / (1 - bp.saving)), 9);
    expect(formatMessage(storage.reading, 'en')).toMatch(/fine-tuned for NTV 400 mV/);
  });
});

describe('claims', () => {
  it('the paper’s numbers beside ours; the DRUM claims of a run fine-tuned for NTV say why they are not computed', () => {
    const claims = buildClaimViews(config, snapshots);
    const fig6Act = claims.find((c) => c.id === 'fig6-act-K1')!;
    expect(fig6Act.paperText).toBe('40.77%');
    expect(fig6Act.computed).toBe(true);
    const bpK1 = findResult(byMethod.bp.hardware!, { kind: 'drum', k: 1 })!.normalizedLoss;
    const actK1 = findResult(byMethod.act.hardware!, { kind: 'drum', k: 1 })!.normalizedLoss;
    expect(fig6Act.oursText).toBe(`${(100 * (1 - actK1 / bpK1)).toFixed(2).replace('-', '−')}%`);
    expect(fig6Act.ours).toBeCloseTo(100 * (1 - actK1 / bpK1), 9);
    const fig6Axtrain = claims.find((c) => c.id === 'fig6-actpas-K1')!;
    expect(fig6Axtrain.computed).toBe(false);
    expect(english(fig6Axtrain.oursText)).toMatch(/^not computed: needs AxTrain \(act \+ pas\) trained for DRUM-1/);
    const aggressive = claims.find((c) => c.id === 'fig7-aggressive')!;
    expect(aggressive.computed).toBe(true);
    expect(aggressive.paper).toBe(32.1);
  });
});

describe('the claims’ texts', () => {
  const rows = buildModeSelectionRows(config, snapshots);
  const ntv660: HardwareSetting = { kind: 'ntv', voltageMv: 660, flipRate: 0.01 };
  const drum1: HardwareSetting = { kind: 'drum', k: 1 };
  const withoutModes = (method: 'bp' | 'actpas') => rows.map((r) => (r.method === method ? { ...r, drum: null, ntv: null } : r));
  const modes = (of: typeof rows, trainedFor: HardwareSetting) => compareModeSavings(of, trainedFor);
  /** Every branch of Fig. 9's claims: computed (fine-tuned for the selected mode or not), needs both, needs tuning, no mode kept. */
  const MODE_SCENARIOS = {
    modesFixture: () => modes(rows, readTrainingSetting(config)),
    modesNtv660: () => modes(rows, ntv660),
    modesDrum1: () => modes(rows, drum1),
    modesDrum3: () => modes(rows, { kind: 'drum', k: 3 }),
    modesBpOnly: () =>
      modes(
        rows.filter((r) => r.method === 'bp'),
        drum1,
      ),
    modesAxtrainNone: () => [...modes(withoutModes('actpas'), drum1), ...modes(withoutModes('actpas'), ntv660)],
    modesBpNone: () => [...modes(withoutModes('bp'), drum1), ...modes(withoutModes('bp'), ntv660)],
  };
  const CLAIM_SCENARIOS = {
    fixture: () => buildClaimViews(config, snapshots),
    fixtureDrum1: () => buildClaimViews({ ...config, hardware: 'drum', drumK: 1 }, snapshots),
  };
  /** English words left in a Chinese text, apart from method labels and ids, hardware, units, mode labels and subscripts. */
  const englishWordsIn = (text: string) =>
    text
      .replace(/<sub>exact<\/sub>/g, ' ')
      .replace(/<\/?sub>/g, ' ')
      .replace(/\b(AxTrain|act|pas|actpas|bp|BP|DRUM|NTV|mV|nm|Fig|K[1-8])\b/g, ' ')
      .match(/[A-Za-z]{2,}/g) ?? [];

  it('in English, the page’s sentences as they were before the claims became Messages', () => {
    for (const [name, views] of Object.entries(CLAIM_SCENARIOS)) {
      expect(
        views().map((v) => ({ id: v.id, figure: english(v.figure), claim: english(v.claim), reading: english(v.reading), oursText: english(v.oursText), paperText: v.paperText })),
        name,
      ).toEqual(golden[name as keyof typeof CLAIM_SCENARIOS]);
    }
    for (const [name, claims] of Object.entries(MODE_SCENARIOS)) {
      expect(
        claims().map((c) => ({ id: c.id, claim: english(c.claim), reading: english(c.reading), computed: c.ours !== null })),
        name,
      ).toEqual(golden[name as keyof typeof MODE_SCENARIOS]);
    }
  });

  it('in Chinese, Chinese characters and no English sentence words in every claim, reading and “not computed”', () => {
    const texts: (string | Message)[] = [
      ...Object.values(CLAIM_SCENARIOS).flatMap((views) => views().flatMap((v) => [v.figure, v.claim, v.reading, ...(v.computed ? [] : [v.oursText])])),
      ...Object.values(MODE_SCENARIOS).flatMap((claims) => claims().flatMap((c) => [c.claim, c.reading])),
    ];
    expect(texts.length).toBe(2 * 8 * 3 + 8 + 18 * 2); // 8 claims × 3 texts per run, 8 not computed; 18 mode claims × 2
    for (const text of texts) {
      expect(typeof text, String(text)).toBe('object');
      const zh = formatMessage(text as Message, 'zh');
      expect(/[\u3400-\u9fff]/.test(zh), zh).toBe(true);
      expect(englishWordsIn(zh), zh).toEqual([]);
    }
  });
});

describe('DRUM explorer', () => {
  it('the reference’s hand-worked product 182 × 7 at k = 4: roles of every bit, 1232 against 1274', () => {
    const view = explainDrumProduct(182, 7, 4);
    expect(view.drum).toBe(1232);
    expect(view.exact).toBe(1274);
    expect(view.relativeError).toBeCloseTo((1232 - 1274) / 1274, 12);
    const [a, b] = view.operands;
    // 182 = 1011 0110₂, t = 7, s = 4: leading 7, kept 6–5, forced 4, dropped 3–0.
    const roles = Object.fromEntries(a.bits.filter((c) => c.role !== 'zero').map((c) => [c.position, c.role]));
    expect(roles).toEqual({ 7: 'leading', 6: 'kept', 5: 'kept', 4: 'forced', 3: 'dropped', 2: 'dropped', 1: 'dropped', 0: 'dropped' });
    expect(a.approx).toBe(176);
    expect(a.bits.filter((c) => c.approxBit === 1).map((c) => c.position)).toEqual([7, 5, 4]); // 176 = 1011 0000₂
    expect(b.explanation.exact).toBe(true);
    expect(b.bits).toHaveLength(16);
  });

  it('signed operands by sign-magnitude; a zero product has no relative error', () => {
    const view = explainDrumProduct(-100, 100, 4);
    expect(view.drum).toBe(-10816);
    expect(view.operands[0].approx).toBe(-104);
    expect(explainDrumProduct(0, 55, 3).relativeError).toBeNull();
  });

  it('typed operands are rounded and clamped to ±(2^16 − 1); text that is no number keeps the last value', () => {
    expect(parseDrumOperand('12.6', 5)).toBe(13);
    expect(parseDrumOperand('-99999', 5)).toBe(-65535);
    expect(parseDrumOperand('abc', 5)).toBe(5);
    expect(parseDrumOperand('', 5)).toBe(5);
  });

  it('the statistics table is drumStats(k, 16, 20000, seed) for k = 1…8, computed once per seed', () => {
    const table = computeDrumStatsTable(1);
    expect(table.map((row) => row.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(table[3]).toEqual(drumStats(4, 16, 20000, 1));
    expect(computeDrumStatsTable(1)).toBe(table);
    // k = 1 is strongly biased low (about −52 %, reference A.4.1).
    expect(table[0].mean).toBeLessThan(-0.45);
  });
});
