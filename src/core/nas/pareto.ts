/**
 * The Pareto set S_pare of DATE'20 §III-D (reference B.5): the non-dominated evaluations under (P_acc ↑, energy
 * reduction ↑), speedup as an optional third axis, built from every evaluation ('interpretation'). Every axis is
 * maximized. p dominates q ⇔ p_k ≥ q_k on every axis and p_k > q_k on one (strict dominance), so equal points are
 * all kept. A point with a non-finite coordinate is never on the front.
 */

/** Indices (ascending) of the non-dominated points. 2 axes: O(n log n) by sorting; 3 axes: O(n²). */
export function nonDominated(points: readonly (readonly number[])[], axes: 2 | 3 = 2): number[] {
  const finite = points.map((_, i) => i).filter((i) => points[i].length >= axes && points[i].slice(0, axes).every(Number.isFinite));
  if (axes === 3) return finite.filter((i) => !finite.some((j) => j !== i && dominates(points[j], points[i], 3)));
  // Sort by x descending, then y descending; sweep groups of equal x. A point survives iff its y is the top of its
  // group (no equal-x point has a larger y) and exceeds every y of the strictly larger x seen before.
  const order = [...finite].sort((a, b) => points[b][0] - points[a][0] || points[b][1] - points[a][1] || a - b);
  const front: number[] = [];
  let bestYBefore = Number.NEGATIVE_INFINITY;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && points[order[end]][0] === points[order[start]][0]) end++;
    const groupTop = points[order[start]][1];
    if (groupTop > bestYBefore) for (let k = start; k < end && points[order[k]][1] === groupTop; k++) front.push(order[k]);
    bestYBefore = Math.max(bestYBefore, groupTop);
    start = end;
  }
  return front.sort((a, b) => a - b);
}

/** p dominates q on the first `axes` axes (all maximized). */
export function dominates(p: readonly number[], q: readonly number[], axes: 2 | 3 = 2): boolean {
  let strictly = false;
  for (let k = 0; k < axes; k++) {
    if (p[k] < q[k]) return false;
    if (p[k] > q[k]) strictly = true;
  }
  return strictly;
}

/**
 * The 2-D hypervolume: the area of ∪_p [ref_x, p_x] × [ref_y, p_y] over points beyond the reference on both axes
 * (both maximized). Sweep by x descending: area += (x − ref_x)·(y − y_max so far) for each point that raises y_max.
 */
export function hypervolume2d(points: readonly (readonly number[])[], ref: readonly [number, number] = [0, 0]): number {
  const beyond = points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]) && p[0] > ref[0] && p[1] > ref[1]);
  beyond.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  let area = 0;
  let yMax = ref[1];
  for (const [x, y] of beyond) {
    if (y <= yMax) continue;
    area += (x - ref[0]) * (y - yMax);
    yMax = y;
  }
  return area;
}
