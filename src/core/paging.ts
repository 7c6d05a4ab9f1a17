/**
 * Paging of long lists that a view draws (issue 12: views cap what they draw, so the page never janks at maximal
 * widths): page p of a list of `total` items shows items [p·size, min((p+1)·size, total)).
 */
export interface PageRange {
  /** The page shown, clamped to the pages there are. */
  page: number;
  pages: number;
  /** First item shown (0-based) and one past the last. */
  start: number;
  end: number;
}

export function computePageRange(total: number, page: number, size: number): PageRange {
  const pages = Math.max(1, Math.ceil(total / size));
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { page: shown, pages, start: shown * size, end: Math.min(total, (shown + 1) * size) };
}
