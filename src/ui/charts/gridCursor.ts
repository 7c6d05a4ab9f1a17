/**
 * Cursor over an n×n heatmap grid, in cell units: i along the first input (left → right),
 * j along the second input (bottom → top), both in 0..n−1. Pure, shared by the pointer and the keyboard.
 */
export interface GridCell {
  i: number;
  j: number;
}

/** Rows or columns one PageUp/PageDown (or Shift+arrow) moves: a tenth of the grid, at least 1. */
export function findPageStep(n: number): number {
  return Math.max(1, Math.round(n / 10));
}

function clampCell(value: number, n: number): number {
  return Math.min(n - 1, Math.max(0, value));
}

/**
 * The cell after a key press, clamped to the grid; null for keys that do not move the cursor.
 * Arrows move one cell (Shift: a page), ArrowUp towards larger second input; PageUp/PageDown move a
 * page up/down; Home/End go to the first/last column. Without a cursor yet, any move key starts at the centre.
 */
export function moveGridCursor(cell: GridCell | null, key: string, n: number, shift = false): GridCell | null {
  if (n < 1) return null;
  const page = findPageStep(n);
  const step = shift ? page : 1;
  const moves: Record<string, (c: GridCell) => GridCell> = {
    ArrowLeft: (c) => ({ i: c.i - step, j: c.j }),
    ArrowRight: (c) => ({ i: c.i + step, j: c.j }),
    ArrowUp: (c) => ({ i: c.i, j: c.j + step }),
    ArrowDown: (c) => ({ i: c.i, j: c.j - step }),
    PageUp: (c) => ({ i: c.i, j: c.j + page }),
    PageDown: (c) => ({ i: c.i, j: c.j - page }),
    Home: (c) => ({ i: 0, j: c.j }),
    End: (c) => ({ i: n - 1, j: c.j }),
  };
  const move = moves[key];
  if (!move) return null;
  const centre = Math.floor((n - 1) / 2);
  if (!cell) return { i: centre, j: centre };
  const next = move(cell);
  return { i: clampCell(next.i, n), j: clampCell(next.j, n) };
}

/** Cell under a pointer at fractions (fx, fy) of the map's box, fy measured from the top. */
export function findCellAt(fx: number, fy: number, n: number): GridCell {
  return { i: clampCell(Math.floor(fx * n), n), j: clampCell(n - 1 - Math.floor(fy * n), n) };
}
