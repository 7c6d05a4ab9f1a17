import { describe, expect, it } from 'vitest';
import { buildStudyFigures, type BarChartData, type XYChartData } from './figures';
import { buildStudyPlan, QUICK_BUDGET_NOTE } from './plan';
import { escapeXml } from '../escapeXml';
import { niceTicks, renderBarChart, renderChart, renderLineChart, renderScatterChart } from './svg';
import { makeFakeResult } from './testing';

/** Tags open and close in order (a tiny well-formedness check: no DOM parser in Node). */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trim().endsWith('</svg>')).toBe(true);
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  const stack: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
  // Text content never carries a raw '<' or '&' (escaped).
  for (const match of svg.matchAll(/>([^<]*)</g)) expect(match[1]).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
}

const bar: BarChartData = {
  kind: 'bar',
  title: 'Fig. 6 · invocation <test> & co',
  xLabel: 'benchmark',
  yLabel: 'invocation',
  categories: ['jpeg', 'sobel'],
  series: [
    { name: 'AXNet true', values: [0.6, null] },
    { name: 'AXNet predicted', values: [0.7, Number.NaN], variant: 'light' },
  ],
  yMax: 1,
  referenceLine: { value: 1, label: 'onepass' },
};

const line: XYChartData = {
  kind: 'line',
  title: 'Fig. 9',
  xLabel: 'parameters',
  yLabel: 'invocation',
  series: [
    {
      name: 'AXNet true',
      points: [
        { x: 1138, y: 0.6, label: '64-6-64' },
        { x: 3000, y: 0.7 },
      ],
    },
    { name: 'iterative true', points: [{ x: 3202, y: Number.NaN }], dashed: true },
  ],
};

describe('svg renderers', () => {
  it('render axes, labels, legend and title, well formed and without NaN', () => {
    const svg = renderBarChart(bar);
    expectWellFormed(svg);
    for (const text of ['jpeg', 'sobel', 'AXNet true', 'AXNet predicted', 'benchmark', 'invocation', 'onepass', escapeXml(bar.title), 'n/a']) expect(svg).toContain(text);
    const lineSvg = renderLineChart(line);
    expectWellFormed(lineSvg);
    expect(lineSvg).toContain('<polyline');
    expect(lineSvg).toContain('64-6-64');
    const scatter = renderScatterChart({ ...line, kind: 'scatter' });
    expectWellFormed(scatter);
    expect(scatter).not.toContain('<polyline');
  });

  it('is deterministic and watermarks quick results', () => {
    expect(renderBarChart(bar)).toBe(renderBarChart(bar));
    expect(renderBarChart(bar)).not.toContain(QUICK_BUDGET_NOTE);
    expect(renderBarChart(bar, { quick: true })).toContain(QUICK_BUDGET_NOTE);
  });

  it('renders empty charts and every study figure', () => {
    expectWellFormed(renderBarChart({ ...bar, categories: [], series: [] }));
    expectWellFormed(renderLineChart({ ...line, series: [] }));
    const plan = buildStudyPlan('quick');
    const results = Object.fromEntries(plan.jobs.map((job) => [job.id, makeFakeResult(job, { trueInvocation: 0.5, history: [0.2, 0.5] })]));
    for (const figure of [...buildStudyFigures(plan, results), ...buildStudyFigures(plan, {})]) {
      const svg = renderChart(figure.chart, { quick: figure.quick });
      expectWellFormed(svg);
      expect(svg).toContain(QUICK_BUDGET_NOTE);
    }
  });

  it('picks nice ticks', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1138, 3336)[0]).toBeLessThanOrEqual(1138);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(Number.NaN, 1)).toEqual([0, 1]);
  });

  it('draws error bars, log-x bound ticks, n.s. marks and facet panels', () => {
    const panel: XYChartData = {
      kind: 'line',
      title: 'sobel',
      xLabel: 'error bound (log)',
      yLabel: 'true invocation',
      xLog: true,
      yMin: 0,
      yMax: 1,
      marks: [{ x: 0.05, label: 'n.s.' }],
      series: [{ name: 'AXNet', points: [0.01, 0.05, 0.2].map((x, k) => ({ x, y: 0.2 + 0.3 * k, yError: 0.05 })) }],
    };
    const svg = renderLineChart(panel);
    expectWellFormed(svg);
    expect(svg.match(/class="error-bar"/g)).toHaveLength(3);
    expect(svg).toContain('>n.s.</text>');
    for (const tick of ['0.01', '0.05', '0.2']) expect(svg).toContain(`>${tick}</text>`);
    const facets = renderChart({ kind: 'facets', title: 'Fig. 6', columns: 2, panels: [panel, { ...panel, title: 'fft' }], note: 'mean ± std' });
    expectWellFormed(facets);
    expect(facets.match(/class="panel"/g)).toHaveLength(2);
    expect(facets).toContain('mean ± std');
  });
});
