/**
 * The remembered outcome of a backend measurement (src/ml/backend.ts, 'auto'): which backend trained this
 * net fastest in this browser, and the steps/s each candidate reached. It is keyed by the browser
 * (navigator.userAgent) and the net's shape, the only things the measured rates depend on, so the next
 * Play with the same shape skips measuring. What is read back is untrusted (another version of the lab,
 * a hand-edited store): parseBackendCacheEntry accepts only a well-formed, current, unexpired record.
 */
import { BACKEND_CHAIN, type BackendName, type LabConfig, type MethodId } from './config';

/** Bump when the meaning of a record changes; older records are then ignored. */
export const BACKEND_CACHE_VERSION = 1;
/** A measurement older than this is taken again (browsers and drivers update). */
export const BACKEND_CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface BackendCacheEntry {
  version: typeof BACKEND_CACHE_VERSION;
  key: string;
  /** The fastest backend measured. */
  backend: BackendName;
  /** Measured training steps per second of every candidate that completed a timed step. */
  rates: Partial<Record<BackendName, number>>;
  /** Date.now() of the measurement, ms. */
  measuredAt: number;
}

/** What a step costs depends on the browser and the net: target (input/output widths), method, widths, batch, lone approximator. */
export function computeBackendCacheKey(
  userAgent: string,
  config: Pick<LabConfig, 'target' | 'approximatorHidden' | 'predictorHidden' | 'batchSize' | 'trainLone'>,
  method: MethodId,
): string {
  const shape = `${config.target}|${method}|A${config.approximatorHidden.join('-')}|C${config.predictorHidden.join('-')}|b${config.batchSize}|lone${config.trainLone ? 1 : 0}`;
  return `${userAgent}|${shape}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_CHAIN as readonly string[]).includes(value);
}

/**
 * The entry for `key`, or null when `raw` is not one: wrong version or key, an unknown backend, a rate that
 * is not a positive finite number, the winner without a rate or not the fastest, a time in the future or
 * older than BACKEND_CACHE_MAX_AGE_MS.
 */
export function parseBackendCacheEntry(raw: unknown, key: string, now: number): BackendCacheEntry | null {
  if (!isRecord(raw)) return null;
  if (raw.version !== BACKEND_CACHE_VERSION || raw.key !== key || !isBackendName(raw.backend)) return null;
  const measuredAt = raw.measuredAt;
  if (typeof measuredAt !== 'number' || !Number.isFinite(measuredAt) || measuredAt > now || now - measuredAt > BACKEND_CACHE_MAX_AGE_MS) return null;
  if (!isRecord(raw.rates)) return null;
  const rates: Partial<Record<BackendName, number>> = {};
  for (const [name, rate] of Object.entries(raw.rates)) {
    if (!isBackendName(name) || typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) return null;
    rates[name] = rate;
  }
  const best = rates[raw.backend];
  if (best === undefined || Object.values(rates).some((rate) => rate > best)) return null;
  return { version: BACKEND_CACHE_VERSION, key, backend: raw.backend, rates, measuredAt };
}

/** Where entries live (IndexedDB in the training worker, a Map in tests). Failures read as "no entry". */
export interface BackendCacheStore {
  read(key: string): Promise<unknown>;
  write(entry: BackendCacheEntry): Promise<void>;
}
