// Browser half of `npm run bench`: serves dist/ (vite build with the bench entry), opens
// dist/bench/index.html in headless Chromium, and prints steps/s of the AXNet trainer per tfjs backend
// (webgpu, webgl, wasm, cpu; in a Worker each), with ratios, then writes bench/results/browser-<time>.json.
// The same workers then time the K-model cells (bench/groupBench.ts); their rows go into that JSON under
// `groups`, for bench/groupReport.ts.
// Usage: node bench/run.mjs [--quick] [--ms MS] [--out FILE] [--node FILE] [--backends wasm,cpu]
//   --quick      K = 1, 8 only, shorter cells;  --ms  single-trainer window per backend (default 4000, BENCH_MS)
//   --backends   only these backends (default all four)
//   --out FILE   where to write the JSON;        --node FILE  the bench-node JSON for the "× node cpu" column (default: latest)
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium } from '../scripts/find-chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, ms: { type: 'string' }, out: { type: 'string' }, node: { type: 'string' }, backends: { type: 'string' } },
});
const GROUP_QUERY = args.quick ? 'groups=1,8&groupMs=700&softwareMs=700' : 'groups=1,8,64,256&groupMs=2000&softwareMs=3000';
const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

if (!existsSync(join(DIST, 'bench', 'index.html'))) {
  console.error('bench: dist/bench/index.html is missing; run `vite build` first (vite.config.ts needs the bench input).');
  process.exit(2);
}

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(DIST, path);
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;

const executablePath = findChromium() ?? undefined;
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
let results;
let groups;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`bench page error: ${error.message}`));
  const ms = Number(args.ms ?? process.env.BENCH_MS ?? (args.quick ? 1500 : 4000));
  await page.goto(`http://127.0.0.1:${port}/bench/index.html?ms=${ms}&${GROUP_QUERY}${args.backends ? `&backends=${encodeURIComponent(args.backends)}` : ''}`);
  await page.waitForFunction(() => window.__benchDone === true, null, { timeout: 20 * 60_000, polling: 500 });
  results = await page.evaluate(() => window.__benchResults);
  groups = await page.evaluate(() => window.__benchGroups ?? []);
} finally {
  await browser.close();
  server.close();
}

// Node numbers from the latest `axlab bench-node` run, for the cross-runtime ratio.
const resultsDir = join(ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const nodeFiles = readdirSync(resultsDir)
  .filter((f) => f.startsWith('node-') && f.endsWith('.json'))
  .sort();
const nodeFile = args.node ?? (nodeFiles.length ? join(resultsDir, nodeFiles.at(-1)) : null);
const nodeRows = nodeFile && existsSync(nodeFile) ? JSON.parse(readFileSync(nodeFile, 'utf8')).rows : [];
const nodeCpu = nodeRows.find((r) => r.engine === 'tfjs cpu' && r.variant === 'trainer AXNet + lone')?.stepsPerSecond ?? null;

const browserCpu = results.find((r) => r.type === 'result' && r.backend === 'cpu')?.stepsPerSecond ?? null;
const rows = [
  ...results.map((r) => ({
    where: 'browser worker',
    backend: r.backend,
    stepsPerSecond: r.type === 'result' ? r.stepsPerSecond : null,
    note: r.type === 'result' ? `${r.steps} steps, warm-up ${Math.round(r.warmupMs)} ms` : `unavailable: ${r.reason}`,
  })),
  ...nodeRows
    .filter((r) => r.variant === 'trainer AXNet + lone')
    .map((r) => ({ where: 'node', backend: r.engine.replace('tfjs ', ''), stepsPerSecond: r.stepsPerSecond, note: 'axlab bench-node' })),
];
const header = ['where', 'backend', 'steps/s', '× browser cpu', '× node cpu', 'note'];
const table = rows.map((r) => [
  r.where,
  r.backend,
  r.stepsPerSecond == null ? '—' : r.stepsPerSecond.toFixed(1),
  r.stepsPerSecond && browserCpu ? (r.stepsPerSecond / browserCpu).toFixed(2) : '—',
  r.stepsPerSecond && nodeCpu ? (r.stepsPerSecond / nodeCpu).toFixed(2) : '—',
  r.note,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
const line = (cells) =>
  cells
    .map((c, i) => String(c).padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log('AXNet trainer (Bessel defaults: A 2-4-4-1, C 2-8-10, lone 2-4-4-1, batch 128, Adam): training steps per second');
console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n'));
const file = args.out ?? join(resultsDir, `browser-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify({ results, rows, groups }, null, 2));
console.log(`bench: wrote ${file}`);
