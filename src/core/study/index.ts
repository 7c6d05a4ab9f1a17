/** The §V reproduction study (pure TS): plan → groups → runner (training injected) → figures, claims, SVG, report; shards and their merge. */
export * from './plan';
export * from './results';
export * from './figures';
export * from './claims';
export * from './svg';
export * from './report';
export * from './groups';
export * from './runner';
export * from './shard';
export * from './protocols';
export * from './protocolView';
export * from './stats';
export * from './sweep';
