import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DRUM_K_PRESETS } from '../../../core/approx/drum';
import { findResult } from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { loadAxtrainFixture } from './fixtures/loadFixture';
import { AxtrainPanels } from './index';
import { ClaimsPanel } from './ClaimsPanel';
import { DrumExplorer } from './DrumExplorer';
import { LandscapePanel } from './LandscapePanel';
import { ModeSelectionPanel } from './ModeSelectionPanel';
import { MultiplierSweepPanel } from './MultiplierSweepPanel';
import { NtvPanel } from './NtvPanel';
import { SensitivityMapPanel } from './SensitivityMapPanel';
import { TrainingCurvesPanel } from './TrainingCurvesPanel';
import { registerCatalog, startI18n } from '../../i18n';
import { axtrain } from '../../i18n/locales/axtrain';

// The panels read their texts from the catalog (English: the store's default language).
startI18n();
// As the view's chunk does (the namespace is not part of the first paint's catalogs).
registerCatalog('axtrain', axtrain);

const { config, snapshots } = loadAxtrainFixture();
const kMapping = { ...DRUM_K_PRESETS };
const byMethod = Object.fromEntries(snapshots.map((s) => [s.method, s]));

/** Text of the element with data-testid="id" (first match; tags stripped, entities decoded). */
function textOf(html: string, id: string): string {
  const start = html.indexOf(`data-testid="${id}"`);
  if (start < 0) throw new Error(`no element with data-testid="${id}"`);
  const open = html.lastIndexOf('<', start);
  const tag = /^<([a-zA-Z0-9]+)/.exec(html.slice(open))![1];
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, 'g');
  pattern.lastIndex = open;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    if (m[2] === '/') continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return decode(html.slice(open, m.index + m[0].length).replace(/<[^>]+>/g, ''));
  }
  throw new Error(`unclosed <${tag}> for ${id}`);
}

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/<!-- -->/g, '');
}

/** The attribute `name` of the element with data-testid="id". */
function attributeOf(html: string, id: string, name: string): string | null {
  const start = html.indexOf(`data-testid="${id}"`);
  if (start < 0) return null;
  const open = html.lastIndexOf('<', start);
  const end = html.indexOf('>', start);
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(html.slice(open, end));
  return match ? decode(match[1]) : null;
}

const empty: AxtrainMethodSnapshot[] = config.methods.map((method) => ({
  method,
  step: 0,
  totalSteps: 80,
  phase: 'starting',
  points: [],
  hardware: null,
  sensitivityMap: null,
  landscape: null,
  diverged: null,
}));

describe('AxtrainPanels', () => {
  it('lays out every figure panel from a real run, each a section with a heading and a caption', () => {
    const html = renderToString(h(AxtrainPanels, { config, snapshots, running: false }));
    for (const id of ['curves', 'landscape', 'multiplier', 'sensitivity', 'ntv', 'modes', 'claims', 'drum']) {
      const at = html.indexOf(`data-testid="axtrain-panel-${id}"`);
      expect(at, id).toBeGreaterThan(0);
      expect(html.slice(html.lastIndexOf('<', at), at)).toMatch(/^<section/);
      expect(html).toContain(`id="axtrain-${id}-title"`);
    }
    expect(html).not.toContain('axtrain-landscape-waiting');
    expect(attributeOf(html, 'axtrain-panels', 'data-methods')).toBe('bp,act,pas,actpas');
  });

  it('before any data, each panel says in one line what it waits for; the DRUM explorer shows anyway', () => {
    const html = renderToString(h(AxtrainPanels, { config, snapshots: empty, running: true }));
    expect(textOf(html, 'axtrain-curves-waiting')).toMatch(/end of the first epoch/);
    expect(textOf(html, 'axtrain-landscape-waiting')).toMatch(/Fig\. 1 appears when/);
    expect(textOf(html, 'axtrain-sensitivity-waiting')).toMatch(/Fig\. 4 appears when/);
    expect(textOf(html, 'axtrain-multiplier-waiting')).toMatch(/Fig\. 6 appears when training ends/);
    expect(textOf(html, 'axtrain-ntv-waiting')).toMatch(/Fig\. 7 appears when training ends .*10 flip masks/);
    expect(textOf(html, 'axtrain-modes-waiting')).toMatch(/Fig\. 9/);
    expect(textOf(html, 'axtrain-claims-waiting')).toMatch(/when training ends/);
    expect(textOf(html, 'drum-product')).toMatch(/^1,232/);
  });
});

describe('the panels', () => {
  it('training curves: accuracy, E and S(w) for every method, γ for act and actpas only, with a legend', () => {
    const html = renderToString(h(TrainingCurvesPanel, { config, snapshots, running: false }));
    expect(attributeOf(html, 'axtrain-curve-testAccuracy', 'data-methods')).toBe('bp,act,pas,actpas');
    expect(attributeOf(html, 'axtrain-curve-testAccuracy', 'data-points')).toBe('20');
    expect(attributeOf(html, 'axtrain-curve-gamma', 'data-methods')).toBe('act,actpas');
    // E and S(w) start on a log axis (pas's noisy E is many times bp's); accuracy and γ stay linear.
    expect(attributeOf(html, 'axtrain-curve-trainError', 'data-log')).toBe('true');
    expect(attributeOf(html, 'axtrain-curve-testAccuracy', 'data-log')).toBe('false');
    expect(textOf(html, 'axtrain-curves-legend')).toBe('BPAxTrain-actAxTrain-pasAxTrain (act + pas)');
    const label = attributeOf(html, 'axtrain-curve-testSensitivity-chart', 'aria-label')!;
    expect(label).toContain(`BP ${Number(byMethod.bp.points[9].testSensitivity.toPrecision(4))} at epoch 10`);
    expect(html).toContain('(eq. 5)');
    expect(html).toContain('(eq. 4');
  });

  it('Fig. 1: one chart of every method, the flatness table from the same curves', () => {
    const html = renderToString(h(LandscapePanel, { snapshots, running: false }));
    expect(html).toContain('data-testid="axtrain-landscape-chart"');
    const bp = byMethod.bp.landscape!;
    const zero = bp.losses[bp.alphas.indexOf(0)];
    expect(Number(attributeOf(html, 'axtrain-landscape-row-bp', 'data-rise'))).toBeCloseTo((bp.losses[0] + bp.losses[bp.losses.length - 1]) / 2 - zero, 9);
    expect(textOf(html, 'axtrain-panel-landscape')).toMatch(/sharp.*flat/s);
  });

  it('Fig. 4: a map per method on one scale topped by BP’s maximum, a numbered colour bar and a keyboard readout', () => {
    const html = renderToString(h(SensitivityMapPanel, { config, snapshots, running: false }));
    expect(attributeOf(html, 'axtrain-sensitivity-maps', 'data-scale-max')).toBe('1');
    expect(Number(attributeOf(html, 'axtrain-sensitivity-maps', 'data-reference-max'))).toBe(Math.max(...byMethod.bp.sensitivityMap!.values));
    for (const method of ['bp', 'act', 'pas', 'actpas']) {
      expect(attributeOf(html, `axtrain-sensitivity-${method}-canvas`, 'data-rows')).toBe('2');
      expect(attributeOf(html, `axtrain-sensitivity-${method}-canvas`, 'data-cols')).toBe('64');
      // At least 120 CSS px in each dimension (2 output rows of ≥ 60 px).
      const style = attributeOf(html, `axtrain-sensitivity-${method}-canvas`, 'style')!;
      const [w, hgt] = [/width:(\d+)px/.exec(style)![1], /height:(\d+)px/.exec(style)![1]].map(Number);
      expect(w).toBeGreaterThanOrEqual(120);
      expect(hgt).toBeGreaterThanOrEqual(120);
      expect(attributeOf(html, `axtrain-sensitivity-${method}-canvas-map`, 'tabindex')).toBe('0');
    }
    expect(Number(attributeOf(html, 'axtrain-sensitivity-bp', 'data-max'))).toBeCloseTo(1, 6);
    expect(textOf(html, 'axtrain-sensitivity-bar')).toMatch(/^s_ij \/ BP’s largest s_ij .*0.*≥ 1$/);
    expect(textOf(html, 'axtrain-sensitivity-readout')).toMatch(/arrow keys/);
    expect(textOf(html, 'axtrain-sensitivity-pas')).toMatch(/above the scale’s top/);
    expect(html).toContain('malignant');
  });

  it('Fig. 6: grouped bars on a log axis with the exact = 1 line, K1…K4 under k = 1…4, the paper’s numbers beside ours', () => {
    const html = renderToString(h(MultiplierSweepPanel, { config, snapshots, running: false, kMapping, onKMapping: () => {} }));
    expect(attributeOf(html, 'axtrain-multiplier-chart', 'data-scale')).toBe('log');
    expect(html).toContain('exact multipliers = 1');
    const bpK1 = findResult(byMethod.bp.hardware!, { kind: 'drum', k: 1 })!.normalizedLoss;
    expect(html).toContain(`data-method="bp" data-value="${bpK1}"`);
    const chart = textOf(html, 'axtrain-multiplier-chart');
    for (const k of [1, 2, 3, 4]) expect(chart).toContain(`k = ${k}K${k}`);
    expect(chart).not.toMatch(/k = [5-8]K/);
    expect(textOf(html, 'axtrain-multiplier-claims-fig6-act-K1')).toMatch(/Paper40\.77%Ours−?\d+\.\d\d%/);
    expect(textOf(html, 'axtrain-multiplier-claims-fig6-actpas-K1')).toMatch(/not computed: needs AxTrain \(act \+ pas\) trained for DRUM-1/);
    expect(textOf(html, 'axtrain-panel-multiplier')).toMatch(/interpretation/);
  });

  it('Fig. 7: error bars are mean ± std over the 10 masks, at 400, 660 and 850 mV', () => {
    const html = renderToString(h(NtvPanel, { config, snapshots, running: false }));
    expect(textOf(html, 'axtrain-ntv-runs')).toBe('10');
    const hit = byMethod.pas.hardware!.results.find((r) => r.setting.kind === 'ntv' && r.setting.voltageMv === 400)!;
    const at = html.indexOf(`data-lower="${hit.accuracy.mean - hit.accuracy.std}" data-upper="${hit.accuracy.mean + hit.accuracy.std}"`);
    expect(at).toBeGreaterThan(0);
    expect(textOf(html, 'axtrain-ntv-row-ntv400')).toMatch(/^400 mV \(p = 10% · aggressive\)/);
    expect(textOf(html, 'axtrain-ntv-row-ntv660')).toMatch(/conservative/);
    expect(textOf(html, 'axtrain-ntv-row-ntv850')).toContain(`${(100 * byMethod.bp.hardware!.results.at(-1)!.accuracy.mean).toFixed(1)}%`);
    expect(textOf(html, 'axtrain-ntv-claims-fig7-aggressive')).toMatch(/Paper32\.1%Ours−?\d+\.\d\d%/);
  });

  it('Fig. 9: per method the chosen k and voltage with an estimated saving and its formula', () => {
    const html = renderToString(h(ModeSelectionPanel, { config, snapshots, running: false }));
    expect(textOf(html, 'axtrain-modes-ntv-bp')).toMatch(/^850 mV · accuracy 99\.9%/);
    expect(textOf(html, 'axtrain-modes-ntv-actpas')).toMatch(/^660 mV/);
    expect(textOf(html, 'axtrain-modes-drum-bp')).toMatch(/−\d+\.\d% multiply energy estimate/);
    const sources = textOf(html, 'axtrain-modes-sources');
    expect(sources).toContain('BP, k = 1: 0.8 pJ × ((1/16)² + 0.1737) per operation');
    expect(sources).toContain('BP, 850 mV: 10 pJ × 8/64 × (0.85 V / 1.1 V)^2 per operation');
    expect(sources).toMatch(/SRAM nominal supply = 1\.1 V paper/);
    expect(textOf(html, 'axtrain-modes-claims-computation')).toMatch(/not computed: needs AxTrain fine-tuned for DRUM/);
    expect(textOf(html, 'axtrain-modes-claims-storage')).toMatch(/Paper−33\.14%Ours[−+]\d+\.\d\d% \(estimate\)/);
  });

  it('claims: every claim of the paper with ours or a clear “not computed: …”', () => {
    const html = renderToString(h(ClaimsPanel, { config, snapshots, running: false, kMapping }));
    // act at K1–K3 and AxTrain at 400 mV (what it was fine-tuned for); AxTrain's DRUM rows and its 660 mV row are not computed.
    expect(attributeOf(html, 'axtrain-claims-table', 'data-computed')).toBe('4');
    expect(attributeOf(html, 'axtrain-claim-fig7-aggressive', 'data-computed')).toBe('true');
    expect(textOf(html, 'axtrain-claim-fig7-conservative')).toMatch(/not computed: needs AxTrain \(act \+ pas\) trained for NTV 660 mV/);
    expect(textOf(html, 'axtrain-claim-fig6-actpas-K2')).toMatch(/58\.45%.*not computed: needs AxTrain \(act \+ pas\) trained for DRUM-2/);
    expect(textOf(html, 'axtrain-claim-fig7-conservative')).toMatch(/8\.163%/);
  });

  it('DRUM explorer: bits with roles a screen reader and a colour-blind reader can tell apart, products and the stats table', () => {
    const html = renderToString(h(DrumExplorer, { seed: 1, kMapping }));
    const a = textOf(html, 'drum-operand-a');
    expect(a).toMatch(/a = 182/);
    expect(a).toMatch(/t = 7, s = t − k \+ 1 = 4/);
    // Roles of 182 = 1011 0110₂ at k = 4, MSB first: 8 leading zeros, L K K F D D D D.
    expect(a).toContain('········LKKFDDDD');
    expect(textOf(html, 'drum-product')).toMatch(/^1,232/);
    expect(textOf(html, 'drum-exact')).toBe('1,274');
    expect(textOf(html, 'drum-error')).toBe('−3.297%');
    expect(attributeOf(html, 'drum-stats-4', 'aria-current')).toBe('true');
    expect(textOf(html, 'drum-stats-1')).toMatch(/^1 \(K1\)−5\d\.\d\d%/);
    expect(attributeOf(html, 'drum-preset-K4', 'aria-pressed')).toBe('true');
    expect(html).toContain('role-forced');
  });
});
