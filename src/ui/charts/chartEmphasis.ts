/**
 * How heavily the live charts draw: the lab's own look, or presentation mode's (issue 13: thick lines and large type
 * for a projector). The app shell provides it (App.tsx); LiveChart reads it and rebuilds its plot when it changes.
 */
import { createContext } from 'react';

export interface ChartEmphasis {
  /** Multiplies every series' line width. */
  lineScale: number;
  /** Axis values and labels, CSS px. */
  fontPx: number;
}

export const NORMAL_CHART_EMPHASIS: ChartEmphasis = { lineScale: 1, fontPx: 13 };
/** Presentation mode: lines 2× (2.5 → 5 px), type 20 px (about 0.5 % of a 1080-line projector image, legible from the back row). */
export const PRESENT_CHART_EMPHASIS: ChartEmphasis = { lineScale: 2, fontPx: 20 };

export const ChartEmphasisContext = createContext<ChartEmphasis>(NORMAL_CHART_EMPHASIS);
