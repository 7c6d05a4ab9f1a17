/**
 * Registry of the eight AxBench targets (plus Bessel J_ν from the AXNet data).
 * Lookup by id is safe against prototype keys ('__proto__', 'constructor', …): it uses a Map.
 */
import { BESSEL_JNU } from './bessel';
import { BLACKSCHOLES } from './blackscholes';
import { FFT } from './fft';
import { INVERSEK2J } from './inversek2j';
import { JMEINT } from './jmeint';
import { JPEG } from './jpeg';
import { KMEANS } from './kmeans';
import { SOBEL } from './sobel';
import { TARGET_IDS, type TargetId, type TargetSpec } from './types';

export { TARGET_IDS } from './types';
export type { TargetId, TargetSpec, BoundPreset, TopologyPreset, ErrorMetricId } from './types';

export const TARGETS: Readonly<Record<TargetId, TargetSpec>> = Object.freeze({
  bessel_Jnu: BESSEL_JNU,
  blackscholes: BLACKSCHOLES,
  fft: FFT,
  inversek2j: INVERSEK2J,
  jmeint: JMEINT,
  jpeg: JPEG,
  kmeans: KMEANS,
  sobel: SOBEL,
});

const TARGETS_BY_ID: ReadonlyMap<string, TargetSpec> = new Map(TARGET_IDS.map((id) => [id, TARGETS[id]]));

/** The spec of target `id`; throws `Unsupported target: ${id}` for anything else. */
export function getTarget(id: string): TargetSpec {
  const spec = TARGETS_BY_ID.get(id);
  if (spec === undefined) throw new Error(`Unsupported target: ${id}`);
  return spec;
}

/** All eight targets, in TARGET_IDS order. */
export function listTargets(): TargetSpec[] {
  return TARGET_IDS.map((id) => TARGETS[id]);
}

/** True if `id` names a registered target. */
export function isTargetId(id: string): id is TargetId {
  return TARGETS_BY_ID.has(id);
}
