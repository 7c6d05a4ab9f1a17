import { describe, expect, it } from 'vitest';
import { decimateTable, findLastValueIndex, joinTables, selectM4Indices, spreadLabels } from './decimate';

describe('selectM4Indices', () => {
  it('keeps everything when the points fit the columns, and handles an empty table', () => {
    expect(selectM4Indices({ x: [], ys: [[]] }, 100)).toEqual([]);
    expect(selectM4Indices({ x: [0, 1, 2], ys: [[1, 2, 3]] }, 1)).toEqual([0, 1, 2]);
  });

  it('keeps first, last, min and max of every series per column, and at most (2 + 2·series) per column', () => {
    const n = 10_000;
    const x = Array.from({ length: n }, (_, k) => k);
    const a = x.map((k) => Math.sin(k / 50));
    const b = x.map((k) => (k === 4321 ? 99 : Math.cos(k / 7)));
    const columns = 200;
    const kept = selectM4Indices({ x, ys: [a, b] }, columns);
    expect(kept.length).toBeLessThanOrEqual(columns * 6);
    expect(kept.length).toBeGreaterThan(columns);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
    expect(kept).toContain(4321); // a one-point spike survives
    expect([...kept].sort((p, q) => p - q)).toEqual(kept);
    // Per column, the extremes of the kept points equal those of all the points.
    for (let c = 0; c < columns; c++) {
      const inColumn = x.filter((k) => Math.min(columns - 1, Math.floor((k / (n - 1)) * columns)) === c);
      const keptInColumn = kept.filter((k) => inColumn.includes(k));
      for (const ys of [a, b]) {
        expect(Math.max(...keptInColumn.map((k) => ys[k]))).toBe(Math.max(...inColumn.map((k) => ys[k])));
        expect(Math.min(...keptInColumn.map((k) => ys[k]))).toBe(Math.min(...inColumn.map((k) => ys[k])));
      }
    }
  });

  it('skips null, NaN and ±Inf when looking for extremes', () => {
    const x = Array.from({ length: 40 }, (_, k) => k);
    const ys = x.map((k) => (k === 5 ? Infinity : k === 6 ? NaN : k === 7 ? null : k === 20 ? 50 : 1));
    const kept = selectM4Indices({ x, ys: [ys] }, 2);
    expect(kept).toContain(20);
    expect(kept).not.toContain(5);
  });
});

describe('decimateTable', () => {
  it('returns aligned arrays with non-finite values as gaps', () => {
    const table = decimateTable(
      {
        x: [0, 1, 2],
        ys: [
          [1, NaN, -Infinity],
          [null, 2, 3],
        ],
      },
      10,
    );
    expect(table).toEqual({
      x: [0, 1, 2],
      ys: [
        [1, null, null],
        [null, 2, 3],
      ],
    });
  });
});

describe('joinTables', () => {
  it('merges x values of several tables and leaves nulls where a table has no point', () => {
    const joined = joinTables([
      {
        x: [0, 0.5, 1],
        ys: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
      { x: [0.25, 0.5], ys: [[7, 8]] },
    ]);
    expect(joined.x).toEqual([0, 0.25, 0.5, 1]);
    expect(joined.ys).toEqual([
      [1, null, 2, 3],
      [4, null, 5, 6],
      [null, 7, 8, null],
    ]);
    expect(joinTables([])).toEqual({ x: [], ys: [] });
  });
});

describe('findLastValueIndex and spreadLabels', () => {
  it('finds the last finite value', () => {
    expect(findLastValueIndex([1, 2, null, NaN])).toBe(1);
    expect(findLastValueIndex([null])).toBe(-1);
  });

  it('pushes overlapping labels apart, keeps their order and stays inside the plot', () => {
    expect(spreadLabels([50, 50, 52], 16, 0, 200)).toEqual([50, 66, 82]);
    expect(spreadLabels([100, 10], 16, 0, 200)).toEqual([100, 10]); // far apart: unchanged
    const bottom = spreadLabels([195, 198, 199], 16, 0, 200);
    expect(bottom).toEqual([168, 184, 200]);
    expect(spreadLabels([], 16, 0, 200)).toEqual([]);
  });
});
