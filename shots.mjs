import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4190';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const views = [
  ['axtrain-zh', '/#ax=breastcancer&ax.epochs=2&ax.runs=2&backend=cpu&lang=zh', null],
  ['nas-zh', '/#nas=jpeg&nas.group=2&nas.budget=3&nas.steps=100&backend=wasm&lang=zh', null],
  ['warning-zh', '/#v=1&backend=wasm&approx=128-128-128-128&pred=128-128-128-128&batch=4096&train=200000&lang=zh', 'play-button'],
];
for (const [name, link, click] of views) {
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(base + link);
    await page.waitForTimeout(2500);
    if (click) {
      await page.getByTestId(click).click();
      await page.waitForTimeout(800);
    }
    await page.screenshot({ path: `/tmp/shots/${name}-${w}.png` });
    await page.close();
  }
}
await browser.close();
