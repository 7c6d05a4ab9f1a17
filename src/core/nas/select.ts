/**
 * Online selection from the Pareto set (DATE'20 §III-D, Table 1, eq. 6, Fig. 4a; reference B.5). Each mode returns
 * the index of its pick in `front`, or null with the reason no point qualifies:
 * - 'quality': the highest accuracy among points meeting the energy constraint η_eer ≥ C_energy (Fig. 4a's quality
 *   pick lies inside the energy threshold: 'interpretation');
 * - 'energy': the highest energy reduction (the lowest energy) among points with η_acc ≥ C_accuracy;
 * - 'integrated' (eq. 6): argmax over points meeting both constraints of
 *     θ·(η_acc − C_accuracy) + (1 − θ)·(η_eer − C_energy)/E_norm,
 *   θ ∈ [0, 1], E_norm = the largest η_eer over the front unless given ('interpretation'; ≤ 0 or non-finite → 1).
 * C_speedup (in C but used by no mode) is an extra filter on every mode when given ('interpretation').
 * Ties: the lowest index wins. Points with a non-finite accuracy or energy reduction never qualify.
 */

export const NAS_SELECTION_MODES = ['quality', 'energy', 'integrated'] as const;
export type NasSelectionMode = (typeof NAS_SELECTION_MODES)[number];

export interface NasFrontPoint {
  accuracy: number;
  energyReduction: number;
  speedup?: number;
}

export interface NasSelectionOptions {
  mode: NasSelectionMode;
  /** C_accuracy: least P_acc (Fig. 4a: 0.9). */
  cAcc: number;
  /** C_energy: least energy reduction (Fig. 4a: 2.5×). */
  cEnergy: number;
  /** C_speedup: least speedup, or undefined for none. */
  cSpeed?: number;
  /** θ of eq. 6 (integrated mode only). */
  theta: number;
  /** E_norm of eq. 6; default max η_eer over the front. */
  eNorm?: number;
}

export interface NasSelection {
  pick: number | null;
  reason: string;
}

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const times = (v: number) => `${Number(v.toPrecision(3))}×`;

export function selectOnline(front: readonly NasFrontPoint[], options: NasSelectionOptions): NasSelection {
  const { mode, cAcc, cEnergy, cSpeed } = options;
  const usable = (p: NasFrontPoint) => Number.isFinite(p.accuracy) && Number.isFinite(p.energyReduction);
  const speedOk = (p: NasFrontPoint) => cSpeed === undefined || (p.speedup !== undefined && p.speedup >= cSpeed);
  const accOk = (p: NasFrontPoint) => p.accuracy >= cAcc;
  const energyOk = (p: NasFrontPoint) => p.energyReduction >= cEnergy;
  const speedText = cSpeed === undefined ? '' : ` and speedup ≥ ${times(cSpeed)}`;
  if (front.length === 0) return { pick: null, reason: 'The Pareto front is empty: nothing has been evaluated.' };

  let feasible: (p: NasFrontPoint) => boolean;
  let score: (p: NasFrontPoint) => number;
  let label: string;
  let constraintText: string;
  switch (mode) {
    case 'quality':
      feasible = (p) => usable(p) && energyOk(p) && speedOk(p);
      score = (p) => p.accuracy;
      label = 'highest accuracy';
      constraintText = `energy reduction ≥ ${times(cEnergy)}${speedText}`;
      break;
    case 'energy':
      feasible = (p) => usable(p) && accOk(p) && speedOk(p);
      score = (p) => p.energyReduction;
      label = 'highest energy reduction';
      constraintText = `accuracy ≥ ${percent(cAcc)}${speedText}`;
      break;
    case 'integrated': {
      const theta = Math.min(1, Math.max(0, Number.isFinite(options.theta) ? options.theta : 0.5));
      const frontMax = Math.max(...front.filter(usable).map((p) => p.energyReduction));
      const given = options.eNorm;
      const eNorm = given !== undefined && given > 0 && Number.isFinite(given) ? given : frontMax > 0 && Number.isFinite(frontMax) ? frontMax : 1;
      feasible = (p) => usable(p) && accOk(p) && energyOk(p) && speedOk(p);
      // eq. 6: θ·(η_acc − C_acc) + (1 − θ)·(η_eer − C_energy)/E_norm
      score = (p) => theta * (p.accuracy - cAcc) + ((1 - theta) * (p.energyReduction - cEnergy)) / eNorm;
      label = `largest eq. 6 score (θ = ${theta})`;
      constraintText = `accuracy ≥ ${percent(cAcc)} and energy reduction ≥ ${times(cEnergy)}${speedText}`;
      break;
    }
    default: {
      const unknown: never = mode;
      throw new Error(`Unsupported selection mode: ${String(unknown)}`);
    }
  }
  let pick: number | null = null;
  let best = Number.NEGATIVE_INFINITY;
  front.forEach((p, i) => {
    if (!feasible(p)) return;
    const s = score(p);
    if (pick === null || s > best) {
      pick = i;
      best = s;
    }
  });
  if (pick === null) return { pick: null, reason: `No point of the Pareto front has ${constraintText}.` };
  return { pick, reason: `The ${label} among the front's points with ${constraintText}.` };
}
