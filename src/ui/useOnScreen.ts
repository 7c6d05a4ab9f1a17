import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * Whether an element is on screen (or within `margin` of it), tracked with an IntersectionObserver; true where there
 * is none. Views off screen skip their work (maps their repaints, the NPU view its simulation) and catch up with the
 * latest data when they scroll in.
 */
export function useOnScreen(ref: RefObject<HTMLElement | null>, margin = '200px'): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setOnScreen(entries.some((entry) => entry.isIntersecting)), { rootMargin: margin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin]);
  return onScreen;
}

/** `value` while `visible`; while not, the value it had when last visible (adjusting state during render, as React's docs show). */
export function useWhileVisible<T>(value: T, visible: boolean): T {
  const [kept, setKept] = useState(value);
  if (visible && !Object.is(kept, value)) setKept(value);
  return visible ? value : kept;
}
