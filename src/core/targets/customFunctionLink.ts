/**
 * The custom target's part of the link: `fn=<expression, URI-encoded>&fn.x0=lo,hi&…&fn.x3=lo,hi`.
 * Read defensively like the rest of the link (src/core/link.ts): fixed keys, each range two decimals clamped to
 * ±CUSTOM_FUNCTION_LIMITS.maxRangeMagnitude, and the whole function checked by checkCustomFunction (whitelist,
 * limits, finite on the ranges). A refused function falls back to DEFAULT_CUSTOM_FUNCTION with a notice; a bad
 * range falls back to [0, 1] with a notice. Written only for target=custom, and only what differs from the defaults.
 */
import { DECIMAL_PATTERN } from '../decimal';
import { quoteLinkText } from '../linkFields';
import { message, type Message } from '../messages';
import { CUSTOM_MAX_INPUTS, DEFAULT_CUSTOM_FUNCTION, DEFAULT_CUSTOM_RANGE, cloneCustomFunction, type CustomFunctionConfig } from './customDefaults';
import { CUSTOM_FUNCTION_LIMITS, checkCustomFunction, compileCustomFunction } from './customFunction';

export const CUSTOM_FUNCTION_KEY = 'fn';
/** `fn.x0` … `fn.x3`: the range of each input. */
export const CUSTOM_RANGE_KEYS: readonly string[] = Array.from({ length: CUSTOM_MAX_INPUTS }, (_, i) => `${CUSTOM_FUNCTION_KEY}.x${i}`);
export const CUSTOM_FUNCTION_LINK_KEYS: readonly string[] = [CUSTOM_FUNCTION_KEY, ...CUSTOM_RANGE_KEYS];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** One `lo,hi` range: the clamped pair, or null (with a problem) when it is not two numbers with lo < hi. */
function readRange(key: string, raw: string, problems: Message[]): [number, number] | null {
  const parts = raw.split(',');
  if (parts.length !== 2 || !parts.every((part) => DECIMAL_PATTERN.test(part) && Number.isFinite(Number(part)))) {
    problems.push(message('linkCustomRangeBad', { key, value: quoteLinkText(raw), range: DEFAULT_CUSTOM_RANGE.join(', ') }));
    return null;
  }
  const limit = CUSTOM_FUNCTION_LIMITS.maxRangeMagnitude;
  const numbers = parts.map(Number);
  const [lo, hi] = numbers.map((value) => clamp(value, -limit, limit));
  if (!(lo < hi)) {
    problems.push(message('linkCustomRangeOrder', { key, value: quoteLinkText(raw), range: DEFAULT_CUSTOM_RANGE.join(', ') }));
    return null;
  }
  if (lo !== numbers[0] || hi !== numbers[1]) problems.push(message('linkCustomRangeOutside', { key, value: quoteLinkText(raw), limit, lo, hi }));
  return [lo, hi];
}

/** The custom function of a link (a fresh object); `active` is whether the link's target is custom. */
export function readCustomFunctionLink(get: (key: string) => string | undefined, active: boolean, problems: Message[]): CustomFunctionConfig {
  const config = cloneCustomFunction(DEFAULT_CUSTOM_FUNCTION);
  const present = CUSTOM_FUNCTION_LINK_KEYS.filter((key) => get(key) !== undefined);
  if (!active) {
    if (present.length > 0) problems.push(message(present.length > 1 ? 'linkCustomKeysAlone' : 'linkCustomKeyAlone', { keys: present.join(', ') }));
    return config;
  }
  CUSTOM_RANGE_KEYS.forEach((key, i) => {
    const raw = get(key);
    if (raw === undefined) return;
    const range = readRange(key, raw, problems);
    if (range) config.ranges[i] = range;
  });
  const expression = get(CUSTOM_FUNCTION_KEY);
  if (expression !== undefined) config.expression = expression;
  const checked = checkCustomFunction(config);
  if (checked.ok) {
    config.expression = checked.value.expression;
    return config;
  }
  problems.push(message('linkCustomRefused', { expression: quoteLinkText(config.expression), reason: checked.problem, fallback: DEFAULT_CUSTOM_FUNCTION.expression }));
  return cloneCustomFunction(DEFAULT_CUSTOM_FUNCTION);
}

/** `fn=…` when the expression is not the default, `fn.x<i>=lo,hi` for each used input whose range is not [0, 1]. */
export function formatCustomFunctionLink(config: Readonly<CustomFunctionConfig>): string[] {
  const parts: string[] = [];
  if (config.expression !== DEFAULT_CUSTOM_FUNCTION.expression) parts.push(`${CUSTOM_FUNCTION_KEY}=${encodeURIComponent(config.expression)}`);
  const compiled = compileCustomFunction(config.expression);
  const used = compiled.ok ? compiled.value.inputCount : CUSTOM_MAX_INPUTS;
  for (let i = 0; i < used; i++) {
    const [lo, hi] = config.ranges[i];
    if (lo !== DEFAULT_CUSTOM_RANGE[0] || hi !== DEFAULT_CUSTOM_RANGE[1]) parts.push(`${CUSTOM_RANGE_KEYS[i]}=${lo},${hi}`);
  }
  return parts;
}
