// Renders public/favicon.svg into the web app manifest's PNG icons (public/icons/), with the Chromium Playwright uses.
// Run once after changing the favicon: `node scripts/make-icons.mjs`; the PNGs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const outDir = new URL('../public/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });

/** size: px; padding: the share of the side kept clear (a maskable icon's safe zone is the central 80 %). */
const ICONS = [
  { file: 'icon-192.png', size: 192, padding: 0 },
  { file: 'icon-512.png', size: 512, padding: 0 },
  { file: 'icon-maskable-512.png', size: 512, padding: 0.1 },
];

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox'] });
try {
  for (const { file, size, padding } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inset = Math.round(size * padding);
    // The maskable icon fills the whole square with the favicon's blue, so the platform's mask never cuts into white.
    const background = padding > 0 ? '#1565c0' : 'transparent';
    await page.setContent(
      `<html><body style="margin:0;background:${background}"><div style="position:absolute;inset:${inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body></html>`,
    );
    writeFileSync(new URL(file, outDir), await page.screenshot({ omitBackground: padding === 0 }));
    await page.close();
  }
} finally {
  await browser.close();
}
