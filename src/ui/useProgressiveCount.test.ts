import { describe, expect, it } from 'vitest';
import { nextProgressiveCount } from './useProgressiveCount';

describe('nextProgressiveCount', () => {
  it('grows by the batch each frame up to the total, and never past it', () => {
    const counts: number[] = [];
    let mounted = 0;
    do {
      mounted = nextProgressiveCount(mounted, 32, 8);
      counts.push(mounted);
    } while (mounted < 32);
    expect(counts).toEqual([8, 16, 24, 32]);
    expect(nextProgressiveCount(32, 32, 8)).toBe(32);
    expect(nextProgressiveCount(0, 5, 8)).toBe(5); // a short list mounts at once
    expect(nextProgressiveCount(0, 0, 8)).toBe(0);
  });

  it('always makes progress, whatever the batch', () => {
    expect(nextProgressiveCount(0, 3, 0)).toBe(1);
    expect(nextProgressiveCount(1, 3, 0.5)).toBe(2);
    expect(nextProgressiveCount(10, 3, 8)).toBe(3);
  });
});
