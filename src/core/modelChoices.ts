/**
 * Two choices about the model that the paper leaves open or prints two ways (issue 11), one table each:
 * how the biases start, and where AXNet's ⊙c(i) sits in a hidden layer. The config and the link carry the
 * ids (src/core/config.ts); src/ml, src/core/axnetMath.ts, the NPU schedule, the UI and the study read the
 * values, labels and sources from here.
 */
import type { ControlPlacement, Initialization } from './config';

/** Where a value comes from: printed in the paper, checked against the authors' code, or the lab's own choice. */
export type ChoiceStatus = 'paper' | 'verified' | 'unverified' | 'estimate' | 'interpretation';

/** Standard deviation of the N(0, σ) kernel initialization, the same for every initialization (authors' code; reference §2). */
export const INIT_KERNEL_STDDEV = 0.1;

export interface InitializationSpec {
  /** Short label of the select. */
  label: string;
  /** Every bias of every net starts at this value (kernels: N(0, INIT_KERNEL_STDDEV) from the seeded stream). */
  bias: number;
  /** One line for the tooltip: what it is and whose it is. */
  description: string;
  source: string;
  status: ChoiceStatus;
}

export const INITIALIZATION_SPECS: Readonly<Record<Initialization, InitializationSpec>> = Object.freeze({
  authorsZeroBias: {
    label: 'authors’ code: zero biases',
    bias: 0,
    description:
      'The authors’ code: kernels N(0, 0.1), biases the dense layer’s default zeros. A small ReLU baseline can die with it (Bessel 2-4-4-1: all second-layer units dead in 2 of 3 seeds, issue 11).',
    source: 'authors’ code (dense-layer default bias; issue 11’s check against it), kernels reference §2',
    status: 'verified',
  },
  'bias0.1': {
    label: 'biases 0.1 (lab default)',
    bias: 0.1,
    description:
      'Lab choice, not the authors’ code: kernels N(0, 0.1), every bias 0.1 (the TF1 tf.constant(0.1) idiom for ReLU nets). With zero biases and lr 1e-2 the 2-4-4-1 lone approximator died in 3 of 6 seeds at bound 0.05; with 0.1 none did.',
    source: 'lab measurement (3000 steps, 6 seeds, bessel_Jnu bound 0.05)',
    status: 'interpretation',
  },
});

export interface ControlPlacementSpec {
  label: string;
  /** a(i+1) as computed, in the paper's notation. */
  formula: string;
  description: string;
  source: string;
  status: ChoiceStatus;
}

export const CONTROL_PLACEMENT_SPECS: Readonly<Record<ControlPlacement, ControlPlacementSpec>> = Object.freeze({
  afterActivation: {
    label: 'after the activation (Alg. 1, §IV, authors’ code)',
    formula: 'a(i+1) = f(W(i)ᵀa(i) + b(i)) ⊙ c(i)',
    description:
      '⊙c(i) multiplies the activated value: Algorithm 1 line 9, the PE of §IV (a multiplier after the activate unit) and the authors’ code. Eq. 4 as printed puts it inside f().',
    source: 'paper (Algorithm 1 line 9, §IV Fig. 5b) and authors’ code',
    status: 'paper',
  },
  insideActivation: {
    label: 'inside the activation (eq. 4 as printed)',
    formula: 'a(i+1) = f(W(i)ᵀa(i) ⊙ c(i) + b(i))',
    description:
      'Eq. 4 as printed: ⊙c(i) multiplies W(i)ᵀa(i) before the bias and the activation. Algorithm 1, the §IV PE and the authors’ code put it after the activation instead.',
    source: 'paper (eq. 4 as printed)',
    status: 'paper',
  },
});

/** "a(i+1) = f(W(i)ᵀa(i) + b(i)) ⊙ c(i), after the activation (Alg. 1, §IV, authors’ code)": the caption of what runs. */
export function describeControlPlacement(placement: ControlPlacement): string {
  const spec = CONTROL_PLACEMENT_SPECS[placement];
  if (!spec) throw new Error(`Unsupported control placement: ${String(placement)}`);
  return `${spec.formula}, ⊙c ${spec.label}`;
}

/** The initial bias of `initialization` (throws on an unknown id). */
export function getInitialBias(initialization: Initialization): number {
  const spec = INITIALIZATION_SPECS[initialization];
  if (!spec) throw new Error(`Unsupported initialization: ${String(initialization)}`);
  return spec.bias;
}
