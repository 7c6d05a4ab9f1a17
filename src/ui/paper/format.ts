/** Durations of the Paper view's studies, as the view says them. */

/** A pre-run estimate: "about 60 s" (tens of seconds, at least 10) under two minutes, "about 25 min" above. */
export function formatEstimate(seconds: number): string {
  return seconds < 120 ? `about ${Math.max(10, Math.round(seconds / 10) * 10)} s` : `about ${Math.round(seconds / 60)} min`;
}

/** A running study's remaining time ("estimating…" before there is one). */
export function formatEta(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'estimating…';
  if (ms < 1000) return 'under a second';
  const seconds = Math.round(ms / 1000);
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}
