import { describe, expect, it } from 'vitest';
import { findCellAt, findPageStep, moveGridCursor } from './gridCursor';

describe('moveGridCursor', () => {
  it('moves one cell per arrow, up meaning a larger second input', () => {
    expect(moveGridCursor({ i: 5, j: 5 }, 'ArrowRight', 40)).toEqual({ i: 6, j: 5 });
    expect(moveGridCursor({ i: 5, j: 5 }, 'ArrowLeft', 40)).toEqual({ i: 4, j: 5 });
    expect(moveGridCursor({ i: 5, j: 5 }, 'ArrowUp', 40)).toEqual({ i: 5, j: 6 });
    expect(moveGridCursor({ i: 5, j: 5 }, 'ArrowDown', 40)).toEqual({ i: 5, j: 4 });
  });

  it('clamps at every edge', () => {
    expect(moveGridCursor({ i: 0, j: 0 }, 'ArrowLeft', 40)).toEqual({ i: 0, j: 0 });
    expect(moveGridCursor({ i: 0, j: 0 }, 'ArrowDown', 40)).toEqual({ i: 0, j: 0 });
    expect(moveGridCursor({ i: 39, j: 39 }, 'ArrowRight', 40)).toEqual({ i: 39, j: 39 });
    expect(moveGridCursor({ i: 39, j: 39 }, 'ArrowUp', 40)).toEqual({ i: 39, j: 39 });
    expect(moveGridCursor({ i: 3, j: 38 }, 'PageUp', 40)).toEqual({ i: 3, j: 39 });
    expect(moveGridCursor({ i: 3, j: 1 }, 'PageDown', 40)).toEqual({ i: 3, j: 0 });
  });

  it('pages by a tenth of the grid; Home and End go to the first and last column', () => {
    expect(findPageStep(40)).toBe(4);
    expect(findPageStep(3)).toBe(1);
    expect(moveGridCursor({ i: 10, j: 10 }, 'PageUp', 40)).toEqual({ i: 10, j: 14 });
    expect(moveGridCursor({ i: 10, j: 10 }, 'ArrowRight', 40, true)).toEqual({ i: 14, j: 10 });
    expect(moveGridCursor({ i: 10, j: 10 }, 'Home', 40)).toEqual({ i: 0, j: 10 });
    expect(moveGridCursor({ i: 10, j: 10 }, 'End', 40)).toEqual({ i: 39, j: 10 });
  });

  it('starts at the centre without a cursor, ignores other keys and empty grids', () => {
    expect(moveGridCursor(null, 'ArrowUp', 40)).toEqual({ i: 19, j: 19 });
    expect(moveGridCursor({ i: 1, j: 1 }, 'a', 40)).toBeNull();
    expect(moveGridCursor({ i: 1, j: 1 }, 'Enter', 40)).toBeNull();
    expect(moveGridCursor({ i: 0, j: 0 }, 'ArrowUp', 0)).toBeNull();
    expect(moveGridCursor({ i: 0, j: 0 }, 'ArrowUp', 1)).toEqual({ i: 0, j: 0 });
  });
});

describe('findCellAt', () => {
  it('maps the top-left corner to the first column and the top row (largest j)', () => {
    expect(findCellAt(0, 0, 40)).toEqual({ i: 0, j: 39 });
    expect(findCellAt(0.999, 0.999, 40)).toEqual({ i: 39, j: 0 });
    expect(findCellAt(0.5, 0.5, 4)).toEqual({ i: 2, j: 1 });
  });

  it('clamps pointers outside the box', () => {
    expect(findCellAt(-0.2, 1.3, 10)).toEqual({ i: 0, j: 0 });
    expect(findCellAt(1, -1, 10)).toEqual({ i: 9, j: 9 });
  });
});
