import { describe, expect, it } from 'vitest';
import { testTrianglesIntersect } from './jmeint';

describe('testTrianglesIntersect', () => {
  it('detects crossing, separated, touching and coplanar pairs', () => {
    const flat = [0, 0, 0, 1, 0, 0, 0, 1, 0];
    // A vertical triangle piercing the flat one.
    expect(testTrianglesIntersect([...flat, 0.2, 0.2, -1, 0.2, 0.2, 1, 0.3, 0.1, 1])).toBe(true);
    // The same, shifted beyond the hypotenuse x + y = 1.
    expect(testTrianglesIntersect([...flat, 0.8, 0.8, -1, 0.8, 0.8, 1, 0.9, 0.7, 1])).toBe(false);
    // Entirely above the plane.
    expect(testTrianglesIntersect([...flat, 0, 0, 0.5, 1, 0, 0.5, 0, 1, 0.5])).toBe(false);
    // Coplanar and overlapping; coplanar and apart.
    expect(testTrianglesIntersect([...flat, 0.1, 0.1, 0, 2, 0.1, 0, 0.1, 2, 0])).toBe(true);
    expect(testTrianglesIntersect([...flat, 2, 2, 0, 3, 2, 0, 2, 3, 0])).toBe(false);
    // Coplanar, one inside the other.
    expect(testTrianglesIntersect([...flat, 0.1, 0.1, 0, 0.2, 0.1, 0, 0.1, 0.2, 0])).toBe(true);
  });
});
