/** The NAS search core (DATE'20; reference axtrain-nas.md Part B, D.2): pure TypeScript, no tf, no DOM. */
export * from './types';
export * from './space';
export * from './surrogate';
export * from './acquisition';
export * from './ledger';
export * from './smac';
export * from './baselines';
export * from './objective';
export * from './pareto';
export * from './select';
export * from './config';
