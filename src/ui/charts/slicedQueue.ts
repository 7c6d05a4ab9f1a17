/**
 * One queue for main-thread work that would otherwise burst into one long task: building a chart, redrawing it
 * with new data. Tasks run in order in macrotasks of at most SLICE_BUDGET_MS each (always at least one task per
 * slice), so that twelve charts mounting or updating at once become a few short tasks, and input and rendering
 * get the thread between them (the 50 ms long-task rule of the brief). A task queued under a key replaces the
 * pending task of that key (a chart's newer data supersedes its older data), keeping its place in the queue.
 */
export const SLICE_BUDGET_MS = 12;

type Task = () => void;

interface QueueState {
  order: object[];
  tasks: Map<object, Task>;
  scheduled: boolean;
}

const state: QueueState = { order: [], tasks: new Map(), scheduled: false };

/** Queues `task` under `key` (a new task for a pending key replaces it in place); returns a cancel function. */
export function queueSliced(key: object, task: Task): () => void {
  if (!state.tasks.has(key)) state.order.push(key);
  state.tasks.set(key, task);
  scheduleSlice();
  return () => {
    if (state.tasks.get(key) === task) state.tasks.delete(key);
  };
}

/** Drops the pending task of `key`, if any. */
export function cancelSliced(key: object): void {
  state.tasks.delete(key);
}

/** Runs every pending task now, in order (tests, and a caller that must see the result synchronously). */
export function flushSliced(): void {
  while (runSlice(Number.POSITIVE_INFINITY));
}

/** Pending tasks (tests). */
export function countPendingSliced(): number {
  return state.tasks.size;
}

function scheduleSlice(): void {
  if (state.scheduled) return;
  state.scheduled = true;
  postMacrotask(() => {
    state.scheduled = false;
    if (runSlice(SLICE_BUDGET_MS)) scheduleSlice();
  });
}

/** Runs tasks until the budget is spent; returns whether tasks remain. */
function runSlice(budgetMs: number): boolean {
  const start = performance.now();
  let ran = 0;
  while (state.order.length > 0) {
    if (ran > 0 && performance.now() - start >= budgetMs) break;
    const key = state.order.shift() as object;
    const task = state.tasks.get(key);
    if (!task) continue;
    state.tasks.delete(key);
    ran++;
    task();
  }
  return state.order.length > 0;
}

/** A macrotask without setTimeout's 4 ms clamp when a MessageChannel exists (browsers, Node ≥ 15). */
function postMacrotask(callback: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(callback, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}
