/**
 * K models of one method as one program: the entry point for sweeps, the study and the bench.
 * Use: `await selectBackend(...)` first, then `createModelGroupTrainer(models, method)`.
 * Today this trains them one after another (./sequential.ts); the batched engine replaces it behind
 * the same contract (./types.ts), so callers need not change.
 */
import type { MethodId } from '../../core/config';
import { createSequentialGroupTrainer } from './sequential';
import type { GroupModelSpec, ModelGroupTrainer } from './types';

export type { GroupChunkResult, GroupModelSpec, ModelGroupTrainer } from './types';

export function createModelGroupTrainer(models: readonly GroupModelSpec[], method: MethodId): ModelGroupTrainer {
  return createSequentialGroupTrainer(models, method);
}
