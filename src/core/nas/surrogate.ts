/**
 * SMAC's random-forest surrogate (DATE'20 §III-B phase 1; reference B.3, C.4, D.2.1): a bagged forest of
 * regression trees on the encoded configurations (space.ts `encode`, inactive = −1), whose predictive mean and
 * variance are taken across the trees, as SMAC3's RandomForest does:
 *   μ(x) = (1/T) Σ_t f_t(x),  σ²(x) = max((1/T) Σ_t (f_t(x) − μ(x))², 1e-10)   (SMAC3 `var_threshold`).
 *
 * Two forests behind one interface:
 * - 'presorted' (default): this file's CART with presorted splits, O(d·n) per node. Each tree fits a bootstrap
 *   sample (n draws with replacement, seeded stream `nas-forest:<seed>:<tree>`), looks at every feature at every split
 *   (maxFeatures 1.0), takes the split of least summed squared error at a midpoint between distinct values (ties:
 *   lowest feature, then lowest threshold), and stops at nodes of ≤ minNumSamples rows or constant y.
 * - 'ml-random-forest': ml-random-forest 2.1.0's RandomForestRegression with noOOB: true always (its bug #44/#47:
 *   train throws "column indices are out of range" on small data when an out-of-bag set is empty, reference C.4).
 *   Its ml-cart trees search splits in O(d·n²) per node and make a node a leaf when its best split leaves both
 *   children pure (ml-cart only splits while the split's error is > 0), so the two forests differ on tiny data.
 *   Measured in surrogate.test.ts (500 rows, 5 features, 10 trees, 2,000 candidates, Node, 2 shared cores): presorted
 *   fit 15 ms and predict 4 ms; ml-random-forest fit 692 ms (0.45–0.97 s in other runs) and predict 12 ms, so the
 *   presorted forest is the default.
 *
 * Defaults follow SMAC3's HPO facade (10 trees, bootstrap, ratio_features 1.0; minNumSamples 2 ≙ its
 * min_samples_split 3 in ml-cart's "≤ minNumSamples rows ⇒ leaf" sense, reference D.2.1). SMAC3's newest forest uses
 * sklearn's random splitter and log-scaled costs; both keep the best split and plain costs ('interpretation').
 */
import { NAS_IMPORTANCE_LABELS } from './texts';
import { RandomForestRegression } from 'ml-random-forest';
import { createRng } from '../rng';

export const SURROGATE_KINDS = ['presorted', 'ml-random-forest'] as const;
export type SurrogateKind = (typeof SURROGATE_KINDS)[number];

/** SMAC3's variance floor `var_threshold` (smac/model/random_forest/random_forest.py; 'verified' in the reference B.3). */
export const SURROGATE_VARIANCE_FLOOR = 1e-10;

export interface SurrogateOptions {
  kind: SurrogateKind;
  /** Trees T (SMAC3 HPO facade: 10). */
  trees: number;
  seed: number;
  /** A node with ≤ minNumSamples rows is a leaf (ml-cart's meaning; 2 ≙ SMAC3's min_samples_split 3). */
  minNumSamples: number;
  varianceFloor: number;
}

export const DEFAULT_SURROGATE_OPTIONS: Readonly<SurrogateOptions> = Object.freeze({
  kind: 'presorted',
  trees: 10,
  seed: 1,
  minNumSamples: 2,
  varianceFloor: SURROGATE_VARIANCE_FLOOR,
});

export interface SurrogatePrediction {
  mean: Float64Array;
  /** Across-tree variance, floored at varianceFloor. */
  variance: Float64Array;
}

/** Feature importance of the fitted forest, named by its method. */
export interface FeatureImportance {
  method: 'MDI';
  /** "mean decrease in impurity (MDI) of the surrogate forest"; biased toward what the search sampled (reference C.2). */
  label: string;
  /** One value per encoded feature, summing to 1 (all 0 when no tree split). */
  values: number[];
}

export interface Surrogate {
  readonly kind: SurrogateKind;
  /** Fits on rows X (each an encoded configuration) and costs y; replaces any earlier fit. */
  fit(X: readonly (readonly number[])[], y: readonly number[]): void;
  /** Per row, each tree's prediction: [rows][trees]. */
  predictTrees(X: readonly (readonly number[])[]): Float64Array[];
  predict(X: readonly (readonly number[])[]): SurrogatePrediction;
  featureImportance(): FeatureImportance;
}

export function createSurrogate(options: Partial<SurrogateOptions> = {}): Surrogate {
  const o = { ...DEFAULT_SURROGATE_OPTIONS, ...options };
  const trees = Math.max(1, Math.round(o.trees));
  const minNumSamples = Math.max(1, Math.round(o.minNumSamples));
  const seed = Math.trunc(o.seed) | 0;
  const forest = o.kind === 'presorted' ? createPresortedForest(trees, seed, minNumSamples) : o.kind === 'ml-random-forest' ? createMlForest(trees, seed, minNumSamples) : null;
  if (!forest) throw new Error(`Unsupported surrogate kind: ${String(o.kind)}`);
  return {
    kind: o.kind,
    fit: (X, y) => {
      if (X.length === 0 || X.length !== y.length) throw new Error(`Surrogate fit needs rows and costs of one length ≥ 1; got ${X.length} and ${y.length}`);
      if (!y.every(Number.isFinite)) throw new Error('Surrogate fit: every cost must be finite');
      forest.fit(X, y);
    },
    predictTrees: (X) => forest.predictTrees(X),
    predict: (X) => summarizeTrees(forest.predictTrees(X), o.varianceFloor),
    featureImportance: () => ({ method: 'MDI', label: NAS_IMPORTANCE_LABELS.MDI, values: forest.importance() }),
  };
}

/** μ and floored σ² across trees, per row. */
function summarizeTrees(perRow: readonly Float64Array[], floor: number): SurrogatePrediction {
  const mean = new Float64Array(perRow.length);
  const variance = new Float64Array(perRow.length);
  perRow.forEach((values, i) => {
    let sum = 0;
    for (const v of values) sum += v;
    const m = sum / values.length;
    let squares = 0;
    for (const v of values) squares += (v - m) ** 2;
    mean[i] = m;
    variance[i] = Math.max(squares / values.length, floor);
  });
  return { mean, variance };
}

interface Forest {
  fit(X: readonly (readonly number[])[], y: readonly number[]): void;
  predictTrees(X: readonly (readonly number[])[]): Float64Array[];
  importance(): number[];
}

/** One fitted tree as flat arrays; feature −1 marks a leaf whose value is `value`. */
interface FlatTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

function predictTree(tree: FlatTree, row: readonly number[]): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = row[tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  return tree.value[node];
}

function normalizeSum(values: number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return total > 0 ? values.map((v) => v / total) : values.map(() => 0);
}

function createPresortedForest(treeCount: number, seed: number, minNumSamples: number): Forest {
  let fitted: FlatTree[] = [];
  let importances: number[][] = [];
  let features = 0;
  return {
    fit(X, y) {
      features = X[0].length;
      fitted = [];
      importances = [];
      for (let t = 0; t < treeCount; t++) {
        const rng = createRng(seed, `nas-forest:${t}`);
        const sample = Array.from({ length: X.length }, () => rng.int(X.length));
        const importance = new Array(features).fill(0);
        fitted.push(fitPresortedTree(X, y, sample, minNumSamples, importance));
        importances.push(normalizeSum(importance));
      }
    },
    predictTrees(X) {
      if (fitted.length === 0) throw new Error('Surrogate predict before fit');
      return X.map((row) => Float64Array.from(fitted, (tree) => predictTree(tree, row)));
    },
    importance() {
      const sum = new Array(features).fill(0);
      for (const imp of importances) imp.forEach((v, f) => (sum[f] += v));
      return normalizeSum(sum);
    },
  };
}

/**
 * CART on the bootstrap rows `sample` (indices into X, repeats allowed). Every feature's order of the node's rows is
 * kept sorted (presorted once, then stably partitioned), so a node's split search is one O(n) sweep per feature:
 * SSE(split) = Σ_left (y − ȳ_L)² + Σ_right (y − ȳ_R)² from running sums; importance[f] += SSE(node) − SSE(split) (MDI).
 */
function fitPresortedTree(X: readonly (readonly number[])[], yAll: readonly number[], sample: readonly number[], minNumSamples: number, importance: number[]): FlatTree {
  const n = sample.length;
  const d = X[0].length;
  const y = Float64Array.from(sample, (i) => yAll[i]);
  const x = Array.from({ length: d }, (_, f) => Float64Array.from(sample, (i) => X[i][f]));
  const order = x.map((column) => Int32Array.from({ length: n }, (_, p) => p).sort((a, b) => column[a] - column[b] || a - b));
  const goesLeft = new Uint8Array(n);
  const buffer = new Int32Array(n);
  const tree: FlatTree = { feature: [], threshold: [], left: [], right: [], value: [] };

  const build = (start: number, end: number): number => {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    const count = end - start;
    let sum = 0;
    let sumSquares = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    const rows = order[0];
    for (let k = start; k < end; k++) {
      const v = y[rows[k]];
      sum += v;
      sumSquares += v * v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const mean = sum / count;
    tree.value.push(mean);
    if (count <= minNumSamples || lo === hi) return node;

    let parentSse = 0;
    for (let k = start; k < end; k++) parentSse += (y[rows[k]] - mean) ** 2;
    let bestSse = Number.POSITIVE_INFINITY;
    let bestFeature = -1;
    let bestThreshold = 0;
    let bestLeftCount = 0;
    for (let f = 0; f < d; f++) {
      const sorted = order[f];
      const column = x[f];
      let leftSum = 0;
      let leftSquares = 0;
      for (let k = start; k < end - 1; k++) {
        const v = y[sorted[k]];
        leftSum += v;
        leftSquares += v * v;
        const here = column[sorted[k]];
        const next = column[sorted[k + 1]];
        if (here === next) continue;
        const nLeft = k - start + 1;
        const nRight = count - nLeft;
        const rightSum = sum - leftSum;
        const sse = leftSquares - (leftSum * leftSum) / nLeft + (sumSquares - leftSquares) - (rightSum * rightSum) / nRight;
        if (sse < bestSse) {
          bestSse = sse;
          bestFeature = f;
          bestThreshold = (here + next) / 2;
          bestLeftCount = nLeft;
        }
      }
    }
    if (bestFeature < 0) return node;

    // Stable partition of every feature's order: rows with x_f ≤ threshold first.
    const splitColumn = x[bestFeature];
    for (let k = start; k < end; k++) {
      const p = rows[k];
      goesLeft[p] = splitColumn[p] <= bestThreshold ? 1 : 0;
    }
    for (let f = 0; f < d; f++) {
      const sorted = order[f];
      let l = start;
      let r = start + bestLeftCount;
      for (let k = start; k < end; k++) {
        const p = sorted[k];
        if (goesLeft[p]) buffer[l++] = p;
        else buffer[r++] = p;
      }
      sorted.set(buffer.subarray(start, end), start);
    }
    importance[bestFeature] += Math.max(0, parentSse - bestSse);
    tree.feature[node] = bestFeature;
    tree.threshold[node] = bestThreshold;
    const mid = start + bestLeftCount;
    tree.left[node] = build(start, mid);
    tree.right[node] = build(mid, end);
    return node;
  };
  build(0, n);
  return tree;
}

function createMlForest(treeCount: number, seed: number, minNumSamples: number): Forest {
  let model: RandomForestRegression | null = null;
  let features = 0;
  return {
    fit(X, y) {
      features = X[0].length;
      // noOOB: true always (ml-random-forest bug #44/#47). replacement: false = every feature in every tree.
      model = new RandomForestRegression({
        nEstimators: treeCount,
        maxFeatures: 1.0,
        replacement: false,
        useSampleBagging: true,
        noOOB: true,
        treeOptions: { minNumSamples },
        seed,
        selectionMethod: 'mean',
      });
      model.train(
        X.map((row) => [...row]),
        [...y],
      );
    },
    predictTrees(X) {
      if (!model) throw new Error('Surrogate predict before fit');
      const values = model.predictionValues(X.map((row) => [...row]));
      return X.map((_, i) => Float64Array.from(values.getRow(i)));
    },
    importance() {
      if (!model) return new Array(features).fill(0);
      // featureImportance() exists in 2.1.0's source (RandomForestBase) but not in its types.d.ts.
      const withImportance = model as unknown as { featureImportance(): number[] };
      const values = withImportance.featureImportance().map((v) => (Number.isFinite(v) ? v : 0));
      return normalizeSum(values);
    },
  };
}
