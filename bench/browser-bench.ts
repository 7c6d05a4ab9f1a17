/**
 * Browser half of `npm run bench` (opened by bench/run.mjs): one fresh Worker per backend, each
 * training the lab's AXNet, then the K-model cells (bench/groupBench.ts) for each K of `?groups=`.
 * Single-trainer results land in window.__benchResults, K-model rows in window.__benchGroups, both in the <pre>.
 * A cell that outlives its deadline (setup + warm-up + timing) ends the worker; its K and the larger
 * ones are reported as timed out.
 *
 * Query: ms (single trainer, default 4000), groups (default 1,8,64,256; empty for none), groupMs (default 2000),
 * softwareMs (cap per cell on a software GPU, default 3000), backends (default webgpu,webgl,wasm,cpu: which to run).
 */
import type { BackendName } from '../src/core/config';
import type { BenchMessage, BenchReply, BenchRequest } from './bench.worker';
import type { GroupBenchRow } from './groupBench';

const ALL_BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const params = new URLSearchParams(location.search);
const chosenBackends = (params.get('backends') ?? '').split(',').map((s) => s.trim());
const BACKENDS = chosenBackends.some((b) => b !== '') ? ALL_BACKENDS.filter((b) => chosenBackends.includes(b)) : ALL_BACKENDS;
const minMs = Number(params.get('ms') ?? 4000);
const groupSizes = (params.get('groups') ?? '1,8,64,256')
  .split(',')
  .filter((s) => s.trim() !== '')
  .map(Number)
  .filter((k) => Number.isInteger(k) && k >= 1);
const groupCellMs = Number(params.get('groupMs') ?? 2000);
const softwareCellMs = Math.min(3000, Number(params.get('softwareMs') ?? 3000));
/** Wall time a K-model cell may take in all (building K models, warm-up, timing), ms. */
const cellDeadlineMs = (software: boolean) => (software ? 30_000 : 120_000);

function runOne(backend: BackendName): Promise<{ reply: BenchReply; groups: GroupBenchRow[] }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'bench' });
    const groups: GroupBenchRow[] = [];
    let reply: BenchReply | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (why?: string) => {
      clearTimeout(timer);
      worker.terminate();
      if (reply?.type === 'result' && why) {
        // The cell that ran out of time and every larger K after it.
        for (const size of groupSizes.filter((k) => !groups.some((g) => g.size === k))) {
          groups.push({ where: 'browser worker', backend, size, software: reply.software, result: null, note: `${why}${reply.software ? ` (${reply.software})` : ''}` });
        }
      }
      resolve({ reply: reply ?? { type: 'unavailable', backend, reason: why ?? 'no reply' }, groups });
    };
    const arm = (ms: number, why: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(why), ms);
    };
    arm(minMs + 60_000, 'timed out');
    worker.onmessage = (event: MessageEvent<BenchMessage>) => {
      const message = event.data;
      if (message.type === 'unavailable' && reply) return finish(`failed: ${message.reason}`);
      if (message.type === 'result' || message.type === 'unavailable') {
        reply = message;
        if (message.type === 'unavailable' || groupSizes.length === 0) return finish();
      } else if (message.type === 'group') groups.push(message.row);
      else if (message.type === 'done') return finish();
      const software = reply?.type === 'result' && reply.software !== null;
      const next = groupSizes.find((k) => !groups.some((g) => g.size === k));
      arm(cellDeadlineMs(software), `timed out: K = ${next} took over ${cellDeadlineMs(software) / 1000} s`);
    };
    worker.onerror = (event) => finish(event.message || 'worker error');
    const request: BenchRequest = { backend, minMs, maxSteps: 100_000, groupSizes, groupCellMs, softwareCellMs };
    worker.postMessage(request);
  });
}

const win = window as unknown as { __benchResults?: BenchReply[]; __benchGroups?: GroupBenchRow[]; __benchDone?: boolean };
const out = document.getElementById('out')!;
const results: BenchReply[] = [];
const groups: GroupBenchRow[] = [];
const show = () => JSON.stringify({ results, groups }, null, 2);
for (const backend of BACKENDS) {
  out.textContent = `running ${backend}…\n${show()}`;
  const run = await runOne(backend);
  results.push(run.reply);
  groups.push(...run.groups);
}
out.textContent = show();
win.__benchResults = results;
win.__benchGroups = groups;
win.__benchDone = true;
