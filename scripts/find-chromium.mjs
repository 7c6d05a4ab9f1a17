// Finds a Chromium for Playwright: $CHROMIUM_PATH first, then the usual system paths.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATE_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const CANDIDATE_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Returns an executable path, or null when Playwright should use its own downloaded browser. */
export function findChromium() {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist`);
    return override;
  }
  for (const path of CANDIDATE_PATHS) if (existsSync(path)) return path;
  for (const command of CANDIDATE_COMMANDS) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      /* not on PATH */
    }
  }
  return null;
}
