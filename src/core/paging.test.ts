import { describe, expect, it } from 'vitest';
import { computePageRange } from './paging';

describe('computePageRange', () => {
  it('cuts 512 items into 16 pages of 32 and clamps the page', () => {
    expect(computePageRange(512, 0, 32)).toEqual({ page: 0, pages: 16, start: 0, end: 32 });
    expect(computePageRange(512, 15, 32)).toEqual({ page: 15, pages: 16, start: 480, end: 512 });
    expect(computePageRange(512, 99, 32).page).toBe(15);
    expect(computePageRange(512, -3, 32).page).toBe(0);
  });

  it('has one page for a short list, and a short last page', () => {
    expect(computePageRange(20, 0, 32)).toEqual({ page: 0, pages: 1, start: 0, end: 20 });
    expect(computePageRange(40, 1, 32)).toEqual({ page: 1, pages: 2, start: 32, end: 40 });
    expect(computePageRange(0, 0, 32)).toEqual({ page: 0, pages: 1, start: 0, end: 0 });
  });
});
