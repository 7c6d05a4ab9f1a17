import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { dominates, hypervolume2d, nonDominated } from './pareto';

function bruteFront(points: number[][], axes: 2 | 3): number[] {
  return points
    .map((_, i) => i)
    .filter((i) => points[i].slice(0, axes).every(Number.isFinite) && !points.some((q, j) => j !== i && q.slice(0, axes).every(Number.isFinite) && dominates(q, points[i], axes)));
}

/** Area of the union of rectangles [ref, p] by a grid over every distinct coordinate. */
function bruteUnionArea(points: number[][], ref: [number, number]): number {
  const inside = points.filter((p) => p[0] > ref[0] && p[1] > ref[1]);
  const xs = [...new Set([ref[0], ...inside.map((p) => p[0])])].sort((a, b) => a - b);
  const ys = [...new Set([ref[1], ...inside.map((p) => p[1])])].sort((a, b) => a - b);
  let area = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const cx = (xs[i] + xs[i + 1]) / 2;
      const cy = (ys[j] + ys[j + 1]) / 2;
      if (inside.some((p) => p[0] >= cx && p[1] >= cy)) area += (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]);
    }
  }
  return area;
}

/** Random points on a coarse grid, so that ties on each axis and repeated points are common. */
function randomPoints(rng: ReturnType<typeof createRng>, n: number, dims: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: dims }, () => rng.int(8) / 2));
}

describe('Pareto front', () => {
  it('equals an O(n²) brute force on 1,000 random point sets (2-D and 3-D), ties kept', () => {
    const rng = createRng(1, 'nas-pareto-test');
    for (let t = 0; t < 1000; t++) {
      const points = randomPoints(rng, 1 + rng.int(40), 3);
      expect(nonDominated(points, 2)).toEqual(bruteFront(points, 2));
      if (t % 4 === 0) expect(nonDominated(points, 3)).toEqual(bruteFront(points, 3));
    }
  });

  it('keeps equal points, drops weakly dominated ones and non-finite ones', () => {
    expect(
      nonDominated([
        [1, 1],
        [1, 1],
        [0, 2],
        [1, 0.5],
        [0, 1],
      ]),
    ).toEqual([0, 1, 2]);
    expect(
      nonDominated([
        [Number.NaN, 5],
        [1, 1],
        [2, Number.POSITIVE_INFINITY],
      ]),
    ).toEqual([1]);
    expect(nonDominated([])).toEqual([]);
    expect(
      nonDominated(
        [
          [1, 1, 0],
          [1, 1, 1],
          [0, 0, 2],
        ],
        3,
      ),
    ).toEqual([1, 2]);
  });
});

describe('2-D hypervolume', () => {
  it('equals the brute-force union of rectangles and never falls when a point is added', () => {
    const rng = createRng(2, 'nas-hv-test');
    for (let t = 0; t < 300; t++) {
      const points = randomPoints(rng, 1 + rng.int(25), 2);
      const ref: [number, number] = t % 3 === 0 ? [0.5, 1] : [0, 0];
      const hv = hypervolume2d(points, ref);
      expect(hv).toBeCloseTo(bruteUnionArea(points, ref), 10);
      const more = [...points, randomPoints(rng, 1, 2)[0]];
      expect(hypervolume2d(more, ref)).toBeGreaterThanOrEqual(hv - 1e-12);
    }
  });

  it('hand cases: one box, a staircase, points at or behind the reference', () => {
    expect(hypervolume2d([[2, 3]])).toBe(6);
    expect(
      hypervolume2d([
        [3, 1],
        [1, 3],
        [2, 2],
      ]),
    ).toBe(3 + 2 + 1);
    expect(
      hypervolume2d(
        [
          [0, 5],
          [-1, 2],
        ],
        [0, 0],
      ),
    ).toBe(0);
    expect(hypervolume2d([])).toBe(0);
  });
});
