import { describe, expect, it } from 'vitest';
import { formatMessage, type Message } from './messages';
import { CONFIG_LIMITS, DEFAULT_CONFIG, cloneConfig, type LabConfig } from './config';
import { problemsText } from './link';
import {
  MAX_SWEEP_VARIANTS,
  aggregateSweep,
  computeMeanStd,
  createDefaultSweep,
  formatSweepLink,
  isSweepAxisLog,
  listSweepValues,
  parseSweepValuesText,
  planSweep,
  readSweepLink,
  type SweepLinkKey,
  type SweepResultRow,
  type SweepSpec,
} from './sweep';

const CONFIG: LabConfig = cloneConfig(DEFAULT_CONFIG);

function fromParts(text: string): (key: SweepLinkKey) => string | undefined {
  const map = new Map(
    text
      .split('&')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  return (key) => map.get(key);
}

const bound = (values: SweepSpec['values'], seeds: SweepSpec['seeds'] = { kind: 'count', count: 1 }): SweepSpec => ({ parameter: 'errorBound', layer: 0, values, seeds });

describe('sweep values', () => {
  it('expands a log range with both ends included, geometric in between', () => {
    const values = listSweepValues(bound({ kind: 'range', from: 0.001, to: 0.1, count: 3, scale: 'log' }));
    expect(values).toHaveLength(3);
    expect(values[0]).toBeCloseTo(0.001, 12);
    expect(values[1]).toBeCloseTo(0.01, 12);
    expect(values[2]).toBeCloseTo(0.1, 12);
  });

  it('expands a linear range evenly', () => {
    expect(listSweepValues(bound({ kind: 'range', from: 0.01, to: 0.05, count: 5, scale: 'linear' }))).toEqual([0.01, 0.02, 0.03, 0.04, 0.05]);
  });

  it('rounds whole-number parameters, clamps to CONFIG_LIMITS and drops repeats, with notes', () => {
    const notes: Message[] = [];
    const spec: SweepSpec = { parameter: 'approximatorWidth', layer: 0, values: { kind: 'list', values: [2.4, 2, 500, 0] }, seeds: { kind: 'count', count: 1 } };
    expect(listSweepValues(spec, notes)).toEqual([2, CONFIG_LIMITS.hiddenWidth.max, CONFIG_LIMITS.hiddenWidth.min]);
    expect(notes.map((note) => formatMessage(note, 'en'))).toEqual([
      "The approximator width takes whole numbers; the sweep's values were rounded.",
      'Sweep values of the approximator width were limited to 1–128.',
      'Repeated sweep values of the approximator width were dropped (3 distinct).',
    ]);
    // …and in 中文, with the setting's name too.
    expect(notes.map((note) => formatMessage(note, 'zh'))).toEqual([
      '近似器宽度只取整数；扫描值已取整。',
      '近似器宽度的扫描值已限制在 1–128 之内。',
      '近似器宽度的重复扫描值已去掉（剩 3 个不同的值）。',
    ]);
  });
});

describe('planSweep', () => {
  it('expands values × seeds value-major into configs with the swept field, the seed, one method and no lone net', () => {
    const { plan, problems } = planSweep(bound({ kind: 'list', values: [0.01, 0.02] }, { kind: 'count', count: 3 }), { ...CONFIG, seed: 5, methods: ['axnet', 'onepass'] });
    expect(problems).toEqual([]);
    expect(plan!.variants.map((v) => [v.value, v.seed])).toEqual([
      [0.01, 5],
      [0.01, 6],
      [0.01, 7],
      [0.02, 5],
      [0.02, 6],
      [0.02, 7],
    ]);
    for (const v of plan!.variants) {
      expect(v.config.errorBound).toBe(v.value);
      expect(v.config.seed).toBe(v.seed);
      expect(v.config.methods).toEqual(['axnet']);
      expect(v.config.trainLone).toBe(false);
    }
  });

  it('sweeps a width of the named layer only, leaving the base config untouched', () => {
    const base = { ...cloneConfig(CONFIG), approximatorHidden: [4, 4] };
    const { plan } = planSweep({ parameter: 'approximatorWidth', layer: 1, values: { kind: 'list', values: [2, 8] }, seeds: { kind: 'count', count: 1 } }, base);
    expect(plan!.variants.map((v) => v.config.approximatorHidden)).toEqual([
      [4, 2],
      [4, 8],
    ]);
    expect(base.approximatorHidden).toEqual([4, 4]);
  });

  it('a seed sweep trains one model per seed value', () => {
    const { plan } = planSweep({ parameter: 'seed', layer: 0, values: { kind: 'range', from: 1, to: 4, count: 4, scale: 'linear' }, seeds: { kind: 'count', count: 1 } }, CONFIG);
    expect(plan!.variants.map((v) => v.config.seed)).toEqual([1, 2, 3, 4]);
  });

  it('rejects what cannot run, with messages', () => {
    const reasons = (spec: SweepSpec, config: LabConfig = CONFIG) => problemsText(planSweep(spec, config).problems).join(' ');
    expect(reasons(bound({ kind: 'range', from: 0.001, to: 0.1, count: 20, scale: 'log' }, { kind: 'count', count: 13 }))).toMatch(
      /at most 256 variants; 20 values × 13 seeds = 260/,
    );
    expect(reasons({ parameter: 'predictorWidth', layer: 3, values: { kind: 'list', values: [2] }, seeds: { kind: 'count', count: 1 } })).toMatch(/no layer 4/);
    expect(reasons({ parameter: 'seed', layer: 0, values: { kind: 'list', values: [1, 2] }, seeds: { kind: 'count', count: 2 } })).toMatch(/seed count at 1/);
    expect(reasons(bound({ kind: 'range', from: 0, to: 0.1, count: 4, scale: 'log' }))).toMatch(/positive/);
    expect(
      reasons({ parameter: 'approximatorWidth', layer: 0, values: { kind: 'list', values: [2] }, seeds: { kind: 'count', count: 1 } }, { ...CONFIG, matchParameters: true }),
    ).toMatch(/matching/);
    expect(planSweep(bound({ kind: 'range', from: 0.001, to: 0.1, count: 16, scale: 'log' }, { kind: 'count', count: 16 }), CONFIG).plan!.variants).toHaveLength(
      MAX_SWEEP_VARIANTS,
    );
  });

  it('the default sweep runs', () => {
    const { plan, problems } = planSweep(createDefaultSweep(CONFIG), CONFIG);
    expect(problems).toEqual([]);
    expect(plan!.variants.length).toBe(8);
    expect(plan!.values[0]).toBeCloseTo(CONFIG.errorBound / 2, 5);
  });
});

describe('aggregation', () => {
  it('mean and sample std over seeds, per value in sweep order; overall error skips nulls', () => {
    const row = (value: number, seed: number, t: number, e: number | null): SweepResultRow => ({
      variant: 0,
      value,
      seed,
      trueInvocation: t,
      predictedInvocation: t / 2,
      predictionAccuracy: t,
      overallError: e,
      steps: 10,
      stopped: null,
    });
    const summary = aggregateSweep([row(0.02, 1, 0.6, 0.01), row(0.01, 1, 0.2, null), row(0.02, 2, 0.8, 0.03), row(0.01, 2, 0.4, null)]);
    expect(summary.map((r) => r.value)).toEqual([0.02, 0.01]);
    expect(summary[0].trueInvocation.mean).toBeCloseTo(0.7, 12);
    expect(summary[0].trueInvocation.std).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(summary[0].overallError!.mean).toBeCloseTo(0.02, 12);
    expect(summary[1].overallError).toBeNull();
    expect(computeMeanStd([3])).toEqual({ mean: 3, std: 0, n: 1 });
    expect(computeMeanStd([]).n).toBe(0);
  });

  it('log axis for log ranges and wide bound lists, linear for widths', () => {
    expect(isSweepAxisLog(bound({ kind: 'range', from: 0.01, to: 0.1, count: 4, scale: 'log' }), [])).toBe(true);
    expect(isSweepAxisLog(bound({ kind: 'list', values: [0.001, 0.1] }), [0.001, 0.1])).toBe(true);
    expect(isSweepAxisLog(bound({ kind: 'list', values: [0.01, 0.02] }), [0.01, 0.02])).toBe(false);
    expect(isSweepAxisLog({ parameter: 'approximatorWidth', layer: 0, values: { kind: 'list', values: [1, 100] }, seeds: { kind: 'count', count: 1 } }, [1, 100])).toBe(false);
  });
});

describe('sweep link fields', () => {
  it('round-trips lists, ranges, layers and seeds', () => {
    const specs: SweepSpec[] = [
      bound({ kind: 'range', from: 0.005, to: 0.05, count: 16, scale: 'log' }, { kind: 'count', count: 3 }),
      { parameter: 'learningRate', layer: 0, values: { kind: 'list', values: [0.001, 0.01, 0.1] }, seeds: { kind: 'list', seeds: [1, 7, 9] } },
      { parameter: 'predictorWidth', layer: 1, values: { kind: 'range', from: 2, to: 16, count: 8, scale: 'linear' }, seeds: { kind: 'count', count: 1 } },
    ];
    for (const spec of specs) {
      const problems: Message[] = [];
      expect(readSweepLink(fromParts(formatSweepLink(spec).map(decodeURIComponent).join('&')), problems)).toEqual(spec);
      expect(problems).toEqual([]);
    }
    expect(formatSweepLink(null)).toEqual([]);
  });

  it('reports bad fields and leaves the sweep off', () => {
    const read = (text: string) => {
      const problems: Message[] = [];
      return { spec: readSweepLink(fromParts(text), problems), problems: problemsText(problems).join(' ') };
    };
    expect(read('sweep=momentum&sweepValues=1').problems).toMatch(/not a sweep parameter/);
    expect(read('sweep=errorBound').problems).toMatch(/needs sweepValues/);
    expect(read('sweep=errorBound&sweepValues=0.1,abc').spec).toBeNull();
    expect(read('sweep=errorBound&sweepRange=0:1:4:log').problems).toMatch(/positive ends/);
    expect(read('sweep=errorBound&sweepRange=0.1:1:banana').spec).toBeNull();
    expect(read('sweepValues=1,2').problems).toMatch(/without sweep/);
    const clamped = read('sweep=errorBound&sweepRange=0.01:1:9999&sweepSeeds=500');
    expect(clamped.spec!.values).toMatchObject({ count: 256 });
    expect(clamped.spec!.seeds).toEqual({ kind: 'count', count: 64 });
    expect(clamped.problems).toMatch(/256 are used/);
  });

  it('parses the sidebar text: a colon means a range', () => {
    expect(parseSweepValuesText('0.01, 0.02').values).toEqual({ kind: 'list', values: [0.01, 0.02] });
    expect(parseSweepValuesText('0.005:0.05:16:log').values).toEqual({ kind: 'range', from: 0.005, to: 0.05, count: 16, scale: 'log' });
    expect(parseSweepValuesText('').problems.length).toBeGreaterThan(0);
    expect(parseSweepValuesText('a,b').values).toBeNull();
  });
});
