/**
 * The K-model table of `npm run bench` (issue 8 §5), from the JSON the two halves wrote:
 *   node JSON    (axlab bench-node, bench/nodeBench.ts): `groups` (tfjs cpu, wasm in Node) and `torch.runs`
 *                (bench/torch_group.py);
 *   browser JSON (bench/run.mjs): `groups` (tfjs webgpu, webgl, wasm, cpu in a Chromium worker) and `results`.
 * model-steps/s = K models × steps ÷ seconds of training; the ratios are ours ÷ PyTorch CPU (1 thread)
 * sequential and ours ÷ PyTorch CPU (1 thread) batched at the same K. Pure: no I/O (bench/bench.mjs reads
 * and writes the files).
 */
import type { BenchReply } from './bench.worker';
import type { GroupBenchRow } from './groupBench';
import type { NodeBenchResults } from './nodeBench';

export interface GroupReportInput {
  sizes: readonly number[];
  node: Pick<NodeBenchResults, 'groups' | 'torch'> | null;
  browser: { groups?: GroupBenchRow[]; results?: BenchReply[] } | null;
}

/** Per K: model-steps/s, or null where the cell did not run. */
type Rates = Record<number, number | null>;

export interface OurEngine {
  label: string;
  where: GroupBenchRow['where'];
  backend: GroupBenchRow['backend'];
  software: string | null;
  rates: Rates;
  /** Per K: ours ÷ PyTorch 1-thread sequential, ours ÷ PyTorch 1-thread batched. */
  ratios: Record<number, { overSequential: number | null; overBatched: number | null }>;
}

export interface TorchEngine {
  label: string;
  mode: 'sequential' | 'batched';
  threads: number;
  rates: Rates;
}

export interface GroupReport {
  sizes: readonly number[];
  engines: OurEngine[];
  torch: TorchEngine[];
  /** Why a cell is empty, which backends are software, what was unavailable. */
  notes: string[];
  rateTable: string;
  ratioTable: string;
}

/** Our engines in table order. */
const OUR_ORDER: readonly [GroupBenchRow['where'], GroupBenchRow['backend']][] = [
  ['node', 'cpu'],
  ['node', 'wasm'],
  ['browser worker', 'wasm'],
  ['browser worker', 'cpu'],
  ['browser worker', 'webgl'],
  ['browser worker', 'webgpu'],
];

function formatRate(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value >= 100 ? String(Math.round(value)) : value.toPrecision(3);
}

function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const text = ratio >= 10 ? ratio.toFixed(1) : ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2);
  return `${text}×`;
}

function divide(ours: number | null, theirs: number | null): number | null {
  return ours !== null && theirs !== null && theirs > 0 ? ours / theirs : null;
}

/** A markdown table with padded columns (readable as plain text too). */
export function renderMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function buildGroupReport({ sizes, node, browser }: GroupReportInput): GroupReport {
  const ourRows = [...(node?.groups ?? []), ...(browser?.groups ?? [])];
  const notes: string[] = [];

  const torch: TorchEngine[] = [];
  for (const run of node?.torch.runs ?? []) {
    for (const mode of ['sequential', 'batched'] as const) {
      const rates: Rates = {};
      for (const size of sizes) rates[size] = run.cells.find((c) => c.mode === mode && c.K === size)?.modelStepsPerSecond ?? null;
      const how = mode === 'batched' ? 'batched (bmm, one Adam)' : 'sequential';
      torch.push({ label: `PyTorch ${run.torch} CPU, ${how}, ${run.threads === 1 ? '1 thread' : `${run.threads} threads`}`, mode, threads: run.threads, rates });
    }
  }
  if (node?.torch.note) notes.push(`PyTorch: ${node.torch.note}`);
  const sequential = torch.find((t) => t.mode === 'sequential' && t.threads === 1)?.rates ?? {};
  const batched = torch.find((t) => t.mode === 'batched' && t.threads === 1)?.rates ?? {};

  const engines: OurEngine[] = [];
  for (const [where, backend] of OUR_ORDER) {
    const rows = ourRows.filter((r) => r.where === where && r.backend === backend);
    if (rows.length === 0) continue;
    const software = rows.find((r) => r.software)?.software ?? null;
    const label = `${where === 'node' ? 'Node' : 'Chromium worker'}, tfjs ${backend}${software ? ' (software)' : ''}`;
    const rates: Rates = {};
    const ratios: OurEngine['ratios'] = {};
    for (const size of sizes) {
      const row = rows.find((r) => r.size === size);
      rates[size] = row?.result?.modelStepsPerSecond ?? null;
      ratios[size] = { overSequential: divide(rates[size], sequential[size] ?? null), overBatched: divide(rates[size], batched[size] ?? null) };
      if (row && !row.result && row.note) notes.push(`${label}, K = ${size}: ${row.note}`);
    }
    if (software) notes.push(`${label}: ${software}, each cell capped at a few seconds`);
    engines.push({ label, where, backend, software, rates, ratios });
  }
  for (const reply of browser?.results ?? []) {
    if (reply.type === 'unavailable') notes.push(`Chromium worker, tfjs ${reply.backend}: unavailable (${reply.reason})`);
  }

  const rateTable = renderMarkdownTable(
    ['engine', ...sizes.map((k) => `K = ${k}`)],
    [...engines, ...torch].map((e) => [e.label, ...sizes.map((k) => formatRate(e.rates[k] ?? null))]),
  );
  const ratioTable = renderMarkdownTable(
    ['ours', ...sizes.flatMap((k) => [`K = ${k} ÷ seq`, `K = ${k} ÷ batched`])],
    engines.map((e) => [e.label, ...sizes.flatMap((k) => [formatRatio(e.ratios[k].overSequential), formatRatio(e.ratios[k].overBatched)])]),
  );
  return { sizes, engines, torch, notes, rateTable, ratioTable };
}
