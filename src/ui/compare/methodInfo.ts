/** Display names, descriptions and chart colours of the training methods (one table, keyed by MethodId). */
import type { MethodId } from '../../core/config';

export const METHOD_LABELS: Readonly<Record<MethodId, { name: string; description: string }>> = {
  axnet: { name: 'AXNet', description: 'Approximator and predictor fused by control vectors, trained end to end on J = MSE + CE (§III-B)' },
  onepass: { name: 'onepass', description: 'Mahajan et al.: train the approximator, label the data, then train the predictor once' },
  iterative: { name: 'iterative', description: 'Xu et al. (DAC’17): alternate approximator and classifier for several rounds, choosing the training subset each round' },
  weightsharing: { name: 'weight sharing', description: 'Shared first hidden layer, J = La + Lp: the false start of §III-A, whose invocation oscillates (Fig. 2a)' },
  lone: { name: 'lone approximator', description: 'An approximator with no predictor (Fig. 4c)' },
};

/** Distinct colours, one per method; the same in the compare chart and the table. */
export const METHOD_COLORS: Readonly<Record<MethodId, string>> = {
  axnet: '#1565c0',
  onepass: '#ef6c00',
  iterative: '#2e7d32',
  weightsharing: '#c62828',
  lone: '#6a1b9a',
};

/** The step budget in one sentence; METHOD_BUDGET_RULE (src/core/methods/budget.ts) has the full rule. */
export const STEP_BUDGET_RULE =
  'every network-training phase gets the same number of Adam steps N (AXNet, weight sharing, lone: N; onepass: 2N; iterative: 2R·N).';

/** Distinct canvas dash patterns (CSS px), one per method, so curves stay apart without colour (print, colour blindness). */
export const METHOD_DASHES: Readonly<Record<MethodId, number[] | undefined>> = {
  axnet: undefined,
  onepass: [12, 6],
  iterative: [3, 5],
  weightsharing: [14, 5, 3, 5],
  lone: [7, 7],
};
