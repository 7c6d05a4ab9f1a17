/// <reference lib="webworker" />
/**
 * The one Worker entry of the lab. Vite bundles each Worker entry on its own, so three entries (train,
 * study, bench) each inlined all of tfjs (~2 MB apiece). One entry with a role per job lets them share
 * tfjs and the backends as chunks of a single worker build, fetched once and cached by the browser.
 *
 * The role is the Worker's name: `new Worker(new URL('…/lab.worker.ts', import.meta.url), { type: 'module',
 * name: 'train' })`. The role module installs its own `self.onmessage`; messages that arrive while it
 * loads are queued here and handed to it in order. If the role's chunk cannot be fetched (offline, a
 * deploy in between), the import rejects before the worker ever posted a message, which the page reports
 * as "the training code could not be loaded" (src/state/workerFailure.ts).
 */
declare const self: DedicatedWorkerGlobalScope;

export const WORKER_ROLES = {
  train: () => import('./train.worker'),
  study: () => import('./study.worker'),
  sweep: () => import('./sweep.worker'),
  axtrain: () => import('./axtrain.worker'),
  nas: () => import('./nas.worker'),
  bench: () => import('../bench/bench.worker'),
} as const;
export type WorkerRole = keyof typeof WORKER_ROLES;

const queued: MessageEvent[] = [];
const queue = (event: MessageEvent) => void queued.push(event);
self.onmessage = queue;

const role = self.name;
if (!Object.hasOwn(WORKER_ROLES, role)) throw new Error(`Unknown worker role: ${JSON.stringify(role)}`);
await WORKER_ROLES[role as WorkerRole]();
const handler = self.onmessage as ((this: DedicatedWorkerGlobalScope, event: MessageEvent) => unknown) | null;
if (handler === queue || handler === null) throw new Error(`The ${role} worker installed no message handler.`);
for (const event of queued.splice(0)) handler.call(self, event);
