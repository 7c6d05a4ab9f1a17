/**
 * The NAS search space of Chen et al. (DATE'20 §III-B eq. 2, §IV-B; reference axtrain-nas.md B.2): 1..maxHiddenLayers
 * hidden layers of 1..maxWidth neurons, each with an activation ∈ {relu, sigmoid, tanh} (per layer as in eq. 2, or one
 * shared activation as §II's O(P·M^L) suggests: 'interpretation'). The layer count L is the root of the conditional
 * space: n_2 and A_2 exist only when L = 2, so a configuration never carries them otherwise (types.ts).
 *
 * AXNet-NAS (issue 10 §5): with `predictor` set, a candidate is also the predictor's hidden widths
 * (L_p ∈ 1..predictor.maxHiddenLayers, each 1..predictor.maxWidth, ReLU): the space is χ_approximator × χ_predictor,
 * and the predictor's depth is a second root of the conditional space (p_2 exists only when L_p = 2). Every lab
 * AXNet, onepass and iterative net is ReLU, so a predictor space has activations ['relu'] only. predictor absent or
 * null: the lone approximator's space, exactly as before (keys, vectors, counts, draws).
 */
import type { Rng } from '../rng';
import { NAS_ACTIVATIONS, type NasActivation, type NasConfig, type NasHiddenLayer } from './types';

export interface NasSpaceOptions {
  /** 1 or 2 (the paper's "at most 2 hidden layers", §IV-B). */
  maxHiddenLayers: number;
  /** Widest hidden layer (the paper: 128, §IV-B). */
  maxWidth: number;
  /** The activations a hidden layer may take (the paper: all three). */
  activations: readonly NasActivation[];
  /** One activation for every hidden layer of a candidate. */
  sharedActivation: boolean;
  /** The predictor's hidden layers (AXNet-NAS), or absent/null for a lone approximator. */
  predictor?: NasPredictorSpace | null;
}

export interface NasPredictorSpace {
  maxHiddenLayers: number;
  maxWidth: number;
}

/**
 * The predictor space of AXNet-NAS: 1–2 hidden ReLU layers of 1–32 neurons ('interpretation': the lab's predictors
 * have 3–16 neurons in one layer (src/core/targets/labDefaults.ts), the AXNet paper's 4–12 (Fig. 9, 10c); 32 is the
 * widest of the enumeration's predictor widths below).
 */
export const DEFAULT_NAS_PREDICTOR_SPACE: Readonly<NasPredictorSpace> = Object.freeze({ maxHiddenLayers: 2, maxWidth: 32 });

export const NAS_SPACE_LIMITS = {
  maxHiddenLayers: { min: 1, max: 2 },
  maxWidth: { min: 1, max: 128 },
} as const;

export const DEFAULT_NAS_SPACE: Readonly<NasSpaceOptions> = Object.freeze({
  maxHiddenLayers: 2,
  maxWidth: 128,
  activations: NAS_ACTIVATIONS,
  sharedActivation: false,
});

const clampInt = (value: number, min: number, max: number, fallback: number) => (Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback);

/**
 * A valid space from partial options: counts clamped, activations deduplicated in the registry's order (none given =
 * all). With a predictor its counts are clamped to the same limits and the activations are ['relu'] (the lab's
 * AXNet and baselines are ReLU nets); without one the result has no `predictor` key.
 */
export function createNasSpace(options: Partial<NasSpaceOptions> = {}): NasSpaceOptions {
  const d = DEFAULT_NAS_SPACE;
  const wanted = options.activations ?? d.activations;
  const activations = NAS_ACTIVATIONS.filter((a) => wanted.includes(a));
  const space: NasSpaceOptions = {
    maxHiddenLayers: clampInt(options.maxHiddenLayers ?? d.maxHiddenLayers, NAS_SPACE_LIMITS.maxHiddenLayers.min, NAS_SPACE_LIMITS.maxHiddenLayers.max, d.maxHiddenLayers),
    maxWidth: clampInt(options.maxWidth ?? d.maxWidth, NAS_SPACE_LIMITS.maxWidth.min, NAS_SPACE_LIMITS.maxWidth.max, d.maxWidth),
    activations: activations.length > 0 ? activations : [...NAS_ACTIVATIONS],
    sharedActivation: options.sharedActivation ?? d.sharedActivation,
  };
  const predictor = options.predictor;
  if (!predictor) return space;
  const p = DEFAULT_NAS_PREDICTOR_SPACE;
  return {
    ...space,
    activations: ['relu'],
    predictor: {
      maxHiddenLayers: clampInt(predictor.maxHiddenLayers, NAS_SPACE_LIMITS.maxHiddenLayers.min, NAS_SPACE_LIMITS.maxHiddenLayers.max, p.maxHiddenLayers),
      maxWidth: clampInt(predictor.maxWidth, NAS_SPACE_LIMITS.maxWidth.min, NAS_SPACE_LIMITS.maxWidth.max, p.maxWidth),
    },
  };
}

/** Whether predictor widths lie in a predictor space (1..maxHiddenLayers layers of 1..maxWidth). */
function isPredictorInSpace(widths: readonly number[], space: NasPredictorSpace): boolean {
  return widths.length >= 1 && widths.length <= space.maxHiddenLayers && widths.every((w) => Number.isInteger(w) && w >= 1 && w <= space.maxWidth);
}

/** Whether `config` lies in `space` (layer count, widths, activations, shared activation; a predictor iff the space has one). */
export function isInSpace(config: NasConfig, space: NasSpaceOptions): boolean {
  const { layers } = config;
  if (space.predictor ? !config.predictor || !isPredictorInSpace(config.predictor, space.predictor) : config.predictor !== undefined) return false;
  if (layers.length < 1 || layers.length > space.maxHiddenLayers) return false;
  for (const layer of layers) {
    if (!Number.isInteger(layer.width) || layer.width < 1 || layer.width > space.maxWidth) return false;
    if (!space.activations.includes(layer.activation)) return false;
  }
  return !space.sharedActivation || layers.every((layer) => layer.activation === layers[0].activation);
}

/**
 * |χ| = Σ_{L=1}^{maxL} W^L · A^L per layer, or Σ W^L · A shared (B.2: 128·3 + 128²·3² = 147,840; 384 + 49,152 = 49,536);
 * with a predictor, times Σ_{L_p=1}^{maxL_p} W_p^{L_p} (AXNet-NAS: 16,512 · (32 + 32²) = 17,436,672 by default).
 */
export function countConfigurations(space: NasSpaceOptions): number {
  const W = space.maxWidth;
  const A = space.activations.length;
  let count = 0;
  for (let L = 1; L <= space.maxHiddenLayers; L++) count += W ** L * (space.sharedActivation ? A : A ** L);
  if (!space.predictor) return count;
  let predictors = 0;
  for (let L = 1; L <= space.predictor.maxHiddenLayers; L++) predictors += space.predictor.maxWidth ** L;
  return count * predictors;
}

/**
 * A uniform draw as ConfigSpace samples a conditional space: L uniform, then each active width and activation
 * uniform given L (so not uniform over χ: a one-layer net is drawn half the time); with a predictor, then L_p
 * uniform and each active predictor width uniform given L_p (drawn after the approximator's, so a lone space draws
 * exactly what it drew before).
 */
export function sampleConfig(rng: Rng, space: NasSpaceOptions): NasConfig {
  const L = 1 + rng.int(space.maxHiddenLayers);
  const shared = space.sharedActivation ? space.activations[rng.int(space.activations.length)] : null;
  const layers: NasHiddenLayer[] = [];
  for (let i = 0; i < L; i++) {
    const width = 1 + rng.int(space.maxWidth);
    layers.push({ width, activation: shared ?? space.activations[rng.int(space.activations.length)] });
  }
  if (!space.predictor) return { layers };
  const Lp = 1 + rng.int(space.predictor.maxHiddenLayers);
  const predictor: number[] = [];
  for (let i = 0; i < Lp; i++) predictor.push(1 + rng.int(space.predictor.maxWidth));
  return { layers, predictor };
}

/**
 * SMAC's one-exchange neighbourhood (SMAC3 local search; D.2.1): each width ±1 and ±8 (clamped to 1..maxWidth),
 * each other activation (of one layer, or of all layers when shared), a layer added after the last (a copy of it)
 * and each layer removed; with a predictor, the approximator's moves keep the predictor, then the same width, add and
 * remove moves on the predictor's layers keep the approximator. No duplicates and never `config` itself; order fixed
 * (deterministic search).
 */
export function neighbours(config: NasConfig, space: NasSpaceOptions): NasConfig[] {
  const { layers, predictor } = config;
  const out: NasConfig[] = [];
  const seen = new Set<string>([configKey(config)]);
  const pushConfig = (next: NasConfig) => {
    const key = configKey(next);
    if (seen.has(key) || !isInSpace(next, space)) return;
    seen.add(key);
    out.push(next);
  };
  const push = (candidate: NasHiddenLayer[]) => {
    const next: NasConfig = predictor ? { layers: candidate, predictor: [...predictor] } : { layers: candidate };
    const key = configKey(next);
    if (seen.has(key) || !isInSpace(next, space)) return;
    seen.add(key);
    out.push(next);
  };
  layers.forEach((layer, i) => {
    for (const delta of [-8, -1, 1, 8]) {
      const width = Math.min(space.maxWidth, Math.max(1, layer.width + delta));
      push(layers.map((l, j) => (j === i ? { ...l, width } : { ...l })));
    }
  });
  for (const activation of space.activations) {
    if (space.sharedActivation) {
      push(layers.map((l) => ({ ...l, activation })));
    } else {
      layers.forEach((_, i) => {
        push(layers.map((l, j) => (j === i ? { ...l, activation } : { ...l })));
      });
    }
  }
  if (layers.length < space.maxHiddenLayers) push([...layers.map((l) => ({ ...l })), { ...layers[layers.length - 1] }]);
  if (layers.length > 1) layers.forEach((_, i) => push(layers.filter((__, j) => j !== i).map((l) => ({ ...l }))));
  if (!predictor || !space.predictor) return out;
  const withPredictor = (widths: number[]) => pushConfig({ layers: layers.map((l) => ({ ...l })), predictor: widths });
  const maxPredictorWidth = space.predictor.maxWidth;
  predictor.forEach((width, i) => {
    for (const delta of [-8, -1, 1, 8]) withPredictor(predictor.map((w, j) => (j === i ? Math.min(maxPredictorWidth, Math.max(1, width + delta)) : w)));
  });
  if (predictor.length < space.predictor.maxHiddenLayers) withPredictor([...predictor, predictor[predictor.length - 1]]);
  if (predictor.length > 1) predictor.forEach((_, i) => withPredictor(predictor.filter((__, j) => j !== i)));
  return out;
}

/** Length of `encode`'s vector: L, then (width, activation index) per possible layer; with a predictor, L_p and its widths. */
export function encodedLength(space: NasSpaceOptions): number {
  return 1 + 2 * space.maxHiddenLayers + (space.predictor ? 1 + space.predictor.maxHiddenLayers : 0);
}

/** The value of an inactive parameter in `encode` (below every active value of its column). */
export const NAS_INACTIVE = -1;

/**
 * λ → [L, n_1, a_1, …, n_maxL, a_maxL] with a_i the activation's index in NAS_ACTIVATIONS. Inactive parameters
 * (n_i, a_i for i > L) are −1, the analogue of SMAC3's `_impute_inactive` (reference C.1: impute and say so), so a
 * tree can split them off from every active value. With a predictor: then [L_p, p_1, …, p_maxLp], inactive p_i = −1.
 */
export function encode(config: NasConfig, space: NasSpaceOptions): number[] {
  const vector = [config.layers.length];
  for (let i = 0; i < space.maxHiddenLayers; i++) {
    const layer = config.layers[i];
    if (layer) vector.push(layer.width, NAS_ACTIVATIONS.indexOf(layer.activation));
    else vector.push(NAS_INACTIVE, NAS_INACTIVE);
  }
  if (space.predictor) {
    const predictor = config.predictor ?? [];
    vector.push(predictor.length);
    for (let i = 0; i < space.predictor.maxHiddenLayers; i++) vector.push(predictor[i] ?? NAS_INACTIVE);
  }
  return vector;
}

/** The inverse of `encode`; throws on a vector that names no configuration of `space`. */
export function decode(vector: readonly number[], space: NasSpaceOptions): NasConfig {
  if (vector.length !== encodedLength(space)) throw new Error(`NAS vector of length ${vector.length}; expected ${encodedLength(space)}`);
  const L = vector[0];
  const layers: NasHiddenLayer[] = [];
  for (let i = 0; i < L; i++) {
    const activation = NAS_ACTIVATIONS[vector[2 + 2 * i]];
    if (activation === undefined) throw new Error(`NAS vector ${vector.join(',')}: unknown activation index at layer ${i + 1}`);
    layers.push({ width: vector[1 + 2 * i], activation });
  }
  for (let i = L; i < space.maxHiddenLayers; i++) {
    if (vector[1 + 2 * i] !== NAS_INACTIVE || vector[2 + 2 * i] !== NAS_INACTIVE) throw new Error(`NAS vector ${vector.join(',')}: layer ${i + 1} is inactive but set`);
  }
  const config: NasConfig = { layers };
  if (space.predictor) {
    const base = 1 + 2 * space.maxHiddenLayers;
    const Lp = vector[base];
    const predictor: number[] = [];
    for (let i = 0; i < space.predictor.maxHiddenLayers; i++) {
      const width = vector[base + 1 + i];
      if (i < Lp) predictor.push(width);
      else if (width !== NAS_INACTIVE) throw new Error(`NAS vector ${vector.join(',')}: predictor layer ${i + 1} is inactive but set`);
    }
    config.predictor = predictor;
  }
  if (!isInSpace(config, space)) throw new Error(`NAS vector ${vector.join(',')} is outside the search space`);
  return config;
}

const ACTIVATION_LETTERS: Readonly<Record<NasActivation, string>> = { relu: 'r', sigmoid: 's', tanh: 't' };

/** Separates the approximator's part of a key from the predictor's ("16r-8r|p8-8"). */
const PREDICTOR_KEY_MARK = '|p';

/** A stable key: width and activation letter per layer, input to output ("16s-8t"); with a predictor "16r-8r|p8-8". */
export function configKey(config: NasConfig): string {
  const approximator = config.layers.map((layer) => `${layer.width}${ACTIVATION_LETTERS[layer.activation]}`).join('-');
  return config.predictor ? `${approximator}${PREDICTOR_KEY_MARK}${config.predictor.join('-')}` : approximator;
}

/** The inverse of `configKey`, or null for text that is not a key. */
export function parseConfigKey(key: string): NasConfig | null {
  const mark = key.indexOf(PREDICTOR_KEY_MARK);
  if (mark >= 0) {
    const approximator = parseConfigKey(key.slice(0, mark));
    const widths = key.slice(mark + PREDICTOR_KEY_MARK.length).split('-');
    if (!approximator || !widths.every((w) => /^[1-9]\d{0,3}$/.test(w))) return null;
    return { layers: approximator.layers, predictor: widths.map(Number) };
  }
  const parts = key.split('-');
  const layers: NasHiddenLayer[] = [];
  for (const part of parts) {
    const match = /^(\d{1,4})([rst])$/.exec(part);
    if (!match) return null;
    const activation = NAS_ACTIVATIONS.find((a) => ACTIVATION_LETTERS[a] === match[2]);
    if (!activation) return null;
    layers.push({ width: Number(match[1]), activation });
  }
  return { layers };
}

/** For the UI: "2 layers: 16 sigmoid → 8 tanh", "1 layer: 32 relu"; with a predictor "1 layer: 32 relu; predictor 8 → 8". */
export function describeConfig(config: NasConfig): string {
  const n = config.layers.length;
  const approximator = `${n} ${n === 1 ? 'layer' : 'layers'}: ${config.layers.map((l) => `${l.width} ${l.activation}`).join(' → ')}`;
  return config.predictor ? `${approximator}; predictor ${config.predictor.join(' → ')}` : approximator;
}

/** Every predictor of a predictor space in a fixed order (L_p, then widths, the last fastest). */
function* enumeratePredictors(space: NasPredictorSpace): Generator<number[]> {
  for (let L = 1; L <= space.maxHiddenLayers; L++) {
    const count = space.maxWidth ** L;
    for (let index = 0; index < count; index++) {
      const widths: number[] = [];
      let rest = index;
      for (let i = 0; i < L; i++) {
        widths.unshift(1 + (rest % space.maxWidth));
        rest = Math.floor(rest / space.maxWidth);
      }
      yield widths;
    }
  }
}

/**
 * Every configuration of `space` in a fixed order (L, then widths, then activations; with a predictor, each of those
 * with every predictor in enumeratePredictors' order); 147,840 for the default space.
 */
export function* enumerateSpace(space: NasSpaceOptions): Generator<NasConfig> {
  if (space.predictor) {
    const predictorSpace = space.predictor;
    for (const { layers } of enumerateSpace({ ...space, predictor: null })) for (const predictor of enumeratePredictors(predictorSpace)) yield { layers, predictor };
    return;
  }
  const activationLists: NasActivation[][][] = [];
  for (let L = 1; L <= space.maxHiddenLayers; L++) {
    let lists: NasActivation[][] = space.sharedActivation ? space.activations.map((a) => new Array<NasActivation>(L).fill(a)) : [[]];
    if (!space.sharedActivation) for (let i = 0; i < L; i++) lists = lists.flatMap((list) => space.activations.map((a) => [...list, a]));
    activationLists.push(lists);
  }
  for (let L = 1; L <= space.maxHiddenLayers; L++) {
    const widthCount = space.maxWidth ** L;
    for (let index = 0; index < widthCount; index++) {
      const widths: number[] = [];
      let rest = index;
      for (let i = 0; i < L; i++) {
        widths.unshift(1 + (rest % space.maxWidth));
        rest = Math.floor(rest / space.maxWidth);
      }
      for (const activations of activationLists[L - 1]) yield { layers: widths.map((width, i) => ({ width, activation: activations[i] })) };
    }
  }
}
