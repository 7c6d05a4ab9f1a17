/** Durations of the Paper view's studies, as the view says them (in the catalog's words; English by default). */
import i18next from 'i18next';

type DurationKey = 'aboutSeconds' | 'aboutMinutes' | 'estimating' | 'underSecond' | 'seconds' | 'minutes';
const ENGLISH: Readonly<Record<DurationKey, string>> = {
  aboutSeconds: 'about {{n}} s',
  aboutMinutes: 'about {{n}} min',
  estimating: 'estimating…',
  underSecond: 'under a second',
  seconds: '{{n}} s',
  minutes: '{{n}} min',
};

/** The duration text in i18next's language once it has started (src/ui/i18n), English before. */
function say(key: DurationKey, n = 0): string {
  if (i18next.isInitialized) return i18next.t(`paper:time.${key}`, { n });
  return ENGLISH[key].replace('{{n}}', String(n));
}

/** A pre-run estimate: "about 60 s" (tens of seconds, at least 10) under two minutes, "about 25 min" above. */
export function formatEstimate(seconds: number): string {
  return seconds < 120 ? say('aboutSeconds', Math.max(10, Math.round(seconds / 10) * 10)) : say('aboutMinutes', Math.round(seconds / 60));
}

/** A running study's remaining time ("estimating…" before there is one). */
export function formatEta(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return say('estimating');
  if (ms < 1000) return say('underSecond');
  const seconds = Math.round(ms / 1000);
  return seconds < 90 ? say('seconds', seconds) : say('minutes', Math.round(seconds / 60));
}
