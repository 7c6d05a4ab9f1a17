// Makes sure a Chromium exists for the browser tests, installing one and saying so if none is found:
// `apt-get install -y chromium` where that is possible (root on Debian), Playwright's installer otherwise.
// CHROMIUM_PATH overrides the choice.
import { execSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

function run(command) {
  console.log(`[ensure-chromium] $ ${command}`);
  execSync(command, { stdio: 'inherit' });
}

const found = findChromium();
if (found) {
  console.log(`[ensure-chromium] using ${found}`);
} else {
  console.log('[ensure-chromium] no Chromium found: installing one');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt = false;
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (isRoot && hasApt) {
    try {
      run('apt-get install -y chromium');
    } catch {
      run('apt-get update');
      run('apt-get install -y chromium');
    }
  } else {
    run('npx playwright install chromium');
  }
  console.log(`[ensure-chromium] installed: ${findChromium() ?? "Playwright's own Chromium"}`);
}
