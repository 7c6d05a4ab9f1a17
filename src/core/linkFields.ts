/**
 * A link part described by one table of fields (Playground's state.ts idea): each row names its URL key,
 * the config field and how its text is validated. Reading is defensive (the link is untrusted): keys come
 * from the table only, values pass a strict pattern and are clamped, and the result is built field by field
 * from the defaults (never by merging parsed data). Writing emits only the fields that differ from the defaults.
 * Used by the AxTrain part of the link (src/core/axtrain/config.ts).
 */

import { DECIMAL_PATTERN } from './decimal';
import { message, type Message } from './messages';

const WIDTHS_PATTERN = /^\d{1,4}(-\d{1,4}){0,15}$/;

/** One field of a link part. T is the config object the table fills. */
export type LinkField<T> =
  | { key: string; field: keyof T & string; kind: 'int' | 'float'; min: number; max: number }
  | { key: string; field: keyof T & string; kind: 'enum'; values: readonly (string | number)[] }
  | { key: string; field: keyof T & string; kind: 'flag' }
  | { key: string; field: keyof T & string; kind: 'widths'; maxLayers: number; min: number; max: number }
  | { key: string; field: keyof T & string; kind: 'list'; values: readonly string[] };

/** Shortens untrusted text before it is shown in a notice. */
export function quoteLinkText(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(printable.length > 40 ? `${printable.slice(0, 40)}…` : printable);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Parses one raw value of `spec`; returns the value (or undefined to keep the default) and a problem or null. */
function readFieldValue<T>(spec: LinkField<T>, raw: string): { value: unknown; problem: Message | null } {
  const label = { key: spec.key, value: quoteLinkText(raw) };
  switch (spec.kind) {
    case 'int':
    case 'float': {
      if (!DECIMAL_PATTERN.test(raw) || !Number.isFinite(Number(raw))) return { value: undefined, problem: message('linkNotNumber', label) };
      const parsed = Number(raw);
      const number = spec.kind === 'int' ? Math.round(parsed) : parsed;
      const clamped = clamp(number, spec.min, spec.max);
      if (spec.kind === 'int' && number !== parsed) return { value: clamped, problem: message('linkNotWhole', { ...label, used: clamped }) };
      return { value: clamped, problem: clamped !== number ? message('linkOutside', { ...label, min: spec.min, max: spec.max, used: clamped }) : null };
    }
    case 'enum': {
      const hit = spec.values.find((value) => String(value) === raw);
      if (hit === undefined) return { value: undefined, problem: message('linkUnknownValue', { ...label, values: spec.values.join(', ') }) };
      return { value: hit, problem: null };
    }
    case 'flag':
      if (raw === '1' || raw === 'true') return { value: true, problem: null };
      if (raw === '0' || raw === 'false') return { value: false, problem: null };
      return { value: undefined, problem: message('linkNotFlag', label) };
    case 'widths': {
      if (!WIDTHS_PATTERN.test(raw)) return { value: undefined, problem: message('linkNotWidths', { ...label, example: '64-64' }) };
      const widths = raw.split('-').map(Number);
      const clamped = widths.slice(0, spec.maxLayers).map((w) => clamp(w, spec.min, spec.max));
      const changed = clamped.length !== widths.length || clamped.some((w, i) => w !== widths[i]);
      return {
        value: clamped,
        problem: changed ? message('linkWidthsLimited', { ...label, layers: spec.maxLayers, min: spec.min, max: spec.max, widths: clamped.join('-') }) : null,
      };
    }
    case 'list': {
      const names = raw.split(',');
      const known = names.filter((name) => spec.values.includes(name));
      const unique = known.filter((name, i) => known.indexOf(name) === i);
      if (unique.length === 0) return { value: undefined, problem: message('linkListNone', { ...label, values: spec.values.join(', ') }) };
      return { value: unique, problem: unique.length !== names.length ? message('linkListDropped', { ...label, kept: unique.join(',') }) : null };
    }
    default: {
      const unreachable: never = spec;
      throw new Error(`Unsupported link field: ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The config of a link part: `defaults` (copied field by field: arrays are fresh) with every table field
 * that `get` returns text for, validated. Problems are appended as Messages (src/core/linkMessages.ts) for the UI's notice.
 */
export function readLinkFields<T extends object>(table: readonly LinkField<T>[], defaults: Readonly<T>, get: (key: string) => string | undefined, problems: Message[]): T {
  const out = {} as Record<string, unknown>;
  for (const [field, value] of Object.entries(defaults)) out[field] = Array.isArray(value) ? [...value] : value;
  for (const spec of table) {
    const raw = get(spec.key);
    if (raw === undefined) continue;
    const { value, problem } = readFieldValue(spec, raw);
    if (value !== undefined) out[spec.field] = value;
    if (problem) problems.push(problem);
  }
  return out as T;
}

function formatFieldValue(value: unknown, kind: LinkField<unknown>['kind']): string {
  if (kind === 'flag') return value ? '1' : '0';
  if (kind === 'widths') return (value as number[]).join('-');
  if (kind === 'list') return (value as string[]).join(',');
  return String(value);
}

/** `key=value` parts (URI-encoded, table order) of the fields of `value` that differ from `defaults`. */
export function formatLinkFields<T extends object>(table: readonly LinkField<T>[], value: Readonly<T>, defaults: Readonly<T>): string[] {
  const parts: string[] = [];
  for (const spec of table) {
    const text = formatFieldValue(value[spec.field as keyof T], spec.kind);
    if (text !== formatFieldValue(defaults[spec.field as keyof T], spec.kind)) parts.push(`${spec.key}=${encodeURIComponent(text)}`);
  }
  return parts;
}
