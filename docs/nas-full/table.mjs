// Markdown rows (the table of README.md here) for docs/nas-full/README.md from <dir>/nas-<target>.json and <dir>/run.log
// (default dir: docs/nas-full/results, this session's runs; /tmp/nasfull's runner writes /tmp/nas-<target>.json and /tmp/nasfull/log).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'results');
const logPath = join(dir, 'run.log');
const log = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n') : [];
const targets = ['fft', 'inversek2j', 'bessel_Jnu', 'sobel', 'kmeans', 'jmeint', 'jpeg'];
const rows = [];
for (const t of targets) {
  const start = log.find((l) => l.startsWith(`${t} start`));
  const end = log.find((l) => l.startsWith(`${t} end`));
  const loadStart = start?.match(/load (.*)$/)?.[1] ?? '';
  const loadEnd = end?.match(/load (.*)$/)?.[1] ?? '';
  const path = join(dir, `nas-${t}.json`);
  let j = null;
  try {
    j = JSON.parse(readFileSync(path, 'utf8'));
  } catch {}
  if (!j) {
    rows.push(
      `| ${[t, start ? (end ? `failed (${end})` : `not finished by the deadline (started ${start.split(' ')[2]} UTC)`) : 'not started by the deadline', '', '', '', '', '', '', '', '', loadStart ? `${loadStart} at start` : ''].join(' | ')} |`,
    );
    continue;
  }
  const best = (s) => Math.max(...j.evaluations.filter((e) => e.search === s).map((e) => e.fperf)).toFixed(4);
  const bestAcc = (s) => (100 * Math.max(...j.evaluations.filter((e) => e.search === s).map((e) => e.testAccuracy))).toFixed(1);
  const tt = j.timings.totals;
  const rounds = j.timings.perRound.length;
  rows.push(
    `| ${t} | ${j.bound.bound ?? 'none'} | ${j.trainedCandidates} | ${(j.wallMs / 1000).toFixed(0)} s | ${(tt.trainMs / 1000).toFixed(0)} s | ${(tt.hardwareMs / 1000).toFixed(3)} s | ${(tt.searchMs / 1000).toFixed(2)} s | ${rounds} | ${best('smac')} / ${best('random')} / ${best('enumeration')} | ${bestAcc('smac')} / ${bestAcc('random')} / ${bestAcc('enumeration')} | ${loadStart} → ${loadEnd} |`,
  );
}
console.log(rows.join('\n'));
