import { describe, expect, it } from 'vitest';
import type { NasRecord } from '../../core/nas/run';
import type { NasConfig } from '../../core/nas/types';
import { layoutParallel } from './figureData';

function record(index: number, config: NasConfig): NasRecord {
  return {
    index,
    search: 'smac',
    evaluation: index + 1,
    round: 0,
    config,
    key: String(index),
    proposer: 'smac-initial',
    ei: null,
    mu: null,
    sigma: null,
    searchMs: 0,
    reused: false,
    measure: { valAccuracy: 0.5, testAccuracy: 0.5, speedup: 1 + index, energyReduction: 2 + index, finalMse: 0, trainMs: 0 } as NasRecord['measure'],
    fperf: 0,
  };
}

const PREDICTOR = { maxHiddenLayers: 2, maxWidth: 32 } as const;
const axisY = (layout: ReturnType<typeof layoutParallel>, line: number, id: string) => layout.lines[line].points[layout.axes.findIndex((a) => a.id === id)].y;
const tickY = (layout: ReturnType<typeof layoutParallel>, id: string, label: string) => layout.axes.find((a) => a.id === id)?.ticks.find((t) => t.label === label)?.y;

describe('layoutParallel', () => {
  const lone = [
    record(0, { layers: [{ width: 8, activation: 'relu' }] }),
    record(1, {
      layers: [
        { width: 4, activation: 'tanh' },
        { width: 16, activation: 'sigmoid' },
      ],
    }),
  ];

  it('a lone search has no predictor axes; an inactive n2/A2 sits on n/a', () => {
    const layout = layoutParallel(lone, 'test', [true, false], 900, 300);
    expect(layout.axes.map((a) => a.id)).toEqual(['L', 'n1', 'a1', 'n2', 'a2', 'acc', 'energy', 'speed']);
    // 8 axes over 900 px leave room for every label on one row.
    expect(layout.axes.every((a) => a.labelRow === 0)).toBe(true);
    expect(axisY(layout, 0, 'n2')).toBe(tickY(layout, 'n2', 'n/a'));
    expect(axisY(layout, 1, 'n2')).not.toBe(tickY(layout, 'n2', 'n/a'));
  });

  it('AXNet-NAS: predictor layers and widths join the axes, an inactive p2 on n/a, every candidate drawn', () => {
    const records = [
      record(0, { layers: [{ width: 8, activation: 'relu' }], predictor: [4] }),
      record(1, { layers: [{ width: 8, activation: 'relu' }], predictor: [32, 2] }),
      record(2, { layers: [{ width: 2, activation: 'relu' }], predictor: [1, 1] }),
    ];
    const layout = layoutParallel(records, 'test', [true, true, false], 1200, 300, 2, 'safe & approximated', PREDICTOR);
    expect(layout.axes.map((a) => a.id)).toEqual(['L', 'n1', 'a1', 'n2', 'a2', 'Lp', 'p1', 'p2', 'acc', 'energy', 'speed']);
    expect(layout.lines).toHaveLength(3);
    // 11 axes: labels wider than their spacing alternate between two rows, and the plot starts below both.
    expect(layout.axes.map((a) => a.labelRow)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect(layout.top).toBeGreaterThan(32 + 13);
    // p1 is always active (no n/a tick); p2 has one.
    expect(tickY(layout, 'p1', 'n/a')).toBeUndefined();
    expect(tickY(layout, 'p2', 'n/a')).toBeDefined();
    expect(axisY(layout, 0, 'p2')).toBe(tickY(layout, 'p2', 'n/a'));
    expect(axisY(layout, 1, 'p2')).not.toBe(tickY(layout, 'p2', 'n/a'));
    // L_p: one layer on tick "1", two on tick "2".
    expect(axisY(layout, 0, 'Lp')).toBe(tickY(layout, 'Lp', '1'));
    expect(axisY(layout, 1, 'Lp')).toBe(tickY(layout, 'Lp', '2'));
    // Widths on the predictor's own log2 scale: 32 (its max) at the top tick "32", 1 at tick "1", 4 between.
    expect(axisY(layout, 1, 'p1')).toBe(tickY(layout, 'p1', '32'));
    expect(axisY(layout, 2, 'p1')).toBe(tickY(layout, 'p1', '1'));
    expect(axisY(layout, 0, 'p1')).toBeLessThan(axisY(layout, 2, 'p1'));
    expect(axisY(layout, 0, 'p1')).toBeGreaterThan(axisY(layout, 1, 'p1'));
    // No tick beyond the predictor's max width.
    expect(layout.axes.find((a) => a.id === 'p1')?.ticks.map((t) => t.label)).toEqual(['1', '4', '8', '32']);
  });

  it('a candidate without a predictor in a predictor layout is drawn on n/a of every predictor axis', () => {
    const layout = layoutParallel([record(0, { layers: [{ width: 8, activation: 'relu' }] })], 'test', [true], 1200, 300, 2, 'P_acc', PREDICTOR);
    for (const id of ['Lp', 'p1', 'p2']) expect(axisY(layout, 0, id)).toBe(tickY(layout, id, 'n/a'));
  });
});
