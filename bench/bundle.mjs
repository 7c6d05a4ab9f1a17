// Bundle size, part of `npm run bench` (after `vite build`): the JS a first paint of the lab needs, and the
// worker code the first Play fetches, raw and gzip, from dist/ as built.
//   first paint = the entry <script> of dist/index.html + its static imports, transitively
//                 + the <link rel="modulepreload"> chunks (the browser fetches those before running the entry);
//   first Play  = the worker entry (lab.worker-*.js) + its role chunk for training (train.worker-*.js) + their static
//                 imports; dynamic imports (tfjs backends, photographs) are listed apart, as loaded on demand.
// Static imports are read from the minified ES modules: `import…from"./x.js"`, `import"./x.js"`, `export…from"./x.js"`;
// `import("./x.js")` is dynamic. gzip: zlib level 9 (Vite's report uses the same).
// Usage: node bench/bundle.mjs [--json] [--check] [--max-first-paint-gzip=250000]  (--check: exit 1 when over the limit)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const args = process.argv.slice(2);
const json = args.includes('--json');
const limitArg = args.find((arg) => arg.startsWith('--max-first-paint-gzip='));
const FIRST_PAINT_LIMIT = limitArg ? Number(limitArg.split('=')[1]) : 250_000;

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('bundle: dist/index.html is missing; run `vite build` first.');
  process.exit(2);
}

/** Paths relative to dist/, e.g. "assets/main-abc.js". */
function measure(path) {
  const bytes = readFileSync(join(DIST, path));
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

function importsOf(path, pattern) {
  const text = readFileSync(join(DIST, path), 'utf8');
  const found = [];
  for (const match of text.matchAll(pattern)) {
    const target = match[1];
    if (!target.startsWith('.')) continue;
    found.push(posix.normalize(posix.join(posix.dirname(path), target)));
  }
  return found.filter((p) => existsSync(join(DIST, p)));
}

/** `roots` and everything they import through any of `patterns` (default: static imports only). */
function closure(roots, patterns = [STATIC_IMPORT]) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const path = stack.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    for (const pattern of patterns) stack.push(...importsOf(path, pattern));
  }
  return [...seen];
}

function total(files) {
  return files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const attr = (tag, name) => tag.match(new RegExp(`${name}="([^"]+)"`))?.[1];
const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*>/g)].map((m) => attr(m[0], 'src')).filter(Boolean);
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*>/g)].map((m) => attr(m[0], 'href')).filter(Boolean);
const toDist = (href) => posix.normalize(href.replace(/^\.\//, '').replace(/^\//, ''));
const firstPaint = closure([...entries, ...preloads].map(toDist))
  .sort()
  .map(measure);
const stylesheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].map((m) => measure(toDist(attr(m[0], 'href'))));

const assets = readdirSync(join(DIST, 'assets')).map((name) => `assets/${name}`);
const workerEntries = assets.filter((p) => /\/lab\.worker-[\w-]+\.js$/.test(p));
const trainRole = assets.filter((p) => /\/train\.worker-[\w-]+\.js$/.test(p));
const firstPlay = closure([...workerEntries, ...trainRole])
  .sort()
  .map(measure);
const onDemand = [...new Set(closure([...workerEntries, ...trainRole]).flatMap((p) => importsOf(p, DYNAMIC_IMPORT)))]
  .filter((p) => !firstPlay.some((f) => f.path === p))
  .sort()
  .map(measure);
const allWorkerRoles = assets
  .filter((p) => /\.worker-[\w-]+\.js$/.test(p))
  .sort()
  .map(measure);
/** Every JS file the worker build can reach, static or dynamic: what one copy of tfjs and the backends cost in all. */
const allWorker = closure(workerEntries, [STATIC_IMPORT, DYNAMIC_IMPORT]).sort().map(measure);

const report = {
  firstPaint: { files: firstPaint, total: total(firstPaint), limitGzip: FIRST_PAINT_LIMIT },
  stylesheets,
  firstPlayWorker: { files: firstPlay, total: total(firstPlay) },
  workerOnDemand: onDemand,
  workerEntries: allWorkerRoles,
  allWorkerJs: total(allWorker),
};

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  const print = (title, files) => {
    console.log(title);
    for (const f of files) console.log(`  ${f.path.padEnd(52)} ${kB(f.raw).padStart(10)}  gzip ${kB(f.gzip).padStart(9)}`);
    const t = total(files);
    console.log(`  ${'total'.padEnd(52)} ${kB(t.raw).padStart(10)}  gzip ${kB(t.gzip).padStart(9)}`);
  };
  print('first paint JS (entry + static imports + modulepreloads):', firstPaint);
  console.log(`  limit: gzip ${kB(FIRST_PAINT_LIMIT)} → ${report.firstPaint.total.gzip <= FIRST_PAINT_LIMIT ? 'within' : 'OVER'}`);
  print('worker code of the first Play (lab.worker + train role + static imports):', firstPlay);
  print('worker chunks loaded on demand (tfjs backends, photographs):', onDemand);
  print('worker entries and roles:', allWorkerRoles);
  console.log(`all worker JS (every chunk lab.worker can reach): ${kB(report.allWorkerJs.raw)}, gzip ${kB(report.allWorkerJs.gzip)}`);
}
// --check: fail (exit 1) when first paint is over the limit; `npm run bench` only reports.
if (args.includes('--check') && report.firstPaint.total.gzip > FIRST_PAINT_LIMIT) process.exitCode = 1;
