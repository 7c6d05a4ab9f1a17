/**
 * Xu et al.'s (DAC'17) choice of the next approximator training subset (their `choose_type`,
 * reference README §3). Pure: no tf.
 */
import type { ChooseType } from '../config';

/** What each choose_type keeps, for the UI. */
export const CHOOSE_TYPE_DESCRIPTIONS: Readonly<Record<ChooseType, string>> = {
  0: 'safe by the approximator or by the classifier',
  1: 'safe by the classifier',
  2: 'safe by the approximator',
  3: 'safe by both (their default)',
  4: 'all training data',
};

export interface NextSubset {
  /** Training-sample indices, ascending. */
  indices: Int32Array;
  /** The rule selected no sample, so `indices` is all of the training data instead. */
  fellBack: boolean;
}

/**
 * The next subset from per-sample decisions on the WHOLE training set.
 * approxSafe[s]: eq. 1 label of the current approximator; classifierSafe[s]: the classifier says safe.
 * Empty selection → all data (fellBack), so the approximator always has something to train on.
 */
export function chooseNextSubset(approxSafe: ArrayLike<number | boolean>, classifierSafe: ArrayLike<number | boolean>, chooseType: ChooseType): NextSubset {
  const n = approxSafe.length;
  if (classifierSafe.length !== n) throw new Error(`chooseNextSubset: ${n} approximator labels but ${classifierSafe.length} classifier decisions`);
  const keep = (a: boolean, c: boolean): boolean => {
    switch (chooseType) {
      case 0:
        return a || c;
      case 1:
        return c;
      case 2:
        return a;
      case 3:
        return a && c;
      case 4:
        return true;
      default: {
        const unknown: never = chooseType;
        throw new Error(`Unsupported choose_type: ${String(unknown)}`);
      }
    }
  };
  const picked: number[] = [];
  for (let s = 0; s < n; s++) if (keep(Boolean(approxSafe[s]), Boolean(classifierSafe[s]))) picked.push(s);
  if (picked.length === 0 && n > 0) return { indices: Int32Array.from({ length: n }, (_, s) => s), fellBack: true };
  return { indices: Int32Array.from(picked), fellBack: false };
}
