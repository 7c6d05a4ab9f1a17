/** The §V reproduction study (pure TS): plan → (training elsewhere) → figures, claims, SVG, report. */
export * from './plan';
export * from './results';
export * from './figures';
export * from './claims';
export * from './svg';
export * from './report';
