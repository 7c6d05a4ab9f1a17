/**
 * Registry of the eight AxBench targets (plus Bessel J_ν from the AXNet data).
 * Lookup by id is safe against prototype keys ('__proto__', 'constructor', …): it uses a Map.
 */
import { BESSEL_JNU } from './bessel';
import { BLACKSCHOLES } from './blackscholes';
import type { CustomFunctionConfig } from './customDefaults';
import { buildCustomTarget } from './customFunction';
import { FFT } from './fft';
import { INVERSEK2J } from './inversek2j';
import { JMEINT } from './jmeint';
import { JPEG } from './jpeg';
import { KMEANS } from './kmeans';
import { SOBEL } from './sobel';
import { CUSTOM_TARGET_ID, type LabTargetId, TARGET_IDS, type TargetId, type TargetSpec } from './types';

export { CUSTOM_TARGET_ID, LAB_TARGET_IDS, TARGET_IDS } from './types';
export type { LabTargetId, TargetId, TargetSpec, BoundPreset, TopologyPreset, ErrorMetricId } from './types';

/** A registered benchmark's spec: its id is one of TARGET_IDS. */
export type BenchmarkSpec = TargetSpec & { readonly id: TargetId };

export const TARGETS: Readonly<Record<TargetId, BenchmarkSpec>> = Object.freeze({
  bessel_Jnu: BESSEL_JNU,
  blackscholes: BLACKSCHOLES,
  fft: FFT,
  inversek2j: INVERSEK2J,
  jmeint: JMEINT,
  jpeg: JPEG,
  kmeans: KMEANS,
  sobel: SOBEL,
} as Record<TargetId, BenchmarkSpec>);

const TARGETS_BY_ID: ReadonlyMap<string, BenchmarkSpec> = new Map(TARGET_IDS.map((id) => [id, TARGETS[id]]));

/** The spec of target `id`; throws `Unsupported target: ${id}` for anything else. */
export function getTarget(id: string): BenchmarkSpec {
  const spec = TARGETS_BY_ID.get(id);
  if (spec === undefined) throw new Error(`Unsupported target: ${id}`);
  return spec;
}

/** All eight targets, in TARGET_IDS order. */
export function listTargets(): BenchmarkSpec[] {
  return TARGET_IDS.map((id) => TARGETS[id]);
}

/** True if `id` names a registered target. */
export function isTargetId(id: string): id is TargetId {
  return TARGETS_BY_ID.has(id);
}

/**
 * The spec of a lab config's target: the registered benchmark, or the user's own function built from
 * `customFunction` (customFunction.ts; throws when that does not pass its check). The one lookup for a
 * config's target: the dataset, the training methods, the views and the CLI all go through it.
 */
export function resolveTarget(config: { readonly target: LabTargetId; readonly customFunction?: Readonly<CustomFunctionConfig> }): TargetSpec {
  if (config.target !== CUSTOM_TARGET_ID) return getTarget(config.target);
  if (config.customFunction === undefined) throw new Error('The custom target needs its function (customFunction)');
  return buildCustomTarget(config.customFunction);
}
