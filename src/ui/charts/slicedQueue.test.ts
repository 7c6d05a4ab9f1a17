import { afterEach, describe, expect, it } from 'vitest';
import { countPendingSliced, flushSliced, queueSliced, SLICE_BUDGET_MS } from './slicedQueue';

const waitMacrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('sliced queue', () => {
  afterEach(() => flushSliced());

  it('runs queued tasks in order, later, not synchronously', async () => {
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) queueSliced({}, () => ran.push(i));
    expect(ran).toEqual([]);
    await waitMacrotask();
    await waitMacrotask();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(countPendingSliced()).toBe(0);
  });

  it('a newer task of a pending key replaces the older one in its place', () => {
    const ran: string[] = [];
    const a = {};
    const b = {};
    queueSliced(a, () => ran.push('a1'));
    queueSliced(b, () => ran.push('b'));
    queueSliced(a, () => ran.push('a2'));
    flushSliced();
    expect(ran).toEqual(['a2', 'b']);
  });

  it('cancel drops a pending task', () => {
    const ran: string[] = [];
    const cancel = queueSliced({}, () => ran.push('x'));
    queueSliced({}, () => ran.push('y'));
    cancel();
    flushSliced();
    expect(ran).toEqual(['y']);
  });

  it('spreads slow tasks over several macrotasks, each within about one budget', async () => {
    const slices: number[] = [];
    let current = -1;
    let sliceIndex = 0;
    const tick = () => {
      sliceIndex++;
    };
    for (let i = 0; i < 8; i++)
      queueSliced({}, () => {
        if (current !== sliceIndex) {
          current = sliceIndex;
          slices.push(0);
        }
        slices[slices.length - 1]++;
        busy(SLICE_BUDGET_MS / 2 + 1);
      });
    // Each macrotask boundary advances the slice index before the queue's next slice runs.
    for (let i = 0; i < 20 && countPendingSliced() > 0; i++) {
      tick();
      await waitMacrotask();
    }
    tick();
    await waitMacrotask();
    expect(slices.reduce((a, b) => a + b, 0)).toBe(8);
    // Two tasks of just over half a budget fit in one slice, never three.
    expect(Math.max(...slices)).toBeLessThanOrEqual(2);
    expect(slices.length).toBeGreaterThanOrEqual(4);
  });
});
