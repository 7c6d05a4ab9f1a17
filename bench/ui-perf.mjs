// UI-performance benchmark of the lab (a measurement, not a test): headless Chromium at 1440×900.
//   (a) time from Play to the first metric on the default link (#v=1, backend auto) and on backend=wasm;
//   (b) long tasks (PerformanceObserver 'longtask': count, max, total) and frames (requestAnimationFrame
//       callbacks per second, worst gap) over a window of a single wasm run, starting 1 s after Play;
//   (c) the same during a 4-method compare run (#v=1&methods=axnet,onepass,iterative,weightsharing&backend=wasm);
//   (d) the same during an AxTrain run of every method (#ax=breastcancer&ax.epochs=20&backend=wasm), whose first
//       snapshot mounts every figure panel at once (counted from 0.2 s after Play, to include that mount).
// Prints a table and writes bench/results/ui-perf-<label>-<time>.json.
//
// Usage: node bench/ui-perf.mjs [--dist DIR | --url BASE_URL] [--label NAME] [--seconds 20] [--first-metric-timeout 150]
//   --dist DIR   serve a built lab from DIR (default: dist/); e.g. --dist /work/base-dist for the old build
//   --url URL    measure a lab already served at URL (e.g. http://127.0.0.1:4173/)
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium } from '../scripts/find-chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    url: { type: 'string' },
    label: { type: 'string' },
    seconds: { type: 'string', default: '20' },
    'first-metric-timeout': { type: 'string', default: '150' },
  },
});
const WINDOW_MS = Number(args.seconds) * 1000;
const SETTLE_MS = 1000; // long tasks and frames are counted from 1 s after Play
const FIRST_METRIC_TIMEOUT_MS = Number(args['first-metric-timeout']) * 1000;
const LONG_TASK_MS = 50; // the browser's own long-task threshold

const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** Serves `dir` on a free port; returns its base URL and a close function. */
async function serveDirectory(dir) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`ui-perf: ${join(root, 'index.html')} is missing; run \`vite build\` first or pass --dist DIR / --url URL.`);
    process.exit(2);
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Installed before the app's scripts: records every long task and every animation frame of the page. */
function installProbes() {
  const perf = { longTasks: [], frames: [] };
  window.__uiPerf = perf;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) perf.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    perf.noLongTaskApi = true;
  }
  const tick = (time) => {
    perf.frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Clicks Play and resolves with ms until the true-invocation readout shows a number (null on timeout). */
function clickPlayAndTimeFirstMetric(timeoutMs) {
  return new Promise((resolveTime) => {
    const hasMetric = () => /\d\.\d{4}/.test(document.querySelector('[data-testid="metric-true-invocation"]')?.textContent ?? '');
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!hasMetric()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolveTime(performance.now() - start);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolveTime(null);
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    document.querySelector('[data-testid="play-button"]').click();
  });
}

async function openLab(browser, base, hash, playTestId = 'play-button') {
  // No service worker: its precache (5 MB fetched and stored on the first visit) would run inside the measured window.
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(installProbes);
  await page.goto(new URL(hash, base).href);
  await page.getByTestId(playTestId).waitFor();
  return { page, errors };
}

/** Text of a test id, or null when absent (or when the page does not answer within 15 s: a frozen page). */
async function readText(page, testId) {
  const read = page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null, testId).catch(() => null);
  return Promise.race([read, new Promise((resolveLate) => setTimeout(() => resolveLate(null), 15_000))]);
}

async function measureFirstMetric(browser, base, name, hash) {
  const { page, errors } = await openLab(browser, base, hash);
  const ms = await page.evaluate(clickPlayAndTimeFirstMetric, FIRST_METRIC_TIMEOUT_MS);
  const row = { name, hash, firstMetricMs: ms, backend: await readText(page, 'backend-name'), errors };
  await page.close();
  return row;
}

/** Main-thread tasks of a Chromium trace: summed wall and thread-CPU ms, and tasks with over LONG_TASK_MS of CPU. */
function summarizeMainThread(trace) {
  const events = trace.traceEvents ?? trace;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`));
  return {
    wallMs: tasks.reduce((sum, task) => sum + task.dur, 0) / 1000,
    cpuMs: tasks.reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000,
    longByCpu: tasks.filter((task) => (task.tdur ?? 0) > LONG_TASK_MS * 1000).length,
  };
}

/** Long tasks and frames in [Play + 1 s, Play + 1 s + window]. */
async function measureResponsiveness(browser, base, name, hash, playTestId = 'play-button', settleMs = SETTLE_MS) {
  const { page, errors } = await openLab(browser, base, hash, playTestId);
  const playAt = await page.evaluate((id) => {
    document.querySelector(`[data-testid="${id}"]`).click();
    return performance.now();
  }, playTestId);
  await page.waitForTimeout(settleMs);
  // A trace of the window gives each main-thread task's wall time (dur) and its thread CPU time (tdur):
  // on a loaded machine a task can be "long" while the thread was descheduled, not working.
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.waitForTimeout(WINDOW_MS + 100);
  const cpu = summarizeMainThread(JSON.parse((await browser.stopTracing()).toString()));
  const from = playAt + settleMs;
  const to = from + WINDOW_MS;
  const probe = await page.evaluate(
    ({ from, to }) => {
      const perf = window.__uiPerf;
      const longTasks = perf.longTasks.filter((task) => task.start >= from && task.start < to);
      const frames = perf.frames.filter((time) => time >= from && time < to);
      let worstGap = 0;
      for (let k = 1; k < frames.length; k++) worstGap = Math.max(worstGap, frames[k] - frames[k - 1]);
      return { longTasks, frames: frames.length, worstGap, noLongTaskApi: perf.noLongTaskApi === true };
    },
    { from, to },
  );
  const durations = probe.longTasks.map((task) => task.duration);
  const row = {
    name,
    hash,
    windowMs: WINDOW_MS,
    longTasks: durations.length,
    longTaskMaxMs: durations.length ? Math.max(...durations) : 0,
    longTaskTotalMs: durations.reduce((sum, d) => sum + d, 0),
    fps: probe.frames / (WINDOW_MS / 1000),
    worstFrameGapMs: probe.worstGap,
    step: await readText(page, playTestId === 'play-button' ? 'metric-step' : 'axtrain-status'),
    backend: await readText(page, 'backend-name'),
    longTaskApi: !probe.noLongTaskApi,
    mainThreadCpuMs: cpu.cpuMs,
    mainThreadWallMs: cpu.wallMs,
    tasksOverLongCpu: cpu.longByCpu,
    errors,
  };
  await page.close();
  return row;
}

const served = args.url ? { base: args.url.endsWith('/') ? args.url : `${args.url}/`, close: () => {} } : await serveDirectory(args.dist ?? join(ROOT, 'dist'));
const label = args.label ?? (args.url ? 'url' : args.dist ? resolve(args.dist).split('/').filter(Boolean).pop() : 'dist');
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  headless: true,
  args: ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const results = { label, base: served.base, date: new Date().toISOString(), longTaskThresholdMs: LONG_TASK_MS, firstMetric: [], responsiveness: [] };
try {
  results.firstMetric.push(await measureFirstMetric(browser, served.base, 'default link (auto)', '#v=1'));
  results.firstMetric.push(await measureFirstMetric(browser, served.base, 'default link, wasm', '#v=1&backend=wasm'));
  results.responsiveness.push(await measureResponsiveness(browser, served.base, 'single run, wasm', '#v=1&backend=wasm'));
  results.responsiveness.push(await measureResponsiveness(browser, served.base, '4-method compare, wasm', '#v=1&methods=axnet,onepass,iterative,weightsharing&backend=wasm'));
  results.responsiveness.push(await measureResponsiveness(browser, served.base, 'AxTrain, 4 methods, wasm', '#ax=breastcancer&ax.epochs=20&backend=wasm', 'axtrain-play', 200));
} finally {
  await browser.close();
  served.close();
}

const printTable = (header, rows) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
};
console.log(`\nUI performance of ${label} (${served.base}), headless Chromium 1440×900\n`);
printTable(
  ['first metric', 'ms after Play', 'backend'],
  results.firstMetric.map((r) => [r.name, r.firstMetricMs === null ? `> ${FIRST_METRIC_TIMEOUT_MS}` : Math.round(r.firstMetricMs), r.backend ?? '—']),
);
console.log('');
printTable(
  ['run', `long tasks (> ${LONG_TASK_MS} ms)`, 'max ms', 'busy %', 'fps', 'worst frame gap ms', 'main CPU %', `tasks > ${LONG_TASK_MS} ms CPU`, 'step at end'],
  results.responsiveness.map((r) => [
    r.name,
    r.longTaskApi ? r.longTasks : 'n/a',
    Math.round(r.longTaskMaxMs),
    ((100 * r.longTaskTotalMs) / r.windowMs).toFixed(1),
    r.fps.toFixed(1),
    Math.round(r.worstFrameGapMs),
    ((100 * r.mainThreadCpuMs) / r.windowMs).toFixed(1),
    r.tasksOverLongCpu,
    r.step ?? '—',
  ]),
);
console.log('busy %: long-task wall time / window; main CPU %: main-thread CPU time / window (from a trace). Long tasks with little CPU mean');
console.log('the main thread waited for a core (workers and other load), not that the page worked.');
console.log(`Window: ${WINDOW_MS / 1000} s from 1 s after Play. Page errors: ${[...results.firstMetric, ...results.responsiveness].reduce((n, r) => n + r.errors.length, 0)}.`);
const resultsDir = join(ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `ui-perf-${label.replace(/[^\w.-]+/g, '_')}-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Wrote ${file}`);
