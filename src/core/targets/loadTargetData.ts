/**
 * Fetches what a target needs before its rows can be drawn (TargetSpec.loadData: the photographs for
 * jpeg, sobel and kmeans, photos.ts; mathjs' parser for the custom target, expressionParser.ts). Function targets need nothing. Await it in every entry that samples
 * a target: the training worker, the CLI, the study runner, the NPU view (useTargetData).
 */
import { getTarget } from './index';
import { getExpressionParser, loadExpressionParser } from './expressionParser';
import { CUSTOM_TARGET_ID } from './types';

const loaded = new Set<string>();

export async function loadTargetData(id: string): Promise<void> {
  if (id === CUSTOM_TARGET_ID) return loadExpressionParser(); // the user's function: mathjs' parser, nothing else
  const load = getTarget(id).loadData;
  if (load) await load();
  loaded.add(id);
}

/** True when `id` can be sampled synchronously now (nothing to load, or loadTargetData(id) has resolved). */
export function isTargetDataLoaded(id: string): boolean {
  if (id === CUSTOM_TARGET_ID) return getExpressionParser() !== null;
  return getTarget(id).loadData === undefined || loaded.has(id);
}
