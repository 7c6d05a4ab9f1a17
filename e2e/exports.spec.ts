import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { computeAxnetForward } from '../src/core/axnetMath';
import { collectErrors } from './helpers';

/**
 * Exports from every view (issue 13): each panel's Export menu downloads the PNG and SVG of its figures, the run as
 * CSV and JSON, the weights as JSON and as a tfjs LayersModel; every file is opened here: the PNG has the chart's
 * pixel size, the CSV parses, the model loads in tfjs (Node) and gives the lab's forward pass (axnetMath.ts).
 */
const STEPS = 300;
const FIXTURE = `/#v=1&backend=cpu&seed=7&train=1024&test=512&steps=${STEPS}`;
const STEM = `axnet-bessel_Jnu-seed7-step${STEPS}`;

async function trainToDone(page: Page): Promise<void> {
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('metric-step')).toHaveText(String(STEPS));
  await expect(page.getByTestId('play-button')).toHaveAttribute('aria-label', 'Play');
}

async function download(page: Page, testId: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return file;
}

async function readPngSize(file: Download): Promise<{ width: number; height: number }> {
  const bytes = await readFile(await file.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** RFC 4180 rows (quoted fields may hold commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function canvasSize(page: Page, selector: string): Promise<{ width: number; height: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((canvas) => ({ width: (canvas as HTMLCanvasElement).width, height: (canvas as HTMLCanvasElement).height }));
}

test('the Invocation panel exports its chart (PNG, SVG), the run (CSV, JSON), the weights (JSON, tfjs) and a reproduce block', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(FIXTURE);
  await trainToDone(page);
  const toggle = page.getByTestId('export-invocation-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter'); // keyboard reachable: the summary opens the menu
  await expect(page.getByTestId('export-invocation-chart-png')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="export-invocation"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const png = await download(page, 'export-invocation-chart-png');
  expect(png.suggestedFilename()).toBe(`${STEM}-invocation-chart.png`);
  expect(await readPngSize(png)).toEqual(await canvasSize(page, '[data-testid="invocation-chart"] canvas'));
  const svg = await readFile(await (await download(page, 'export-invocation-chart-svg')).path(), 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  for (const name of ['true invocation', 'predicted invocation', 'overall error (right axis)', 'training step']) expect(svg).toContain(name);
  expect(svg).not.toContain('NaN');

  const csv = parseCsv(await readFile(await (await download(page, 'export-run-csv')).path(), 'utf8'));
  expect(csv[0].slice(0, 3)).toEqual(['step', 'true_invocation', 'predicted_invocation']);
  expect(csv.slice(1).map((row) => row[0])).toEqual(['100', '200', '300']);
  for (const row of csv) expect(row).toHaveLength(csv[0].length);
  const last = csv[3];
  expect(Number(last[1]).toFixed(4)).toBe(await page.getByTestId('metric-true-invocation').textContent());
  expect(last[csv[0].indexOf('backend')]).toBe('cpu');
  expect(last[csv[0].indexOf('seed')]).toBe('7');

  const run = JSON.parse(await readFile(await (await download(page, 'export-run-json')).path(), 'utf8'));
  expect(run).toMatchObject({ format: 'axnet-lab-run', seed: 7, backend: 'cpu', step: STEPS });
  expect(run.link).toContain('seed=7');
  expect(run.command).toBe(`npx axlab train '${run.link}' --json`);
  expect(run.evaluations).toHaveLength(3);
  await expect(page.getByTestId('reproduce-command')).toHaveValue(run.command);
  await expect(page.getByTestId('reproduce-link')).toHaveValue(new RegExp(`${run.link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

  const weights = JSON.parse(await readFile(await (await download(page, 'export-weights-json')).path(), 'utf8'));
  expect(weights.approximator.map((l: { fanOut: number }) => l.fanOut)).toEqual([4, 4, 1]);
  const [modelFile, binFile] = await Promise.all([
    page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('model.json') }),
    page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.bin') }),
    page.getByTestId('export-weights-tfjs').click(),
  ]);
  const modelJson = JSON.parse(await readFile(await modelFile.path(), 'utf8'));
  expect(modelJson.weightsManifest[0].paths).toEqual([binFile.suggestedFilename()]);
  const bin = await readFile(await binFile.path());
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-invocation-chart-png')).toBeHidden();
  await expect(toggle).toBeFocused();
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  );
  const rows = Array.from({ length: 50 }, (_, k) => [(k % 10) / 9, Math.floor(k / 10) / 4]);
  const input = tf.tensor2d(rows);
  const [h, p] = model.predict(input) as tf.Tensor[];
  const [hData, pData] = [await h.data(), await p.data()];
  const params = {
    approximator: weights.approximator,
    predictor: weights.predictor,
    fusedLayers: weights.fusedLayers ?? undefined,
    predictionOutput: weights.predictionOutput,
    controlPlacement: weights.controlPlacement,
  };
  let worst = 0;
  rows.forEach((row, r) => {
    const lab = computeAxnetForward(params, row);
    worst = Math.max(worst, Math.abs(hData[r] - lab.output[0]), Math.abs(pData[2 * r + 1] - lab.safeProbability));
  });
  expect(worst).toBeLessThan(1e-5);
  tf.dispose([input, h, p]);
  model.dispose();
  expect(errors).toEqual([]);
});

test('the surface, control-vector and NPU panels export their figures: PNG at the drawn size, SVG that parses', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(FIXTURE);
  await trainToDone(page);
  await page.getByTestId('panel-surface').scrollIntoViewIfNeeded();
  await page.getByTestId('export-surface-toggle').click();
  await expect(page.getByTestId('export-surface-target-png')).toBeVisible();
  const heatPng = await readPngSize(await download(page, 'export-surface-target-png'));
  expect(heatPng).toEqual(await canvasSize(page, 'canvas[data-testid="surface-target"]'));
  const heatSvg = await readFile(await (await download(page, 'export-surface-target-svg')).path(), 'utf8');
  expect(heatSvg.match(/<rect /g)?.length).toBeGreaterThanOrEqual(16 * 16);
  expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null, heatSvg)).toBe(true);

  await page.getByTestId('panel-control').scrollIntoViewIfNeeded();
  await page.getByTestId('export-control-toggle').click();
  const controlPng = await readPngSize(await download(page, 'export-control-c-0-0-png'));
  expect(controlPng).toEqual(await canvasSize(page, 'canvas[data-testid="control-c-0-0"]'));

  await page.getByRole('navigation', { name: 'Panels' }).getByRole('link', { name: /NPU/ }).click();
  await expect(page.getByTestId('npu-diagram')).toBeVisible();
  await page.getByTestId('export-npu-toggle').click();
  const npuSvg = await readFile(await (await download(page, 'export-npu-diagram-svg')).path(), 'utf8');
  expect(npuSvg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(npuSvg).not.toContain('class=');
  const box = await page.getByTestId('npu-diagram').boundingBox();
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  const npuPng = await readPngSize(await download(page, 'export-npu-diagram-png'));
  expect(npuPng).toEqual({ width: Math.round(Math.round(box!.width) * ratio), height: Math.round(Math.round(box!.height) * ratio) });
  expect(errors).toEqual([]);
});
