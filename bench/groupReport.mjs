// The K-model table of `npm run bench` (issue 8 §5), from the JSON the two halves wrote:
//   node JSON    (axlab bench-node): `groups` (tfjs cpu, wasm in Node) and `torch.runs` (bench/torch_group.py);
//   browser JSON (bench/run.mjs):    `groups` (tfjs webgpu, webgl, wasm, cpu in a Chromium worker).
// model-steps/s = K models × steps ÷ seconds of training; ratios = ours ÷ PyTorch (1 thread) sequential and
// ÷ PyTorch (1 thread) batched at the same K. Pure: no I/O (bench/bench.mjs reads and writes the files).

/** Our engines in table order: [where, backend]. */
const OUR_ORDER = [
  ['node', 'cpu'],
  ['node', 'wasm'],
  ['browser worker', 'wasm'],
  ['browser worker', 'cpu'],
  ['browser worker', 'webgl'],
  ['browser worker', 'webgpu'],
];

function formatRate(value) {
  if (value == null || !Number.isFinite(value)) return '—';
  return value >= 100 ? String(Math.round(value)) : value.toPrecision(3);
}

function formatRatio(ours, theirs) {
  if (ours == null || theirs == null || !(theirs > 0)) return '—';
  return `${ours / theirs >= 10 ? (ours / theirs).toFixed(1) : (ours / theirs).toFixed(2)}×`;
}

/** A markdown table with padded columns (readable as text too). */
export function renderMarkdownTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function threadLabel(threads) {
  return threads === 1 ? '1 thread' : `${threads} threads`;
}

/**
 * @param {{ sizes: number[], node: any | null, browser: any | null }} input
 * @returns {{ sizes: number[], engines: object[], torch: object[], notes: string[], rateTable: string, ratioTable: string }}
 */
export function buildGroupReport({ sizes, node, browser }) {
  const ourRows = [...(node?.groups ?? []), ...(browser?.groups ?? [])];
  const notes = [];
  const engines = [];
  for (const [where, backend] of OUR_ORDER) {
    const rows = ourRows.filter((r) => r.where === where && r.backend === backend);
    if (rows.length === 0) continue;
    const software = rows.find((r) => r.software)?.software ?? null;
    const label = `${where === 'node' ? 'Node' : 'Chromium worker'}, tfjs ${backend}${software ? ' (software)' : ''}`;
    const rates = {};
    for (const size of sizes) {
      const row = rows.find((r) => r.size === size);
      rates[size] = row?.result?.modelStepsPerSecond ?? null;
      if (row && !row.result && row.note) notes.push(`${label}, K = ${size}: ${row.note}`);
    }
    if (software) notes.push(`${label}: ${software}; each cell capped at a few seconds`);
    engines.push({ label, where, backend, software, rates });
  }
  // Every model of a browser backend unavailable: say so once.
  for (const reply of browser?.results ?? []) {
    if (reply.type === 'unavailable') notes.push(`Chromium worker, tfjs ${reply.backend}: unavailable (${reply.reason})`);
  }

  const torch = [];
  for (const run of node?.torch?.runs ?? []) {
    for (const mode of ['sequential', 'batched']) {
      const rates = {};
      for (const size of sizes) rates[size] = run.cells.find((c) => c.mode === mode && c.K === size)?.modelStepsPerSecond ?? null;
      const label = `PyTorch ${run.torch} CPU, ${mode === 'batched' ? 'batched (bmm, one Adam)' : 'sequential'}, ${threadLabel(run.threads)}`;
      torch.push({ label, mode, threads: run.threads, rates });
    }
  }
  if (node?.torch?.note) notes.push(`PyTorch: ${node.torch.note}`);
  const sequential = torch.find((t) => t.mode === 'sequential' && t.threads === 1) ?? null;
  const batched = torch.find((t) => t.mode === 'batched' && t.threads === 1) ?? null;

  const rateTable = renderMarkdownTable(
    ['engine', ...sizes.map((k) => `K = ${k}`)],
    [...engines, ...torch].map((e) => [e.label, ...sizes.map((k) => formatRate(e.rates[k]))]),
  );
  const ratioTable = renderMarkdownTable(
    ['ours', ...sizes.flatMap((k) => [`K = ${k} ÷ seq`, `K = ${k} ÷ batched`])],
    engines.map((e) => [e.label, ...sizes.flatMap((k) => [formatRatio(e.rates[k], sequential?.rates[k]), formatRatio(e.rates[k], batched?.rates[k])])]),
  );
  for (const engine of engines) {
    engine.ratios = Object.fromEntries(
      sizes.map((k) => [
        k,
        {
          overSequential: sequential?.rates[k] && engine.rates[k] != null ? engine.rates[k] / sequential.rates[k] : null,
          overBatched: batched?.rates[k] && engine.rates[k] != null ? engine.rates[k] / batched.rates[k] : null,
        },
      ]),
    );
  }
  return { sizes, engines, torch, notes, rateTable, ratioTable };
}
