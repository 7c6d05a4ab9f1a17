/**
 * What a share link holds, in words: "target bessel_Jnu, 3 methods, seed 7, backend wasm". The link is already the
 * diff from the defaults (formatHash writes only what differs), so the summary reads the link's own parts: one
 * phrase per lab setting (table below, in link order), one count for the NPU keys, and the sweep's and AxTrain's
 * headline. A key this table does not know (a part another feature adds) is shown as `key value`, so the summary
 * never hides what the link holds. Used by the Share dialog's "Link copied: …" (src/ui/ShareDialog.tsx).
 */
import { CONSTANT_OVERRIDE_PREFIX } from './npu/params';

type Phrase = (value: string) => string;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One phrase per key of URL_PARAMS (src/core/link.ts). */
const LAB_PHRASES: Readonly<Record<string, Phrase>> = {
  target: (value) => `target ${value}`,
  methods: (value) => {
    const methods = value.split(',');
    return methods.length === 1 ? `method ${methods[0]}` : `${methods.length} methods`;
  },
  approx: (value) => `approximator ${value}`,
  pred: (value) => `predictor ${value}`,
  lr: (value) => `learning rate ${value}`,
  batch: (value) => `batch ${value}`,
  bound: (value) => `error bound ${value}`,
  seed: (value) => `seed ${value}`,
  steps: (value) => `${value} steps`,
  backend: (value) => `backend ${value}`,
  lone: (value) => (value === '1' ? 'lone approximator on' : 'lone approximator off'),
  train: (value) => `${value} training samples`,
  test: (value) => `${value} test samples`,
  eval: (value) => `evaluation every ${value} steps`,
  fusion: (value) => `fusion ${value}`,
  pout: (value) => `P(x) ${value}`,
  rounds: (value) => `${value} rounds`,
  choose: (value) => `choose_type ${value}`,
  match: (value) => (value === '1' ? 'matched parameters' : 'unmatched parameters'),
  init: (value) => `initialization ${value}`,
  ctrl: (value) => `c placed ${value}`,
};

/** The classroom keys (src/core/classroom/classLink.ts): what a class link does, not the teacher's text itself. */
const CLASS_PHRASES: Readonly<Record<string, Phrase>> = {
  lesson: (value) => `lesson ${value}`,
  step: (value) => `step ${value}`,
  present: (value) => (value === '1' ? 'presentation mode' : 'no presentation mode'),
  hide: (value) => `${plural(value.split(',').length, 'hidden control or view', 'hidden controls or views')} (${value})`,
  lock: (value) => `${plural(value.split(',').length, 'locked control', 'locked controls')} (${value})`,
  open: (value) => `opens on ${value}`,
  title: () => 'a title',
  note: () => 'a note',
};

/** The lab keys the summary has a phrase for (the tests check they are URL_PARAMS's keys). */
export const SUMMARIZED_LAB_KEYS: readonly string[] = Object.keys(LAB_PHRASES);

const NPU_PREFIX = 'npu.';
const AXTRAIN_PREFIX = 'ax.';

/** Decoded `key=value` parts of a hash or URL, without `v`. Undecodable parts are skipped (the link codec reports them). */
function readParts(hashOrUrl: string): { key: string; value: string }[] {
  const hashIndex = hashOrUrl.indexOf('#');
  const hash = hashIndex >= 0 ? hashOrUrl.slice(hashIndex + 1) : hashOrUrl;
  const parts: { key: string; value: string }[] = [];
  for (const part of hash.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    try {
      const key = decodeURIComponent(equals < 0 ? part : part.slice(0, equals));
      const value = decodeURIComponent(equals < 0 ? '' : part.slice(equals + 1));
      if (key !== 'v') parts.push({ key, value });
    } catch {
      /* not decodable: parseLink says so */
    }
  }
  return parts;
}

/** The phrases of a share link (a URL or a '#…' hash), in link order; `[]` for a link of the defaults. */
export function summarizeLink(hashOrUrl: string): string[] {
  const phrases: string[] = [];
  let npuSettings = 0;
  let axtrainSettings = 0;
  for (const { key, value } of readParts(hashOrUrl)) {
    const phrase = Object.hasOwn(LAB_PHRASES, key) ? LAB_PHRASES[key] : Object.hasOwn(CLASS_PHRASES, key) ? CLASS_PHRASES[key] : undefined;
    if (phrase) phrases.push(phrase(value));
    else if (key.startsWith(NPU_PREFIX) || key.startsWith(CONSTANT_OVERRIDE_PREFIX)) npuSettings++;
    else if (key === 'sweep') phrases.push(`a sweep of ${value}`);
    else if (key.startsWith('sweep'))
      continue; // the sweep's values and seeds belong to its headline
    else if (key === 'ax') phrases.push(`AxTrain on ${value}`);
    else if (key.startsWith(AXTRAIN_PREFIX)) axtrainSettings++;
    else phrases.push(value === '' ? key : `${key} ${value}`);
  }
  if (npuSettings > 0) phrases.push(plural(npuSettings, 'NPU setting', 'NPU settings'));
  if (axtrainSettings > 0) phrases.push(plural(axtrainSettings, 'AxTrain setting', 'AxTrain settings'));
  return phrases;
}

/** "target sobel, seed 7" or "the default settings". */
export function describeLinkContents(hashOrUrl: string): string {
  const phrases = summarizeLink(hashOrUrl);
  return phrases.length === 0 ? 'the default settings' : phrases.join(', ');
}
