/**
 * Browser half of `npm run bench` (opened by bench/run.mjs): one fresh Worker per backend, each
 * training the lab's AXNet; results land in window.__benchResults and the <pre>.
 */
import type { BackendName } from '../src/core/config';
import type { BenchReply, BenchRequest } from './bench.worker';

const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const params = new URLSearchParams(location.search);
const minMs = Number(params.get('ms') ?? 4000);

function runOne(backend: BackendName): Promise<BenchReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'bench' });
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({ type: 'unavailable', backend, reason: 'timed out' });
    }, minMs + 60_000);
    worker.onmessage = (event: MessageEvent<BenchReply>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ type: 'unavailable', backend, reason: event.message || 'worker error' });
    };
    const request: BenchRequest = { backend, minMs, maxSteps: 100_000 };
    worker.postMessage(request);
  });
}

const win = window as unknown as { __benchResults?: BenchReply[]; __benchDone?: boolean };
const out = document.getElementById('out')!;
const results: BenchReply[] = [];
for (const backend of BACKENDS) {
  out.textContent = `running ${backend}…\n${JSON.stringify(results, null, 2)}`;
  results.push(await runOne(backend));
}
out.textContent = JSON.stringify(results, null, 2);
win.__benchResults = results;
win.__benchDone = true;
