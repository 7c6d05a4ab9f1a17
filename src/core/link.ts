/**
 * The URL hash is a projection of the config slice (LabConfig).
 * - A link that names a target starts from that target's lab defaults (applyTargetDefaults, the
 *   registry's TARGET_LAB_DEFAULTS); explicit values in the link win over them.
 * - Only values that differ from those defaults are written, after a version field `v` (the target
 *   itself is written when it differs from DEFAULT_CONFIG's).
 * - Reading is defensive: the hash is untrusted. Keys are looked up in a fixed table, values pass
 *   a valibot schema and are clamped to CONFIG_LIMITS, and parsed data is never merged into an
 *   object (no prototype pollution): the config is built field by field from the defaults.
 * - Any problem is reported as a Message (src/core/linkMessages.ts) for a role="alert" notice, in the language on
 *   screen; the offending field keeps its default.
 * - Fields valid alone but not together (src/core/linkRules.ts) are moved to the nearest valid value, one
 *   notice per fixed value.
 * - A link of an older version (or with no `v`) is migrated to today's keys first, not rejected (linkMigrations.ts).
 * - A link that opens a lesson step (`lesson=…&step=…`, src/core/classroom/classLink.ts) reads the step's fragment
 *   under its own values: the link's keys win, the step's fragment fills the keys the link does not name.
 */
import { DEFAULT_LANGUAGE, isLanguageId, LANGUAGE_IDS, type LanguageId } from './language';
import * as v from 'valibot';
import {
  BACKEND_CHOICES,
  CHOOSE_TYPES,
  CONFIG_LIMITS,
  CONTROL_PLACEMENTS,
  CONFIG_VERSION,
  DEFAULT_CONFIG,
  FUSION_CHOICES,
  INITIALIZATIONS,
  METHOD_IDS,
  PREDICTION_OUTPUTS,
  applyTargetDefaults,
  cloneConfig,
  isMethodId,
  type LabConfig,
} from './config';
import { CUSTOM_TARGET_ID, LAB_TARGET_IDS } from './targets/types';
import { CUSTOM_FUNCTION_LINK_KEYS, formatCustomFunctionLink, readCustomFunctionLink } from './targets/customFunctionLink';
import { migrateLinkPairs, type LinkPair } from './linkMigrations';
import { NPU_CONSTANT_IDS } from './npu/constants';
import { CONSTANT_OVERRIDE_PREFIX, DEFAULT_NPU_PARAMS, NPU_PARAM_FIELDS, clampCpuInstructions, clampNpuParams, diffNpuParams, readNpuParams, type NpuParams } from './npu/params';
import { SWEEP_LINK_KEYS, formatSweepLink, readSweepLink, type SweepLinkKey, type SweepSpec } from './sweep';
import { DECIMAL_PATTERN } from './decimal';
import { formatMessage, message, type Message } from './messages';
import { applyCrossFieldRules } from './linkRules';
import { AXTRAIN_LINK_KEYS, formatAxtrainLink, readAxtrainLink, type AxtrainConfig } from './axtrain/config';
import { NAS_LINK_KEYS, formatNasLink, readNasLink, type NasRunConfig } from './nas/config';
import { CLASS_LINK_KEYS, currentLessonStep, formatClassLink, readClassLink, type ClassLinkKey, type ClassroomLink } from './classroom/classLink';

/** Links longer than this are refused whole: no legitimate config needs it. */
export const MAX_HASH_LENGTH = 2048;

const NumberText = v.pipe(v.string(), v.regex(DECIMAL_PATTERN), v.transform(Number), v.number(), v.finite());
const WidthListText = v.pipe(v.string(), v.regex(/^\d{1,4}(-\d{1,4}){0,15}$/));
const FlagText = v.picklist(['0', '1', 'true', 'false']);

type NumericField = 'learningRate' | 'batchSize' | 'errorBound' | 'seed' | 'steps' | 'trainSize' | 'testSize' | 'evalEvery' | 'rounds';
type EnumField = 'target' | 'backend' | 'fusion' | 'predictionOutput' | 'initialization' | 'controlPlacement';
type FlagField = 'trainLone' | 'matchParameters';

/** One row per URL parameter, in the order they are written (Playground's state.ts idea). */
type ParamSpec =
  | { key: string; field: NumericField; kind: 'int' | 'float' }
  | { key: string; field: 'approximatorHidden' | 'predictorHidden'; kind: 'widths' }
  | { key: string; field: EnumField; kind: 'enum'; values: readonly string[] }
  | { key: string; field: 'chooseType'; kind: 'choose' }
  | { key: string; field: 'methods'; kind: 'methods' }
  | { key: string; field: FlagField; kind: 'flag' };

export const URL_PARAMS: readonly ParamSpec[] = [
  { key: 'target', field: 'target', kind: 'enum', values: LAB_TARGET_IDS },
  { key: 'methods', field: 'methods', kind: 'methods' },
  { key: 'approx', field: 'approximatorHidden', kind: 'widths' },
  { key: 'pred', field: 'predictorHidden', kind: 'widths' },
  { key: 'lr', field: 'learningRate', kind: 'float' },
  { key: 'batch', field: 'batchSize', kind: 'int' },
  { key: 'bound', field: 'errorBound', kind: 'float' },
  { key: 'seed', field: 'seed', kind: 'int' },
  { key: 'steps', field: 'steps', kind: 'int' },
  { key: 'backend', field: 'backend', kind: 'enum', values: BACKEND_CHOICES },
  { key: 'lone', field: 'trainLone', kind: 'flag' },
  { key: 'train', field: 'trainSize', kind: 'int' },
  { key: 'test', field: 'testSize', kind: 'int' },
  { key: 'eval', field: 'evalEvery', kind: 'int' },
  { key: 'fusion', field: 'fusion', kind: 'enum', values: FUSION_CHOICES },
  { key: 'pout', field: 'predictionOutput', kind: 'enum', values: PREDICTION_OUTPUTS },
  { key: 'rounds', field: 'rounds', kind: 'int' },
  { key: 'choose', field: 'chooseType', kind: 'choose' },
  { key: 'match', field: 'matchParameters', kind: 'flag' },
  { key: 'init', field: 'initialization', kind: 'enum', values: INITIALIZATIONS },
  { key: 'ctrl', field: 'controlPlacement', kind: 'enum', values: CONTROL_PLACEMENTS },
];

const PARAM_BY_KEY: ReadonlyMap<string, ParamSpec> = new Map(URL_PARAMS.map((spec) => [spec.key, spec]));

export interface ParsedLink {
  config: LabConfig;
  /** The problems, one Message each (problemsText gives their text); non-empty means the UI shows a notice. */
  problems: Message[];
  /** NPU architecture and edited constants (`npu.<key>`, `e.<constantId>`); defaults when absent. */
  npu: NpuParams;
  /** User-set CPU-path instructions per call (`npu.cpui`), or null for the target's estimate. */
  npuCpuInstructions: number | null;
  /** Sweep mode's spec (src/core/sweep.ts: `sweep=…&sweepValues=…`), or null when the link has no sweep. */
  sweep: SweepSpec | null;
  /** AxTrain's config (src/core/axtrain/config.ts: `ax=<dataset>&ax.<key>=…`), or null when the link has none. */
  axtrain: AxtrainConfig | null;
  /** The NAS view's settings (src/core/nas/config.ts: `nas=<target>&nas.<key>=…`), or null when the link has none. */
  nas: NasRunConfig | null;
  /** The interface language (`lang=en|zh`, src/core/language.ts), or null when the link names none. */
  language: LanguageId | null;
  /** Lesson and step, presentation mode, hidden and locked ids, the view it opens on, title and note (classLink.ts). */
  classroom: ClassroomLink;
}

/** The link parts besides the lab config: each written only when given and not default. */
export interface LinkExtras {
  npu?: NpuParams | null;
  npuCpuInstructions?: number | null;
  sweep?: SweepSpec | null;
  axtrain?: AxtrainConfig | null;
  nas?: NasRunConfig | null;
  /** Written when it is not English (a link without `lang=` opens in the reader's own language). */
  language?: LanguageId | null;
  classroom?: ClassroomLink | null;
}

/** The link key of the interface language. */
export const LANGUAGE_KEY = 'lang';

/**
 * NPU keys of the link (the NPU slice, not the config): `npu.<key>` for the fields of NPU_PARAM_FIELDS,
 * `e.<constantId>` for edited constants (params.ts), `npu.cpui` for the CPU instruction count.
 * Changing them never restarts training: they only change the simulated hardware.
 */
export const NPU_KEY_PREFIX = 'npu.';
export const NPU_CPU_INSTRUCTIONS_KEY = 'npu.cpui';
/** Sweep keys (src/core/sweep.ts reads and writes them; this codec only passes their raw text on). */
const SWEEP_KEYS: ReadonlySet<string> = new Set(SWEEP_LINK_KEYS);
const AXTRAIN_KEYS: ReadonlySet<string> = new Set(AXTRAIN_LINK_KEYS);
const NAS_KEYS: ReadonlySet<string> = new Set(NAS_LINK_KEYS);
const CUSTOM_FUNCTION_KEYS: ReadonlySet<string> = new Set(CUSTOM_FUNCTION_LINK_KEYS);
const CLASS_KEYS: ReadonlySet<string> = new Set(CLASS_LINK_KEYS);
const NPU_KEYS: ReadonlySet<string> = new Set([
  ...NPU_PARAM_FIELDS.map((f) => NPU_KEY_PREFIX + f.key),
  ...NPU_CONSTANT_IDS.map((id) => CONSTANT_OVERRIDE_PREFIX + id),
  NPU_CPU_INSTRUCTIONS_KEY,
]);

/** Reads the NPU keys; the entries handed to readNpuParams hold only keys from the fixed tables. */
function readNpuLink(values: ReadonlyMap<string, string>, problems: Message[]): { npu: NpuParams; npuCpuInstructions: number | null } {
  const entries: Record<string, string> = {};
  for (const f of NPU_PARAM_FIELDS) {
    const key = NPU_KEY_PREFIX + f.key;
    const raw = values.get(key);
    if (raw === undefined) continue;
    const valid = f.kind === 'enum' ? f.values.map(String).includes(raw) : v.safeParse(NumberText, raw).success;
    if (!valid) {
      problems.push(message('linkNpuInvalid', { key, value: quote(raw), field: f.field }));
      continue;
    }
    entries[f.key] = raw;
  }
  for (const id of NPU_CONSTANT_IDS) {
    const key = CONSTANT_OVERRIDE_PREFIX + id;
    const raw = values.get(key);
    if (raw === undefined) continue;
    if (!v.safeParse(NumberText, raw).success) problems.push(message('linkNpuConstantNotNumber', { key, value: quote(raw) }));
    else entries[key] = raw;
  }
  const npu = readNpuParams(entries);
  for (const f of NPU_PARAM_FIELDS) {
    const raw = entries[f.key];
    if (raw !== undefined && f.kind !== 'enum' && Number(raw) !== npu[f.field]) {
      problems.push(message('linkNpuOutside', { key: NPU_KEY_PREFIX + f.key, value: quote(raw), min: f.min, max: f.max, used: npu[f.field] }));
    }
  }
  for (const id of NPU_CONSTANT_IDS) {
    const raw = entries[CONSTANT_OVERRIDE_PREFIX + id];
    if (raw !== undefined && Number(raw) !== npu.constantOverrides[id]) {
      const used = npu.constantOverrides[id];
      const label = { key: CONSTANT_OVERRIDE_PREFIX + id, value: quote(raw) };
      problems.push(used === undefined ? message('linkNpuConstantNegativeTable', label) : message('linkNpuConstantNegative', { ...label, used }));
    }
  }
  let npuCpuInstructions: number | null = null;
  const rawCpu = values.get(NPU_CPU_INSTRUCTIONS_KEY);
  if (rawCpu !== undefined) {
    const parsed = v.safeParse(NumberText, rawCpu);
    npuCpuInstructions = parsed.success ? clampCpuInstructions(parsed.output) : null;
    if (npuCpuInstructions === null) problems.push(message('linkNpuCpuNotNumber', { key: NPU_CPU_INSTRUCTIONS_KEY, value: quote(rawCpu) }));
  }
  return { npu, npuCpuInstructions };
}

/** `npu.<key>=…&e.<id>=…&npu.cpui=…` parts for the values that differ from the defaults. */
function formatNpuParts(npu: NpuParams | null | undefined, npuCpuInstructions: number | null | undefined): string[] {
  const parts: string[] = [];
  if (npu) {
    for (const [key, value] of Object.entries(diffNpuParams(npu))) {
      const linkKey = key.startsWith(CONSTANT_OVERRIDE_PREFIX) ? key : NPU_KEY_PREFIX + key;
      parts.push(`${linkKey}=${encodeURIComponent(value)}`);
    }
  }
  if (npuCpuInstructions !== null && npuCpuInstructions !== undefined) parts.push(`${NPU_CPU_INSTRUCTIONS_KEY}=${npuCpuInstructions}`);
  return parts;
}

export function clampNumber(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Takes a full URL, a '#…' hash or a bare 'a=b&c=d' string and returns the part after '#'. */
function extractHash(hashOrUrl: string): string {
  const hashIndex = hashOrUrl.indexOf('#');
  if (hashIndex >= 0) return hashOrUrl.slice(hashIndex + 1);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(hashOrUrl) ? '' : hashOrUrl;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Shortens untrusted text before it is shown in a notice. */
function quote(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(printable.length > 40 ? `${printable.slice(0, 40)}…` : printable);
}

/** The decoded `key=value` pairs of a hash (without `v`, which is returned apart); undecodable parts become problems. */
function splitLinkPairs(hash: string, problems: Message[]): { pairs: LinkPair[]; rawVersion: string | undefined } {
  const pairs: LinkPair[] = [];
  let rawVersion: string | undefined;
  for (const part of hash.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawKey = equals < 0 ? part : part.slice(0, equals);
    const key = safeDecode(rawKey);
    const value = safeDecode(equals < 0 ? '' : part.slice(equals + 1));
    if (key === null || value === null) {
      problems.push(message('linkUndecodable', { part: quote(part) }));
      continue;
    }
    if (key === 'v') rawVersion = value;
    else pairs.push({ key, value });
  }
  return { pairs, rawVersion };
}

function isKnownKey(key: string): boolean {
  return (
    PARAM_BY_KEY.has(key) ||
    NPU_KEYS.has(key) ||
    SWEEP_KEYS.has(key) ||
    AXTRAIN_KEYS.has(key) ||
    NAS_KEYS.has(key) ||
    CUSTOM_FUNCTION_KEYS.has(key) ||
    CLASS_KEYS.has(key) ||
    key === LANGUAGE_KEY
  );
}

export function parseLink(hashOrUrl: string): ParsedLink {
  let config = cloneConfig(DEFAULT_CONFIG);
  const problems: Message[] = [];
  const hash = extractHash(typeof hashOrUrl === 'string' ? hashOrUrl : '');
  const npuDefaults = () => ({
    npu: clampNpuParams(DEFAULT_NPU_PARAMS),
    npuCpuInstructions: null,
    sweep: null,
    axtrain: null,
    nas: null,
    language: null,
    classroom: readClassLink(() => undefined, []),
  });
  if (hash.trim() === '') return { config, problems, ...npuDefaults() };
  if (hash.length > MAX_HASH_LENGTH) {
    problems.push(message('linkTooLong', { length: hash.length, max: MAX_HASH_LENGTH }));
    return { config, problems, ...npuDefaults() };
  }

  const { pairs: decoded, rawVersion } = splitLinkPairs(hash, problems);

  // An older link is rewritten into today's keys and values first (linkMigrations.ts), then read like a new one.
  const migrated = migrateLinkPairs(decoded, rawVersion);
  if (migrated.problem) problems.push(migrated.problem);
  const values = new Map<string, string>();
  for (const { key, value } of migrated.pairs) {
    if (!isKnownKey(key)) {
      problems.push(message('linkUnknownSetting', { key: quote(key) }));
      continue;
    }
    if (values.has(key)) problems.push(message('linkRepeatedSetting', { key: quote(key) }));
    values.set(key, value);
  }
  // A lesson step's fragment fills what the link leaves out (the step's config under the link's own values).
  const classroom = readClassLink((key: ClassLinkKey) => values.get(key), problems);
  const lessonStep = currentLessonStep(classroom);
  if (lessonStep) {
    for (const { key, value } of splitLinkPairs(lessonStep.fragment, problems).pairs) {
      if (!isKnownKey(key) || CLASS_KEYS.has(key))
        problems.push(message('linkLessonSettingIgnored', { lesson: String(classroom.lesson), step: classroom.step + 1, key: quote(key) }));
      else if (!values.has(key)) values.set(key, value);
    }
  }

  // A known target brings its lab defaults first; the loop below then applies the link's own values.
  // An unknown one is reported by the loop and leaves DEFAULT_CONFIG's target.
  const rawTarget = values.get('target');
  const linkTarget = LAB_TARGET_IDS.find((id) => id === rawTarget);
  if (linkTarget !== undefined) config = applyTargetDefaults(config, linkTarget);
  for (const spec of URL_PARAMS) {
    const raw = values.get(spec.key);
    if (raw === undefined) continue;
    const problem = applyParam(config, spec, raw);
    if (problem) problems.push(problem);
  }
  // The user's own function (`fn=…&fn.x0=lo,hi`): parsed, whitelisted and checked (customFunctionLink.ts).
  config.customFunction = readCustomFunctionLink((key) => values.get(key), config.target === CUSTOM_TARGET_ID, problems);
  const npuLink = readNpuLink(values, problems);
  const readSweep = readSweepLink((key: SweepLinkKey) => values.get(key), problems);
  const axtrain = readAxtrainLink((key) => values.get(key), problems);
  // Fields valid alone but not together (fusion against depth, …): the nearest valid value, one notice each.
  const nas = readNasLink((key) => values.get(key), problems);
  const fixed = applyCrossFieldRules(config, readSweep);
  problems.push(...fixed.notices);
  const rawLanguage = values.get(LANGUAGE_KEY);
  const language = rawLanguage === undefined ? null : isLanguageId(rawLanguage) ? rawLanguage : null;
  if (rawLanguage !== undefined && language === null)
    problems.push(message('linkLanguageUnknown', { key: LANGUAGE_KEY, value: quote(rawLanguage), languages: LANGUAGE_IDS.join(', ') }));
  return { config: fixed.config, problems, ...npuLink, sweep: fixed.sweep, axtrain, nas, language, classroom };
}

/** Validates one raw value and writes it into config; returns a problem or null. */
function applyParam(config: LabConfig, spec: ParamSpec, raw: string): Message | null {
  const label = { key: spec.key, value: quote(raw) };
  switch (spec.kind) {
    case 'enum':
      if (!spec.values.includes(raw)) return message('linkUnknownValue', { ...label, values: spec.values.join(', ') });
      // The field's own type is exactly `values` (checked by the table's types), so the cast is safe.
      (config as unknown as Record<EnumField, string>)[spec.field] = raw;
      return null;
    case 'choose': {
      const index = CHOOSE_TYPES.findIndex((c) => String(c) === raw);
      if (index < 0) return message('linkChooseType', label);
      config.chooseType = CHOOSE_TYPES[index];
      return null;
    }
    case 'methods': {
      const names = raw.split(',');
      const known = names.filter(isMethodId);
      const unique = known.filter((name, i) => known.indexOf(name) === i);
      if (unique.length === 0) return message('linkNoMethod', { ...label, methods: METHOD_IDS.join(', ') });
      config.methods = unique;
      return unique.length !== names.length ? message('linkMethodsDropped', { ...label, kept: unique.join(',') }) : null;
    }
    case 'flag': {
      const parsed = v.safeParse(FlagText, raw);
      if (!parsed.success) return message('linkNotFlag', label);
      config[spec.field] = parsed.output === '1' || parsed.output === 'true';
      return null;
    }
    case 'widths': {
      const parsed = v.safeParse(WidthListText, raw);
      if (!parsed.success) return message('linkNotWidths', { ...label, example: '4-4' });
      const { hiddenLayers, hiddenWidth } = CONFIG_LIMITS;
      const widths = parsed.output.split('-').map(Number);
      const clamped = widths.slice(0, hiddenLayers.max).map((w) => clampNumber(w, hiddenWidth.min, hiddenWidth.max));
      config[spec.field] = clamped;
      const changed = clamped.length !== widths.length || clamped.some((w, i) => w !== widths[i]);
      return changed ? message('linkWidthsLimited', { ...label, layers: hiddenLayers.max, min: hiddenWidth.min, max: hiddenWidth.max, widths: clamped.join('-') }) : null;
    }
    case 'int':
    case 'float': {
      const parsed = v.safeParse(NumberText, raw);
      if (!parsed.success) return message('linkNotNumber', label);
      const limits = CONFIG_LIMITS[spec.field];
      const number = spec.kind === 'int' ? Math.round(parsed.output) : parsed.output;
      const clamped = clampNumber(number, limits.min, limits.max);
      config[spec.field] = clamped;
      if (spec.kind === 'int' && number !== parsed.output) return message('linkNotWhole', { ...label, used: clamped });
      return clamped !== number ? message('linkOutside', { ...label, min: limits.min, max: limits.max, used: clamped }) : null;
    }
    default: {
      const unreachable: never = spec;
      throw new Error(`Unsupported URL parameter: ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The problems' text in `language` (English by default: the CLI prints it, the tests match it). */
export function problemsText(problems: readonly Message[], language: LanguageId = DEFAULT_LANGUAGE): string[] {
  return problems.map((problem) => formatMessage(problem, language));
}

/** The problems as one Message, sentence after sentence (twoSentences: a space in English), or '' when there are none. */
export function joinProblems(problems: readonly Message[]): Message | '' {
  return problems.reduceRight<Message | ''>((rest, problem) => (rest === '' ? problem : message('twoSentences', { first: problem, second: rest })), '');
}

function formatValue(config: Readonly<LabConfig>, spec: ParamSpec): string {
  switch (spec.kind) {
    case 'widths':
      return config[spec.field].join('-');
    case 'flag':
      return config[spec.field] ? '1' : '0';
    case 'methods':
      return config.methods.join(',');
    case 'enum':
      return config[spec.field];
    default:
      return String(config[spec.field]);
  }
}

/**
 * '#v=1&…' with only the values that differ from the defaults parseLink starts from: the target when it
 * is not DEFAULT_CONFIG's, every other field when it is not the target's lab default (and, when given,
 * the NPU values that differ from the NPU defaults). So `#v=1&target=sobel` is the whole sobel default.
 */
export function formatHash(config: Readonly<LabConfig>, extras: LinkExtras = {}): string {
  const parts = [`v=${CONFIG_VERSION}`];
  const targetDefaults = applyTargetDefaults(DEFAULT_CONFIG, config.target);
  // In a lesson step, the keys its fragment sets are written even at their defaults: reading fills absent keys from
  // the fragment, so a value set back to its default must be named to survive a reload.
  const lessonStep = extras.classroom ? currentLessonStep(extras.classroom) : null;
  const lessonKeys = new Set(lessonStep ? splitLinkPairs(lessonStep.fragment, []).pairs.map((pair) => pair.key) : []);
  for (const spec of URL_PARAMS) {
    const value = formatValue(config, spec);
    const base = spec.field === 'target' ? DEFAULT_CONFIG : targetDefaults;
    if (value !== formatValue(base, spec) || lessonKeys.has(spec.key)) parts.push(`${spec.key}=${encodeURIComponent(value)}`);
  }
  if (config.target === CUSTOM_TARGET_ID) parts.push(...formatCustomFunctionLink(config.customFunction));
  parts.push(...formatNpuParts(extras.npu, extras.npuCpuInstructions));
  parts.push(...formatSweepLink(extras.sweep));
  parts.push(...formatAxtrainLink(extras.axtrain));
  parts.push(...formatNasLink(extras.nas));
  if (extras.language && extras.language !== DEFAULT_LANGUAGE) parts.push(`${LANGUAGE_KEY}=${extras.language}`);
  parts.push(...formatClassLink(extras.classroom));
  return `#${parts.join('&')}`;
}

/** The current page's address with the config's hash, for the Share button. */
export function buildShareUrl(currentHref: string, config: Readonly<LabConfig>, extras: LinkExtras = {}): string {
  const hashIndex = currentHref.indexOf('#');
  const base = hashIndex >= 0 ? currentHref.slice(0, hashIndex) : currentHref;
  return `${base}${formatHash(config, extras)}`;
}

/** `url` (a share link) with its classroom part replaced: read by parseLink, written again by buildShareUrl. */
export function withClassroom(url: string, classroom: Readonly<ClassroomLink>): string {
  const { config, npu, npuCpuInstructions, sweep, axtrain, nas } = parseLink(url);
  return buildShareUrl(url, config, { npu, npuCpuInstructions, sweep, axtrain, nas, classroom: { ...classroom } });
}
