/**
 * Series data for the live charts, cut to what the chart's pixels can show (pure: no DOM, no uPlot).
 *
 * Decimation is M4 (Jugel et al., "M4: a visualization-oriented time series data aggregation", VLDB 2014):
 * the x-range is split into one bucket per pixel column, and each bucket keeps its first and last point
 * and, for every series, the points of its minimum and maximum. A line drawn through those points lights
 * the same pixels as one drawn through all of them, and at most (2 + 2·series) points survive per column.
 * Several series share one x array (uPlot's aligned data), so the kept indices are the union over series.
 */

/** One x array and any number of y arrays of the same length; null (or NaN) = no value there. */
export interface SeriesTable {
  x: readonly number[];
  ys: readonly (readonly (number | null)[])[];
}

const isValue = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value);

/**
 * Indices (ascending) of the points M4 keeps for `columns` pixel columns over [x[0], x[last]].
 * x must be ascending. With no more than 4 points per column everything is kept.
 */
export function selectM4Indices(table: SeriesTable, columns: number): number[] {
  const n = table.x.length;
  const buckets = Math.max(1, Math.floor(columns));
  if (n <= 4 * buckets) return Array.from({ length: n }, (_, k) => k);
  const x0 = table.x[0];
  const span = table.x[n - 1] - x0;
  const keep = new Set<number>();
  // bucket(k) = ⌊(x_k − x_0)/span · columns⌋, the last point folded into the last column.
  const bucketOf = (k: number) => (span > 0 ? Math.min(buckets - 1, Math.floor(((table.x[k] - x0) / span) * buckets)) : 0);
  let start = 0;
  while (start < n) {
    const bucket = bucketOf(start);
    let end = start;
    while (end + 1 < n && bucketOf(end + 1) === bucket) end++;
    keep.add(start);
    keep.add(end);
    for (const ys of table.ys) {
      let lo = -1;
      let hi = -1;
      for (let k = start; k <= end; k++) {
        const value = ys[k];
        if (!isValue(value)) continue;
        if (lo < 0 || value < (ys[lo] as number)) lo = k;
        if (hi < 0 || value > (ys[hi] as number)) hi = k;
      }
      if (lo >= 0) keep.add(lo);
      if (hi >= 0) keep.add(hi);
    }
    start = end + 1;
  }
  return [...keep].sort((a, b) => a - b);
}

/** The table at `columns` pixel columns (M4); NaN and ±Inf values become null (a gap). */
export function decimateTable(table: SeriesTable, columns: number): { x: number[]; ys: (number | null)[][] } {
  const indices = selectM4Indices(table, columns);
  return {
    x: indices.map((k) => table.x[k]),
    ys: table.ys.map((ys) => indices.map((k) => (isValue(ys[k]) ? ys[k] : null))),
  };
}

/**
 * Several tables with their own x values as one aligned table: x is the sorted union, and each
 * table's series are null where that table has no point (the chart spans the gaps).
 * Series come out in table order: table 0's ys, then table 1's, and so on.
 */
export function joinTables(tables: readonly SeriesTable[]): { x: number[]; ys: (number | null)[][] } {
  const xs = [...new Set(tables.flatMap((table) => table.x.filter((value) => Number.isFinite(value))))].sort((a, b) => a - b);
  const position = new Map(xs.map((value, k) => [value, k]));
  const ys: (number | null)[][] = [];
  for (const table of tables) {
    for (const series of table.ys) {
      const column: (number | null)[] = new Array<number | null>(xs.length).fill(null);
      table.x.forEach((value, k) => {
        const at = position.get(value);
        const y = series[k];
        if (at !== undefined && isValue(y)) column[at] = y;
      });
      ys.push(column);
    }
  }
  return { x: xs, ys };
}

/** Index of the last value of a series, or −1 when it has none. */
export function findLastValueIndex(series: readonly (number | null | undefined)[]): number {
  for (let k = series.length - 1; k >= 0; k--) if (isValue(series[k])) return k;
  return -1;
}

/**
 * Vertical positions for end labels that do not overlap: each label wants to sit at its line's end
 * (`wanted`, px, top = 0) and labels are pushed apart to at least `gap` px, kept inside [top, bottom].
 * Returns the positions in the input order.
 */
export function spreadLabels(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, k) => ({ y, k })).sort((a, b) => a.y - b.y || a.k - b.k);
  const placed = order.map((entry) => Math.min(bottom, Math.max(top, entry.y)));
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i], placed[i - 1] + gap);
  // Pushed past the bottom: shift the stack back up, keeping the gaps.
  const overflow = placed.length > 0 ? placed[placed.length - 1] - bottom : 0;
  if (overflow > 0) {
    placed[placed.length - 1] -= overflow;
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i], placed[i + 1] - gap);
  }
  const result = new Array<number>(wanted.length);
  order.forEach((entry, i) => (result[entry.k] = placed[i]));
  return result;
}
