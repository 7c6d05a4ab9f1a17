import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * The CSS width of an element (whole pixels), tracked with a ResizeObserver; `fallback` until it is measured. The
 * observer reports the first size after the browser's own layout, so a view of dozens of maps mounting at once forces
 * no layout of its own (reading clientWidth in a layout effect did: one forced reflow per map, a long task at the
 * maximal link). Where there is no ResizeObserver (tests' DOMs), the width is read once. `enabled: false` measures nothing.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 0, enabled = true): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    if (typeof ResizeObserver === 'undefined') {
      if (element.clientWidth > 0) setWidth(Math.floor(element.clientWidth));
      return;
    }
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) if (entry.contentRect.width > 0) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return width;
}
