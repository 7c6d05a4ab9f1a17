import { describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, DEFAULT_CONFIG, applyTargetDefaults } from '../config';
import { getTarget } from './index';
import { TARGET_DEFAULT_FIELDS, TARGET_LAB_DEFAULTS } from './labDefaults';
import { TARGET_IDS } from './types';

/** The routing condition of issue 7 §3: some test inputs go to the network, some to the CPU. */
const MIXED_ROUTING = { min: 0.05, max: 0.95 } as const;

describe('TARGET_LAB_DEFAULTS', () => {
  it('has an entry for every target, and nothing else', () => {
    expect(Object.keys(TARGET_LAB_DEFAULTS).sort()).toEqual([...TARGET_IDS].sort());
  });

  for (const id of TARGET_IDS) {
    describe(id, () => {
      const entry = TARGET_LAB_DEFAULTS[id];
      const spec = getTarget(id);

      it("is the first of the target's bound presets (the one the UI lists first)", () => {
        expect(spec.boundPresets[0]?.value).toBe(entry.errorBound);
        expect(spec.boundPresets.filter((p) => p.value === entry.errorBound)).toHaveLength(1);
      });

      it("is the target's first AXNet topology preset", () => {
        const first = spec.topologies.find((t) => t.kind !== 'baseline');
        expect(first?.approximator).toEqual([spec.inputDim, ...entry.approximatorHidden, spec.outputDim]);
        expect(first?.predictor.slice(1, -1)).toEqual([...entry.predictorHidden]);
      });

      it('stays within CONFIG_LIMITS and a classroom budget', () => {
        const { hiddenLayers, hiddenWidth } = CONFIG_LIMITS;
        for (const widths of [entry.approximatorHidden, entry.predictorHidden]) {
          expect(widths.length).toBeGreaterThanOrEqual(hiddenLayers.min);
          expect(widths.length).toBeLessThanOrEqual(hiddenLayers.max);
          for (const w of widths) {
            expect(Number.isInteger(w)).toBe(true);
            expect(w).toBeGreaterThanOrEqual(hiddenWidth.min);
            expect(w).toBeLessThanOrEqual(hiddenWidth.max);
          }
        }
        for (const field of ['learningRate', 'batchSize', 'errorBound', 'steps', 'trainSize', 'testSize'] as const) {
          expect(entry[field]).toBeGreaterThanOrEqual(CONFIG_LIMITS[field].min);
          expect(entry[field]).toBeLessThanOrEqual(CONFIG_LIMITS[field].max);
        }
        for (const field of ['batchSize', 'steps', 'trainSize', 'testSize'] as const) expect(Number.isInteger(entry[field])).toBe(true);
        expect(entry.steps).toBeLessThanOrEqual(4000);
      });

      it("records the measurement behind it, and that measurement shows the paper's effect", () => {
        const m = entry.measured;
        expect(m.seed).toBe(1);
        expect(m.backend).toBe('cpu');
        expect(m.steps).toBe(entry.steps);
        expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(m.command).toContain(`target=${id}`);
        expect(m.command).toMatch(/^npx axlab train '#v=1&/);
        expect(m.note.length).toBeGreaterThan(10);
        for (const value of [m.trueInvocation, m.predictedInvocation, m.loneTrueInvocation, m.onepassTrueInvocation, m.seconds]) expect(Number.isFinite(value)).toBe(true);
        expect(m.shortfall).toBeUndefined();
        expect(m.predictedInvocation).toBeGreaterThan(MIXED_ROUTING.min);
        expect(m.predictedInvocation).toBeLessThan(MIXED_ROUTING.max);
        expect(m.trueInvocation).toBeGreaterThan(0);
        expect(m.trueInvocation).toBeLessThan(1);
        expect(m.trueInvocation).toBeGreaterThan(Math.max(m.loneTrueInvocation, m.onepassTrueInvocation));
      });
    });
  }

  it('is what applyTargetDefaults applies, field by field', () => {
    for (const id of TARGET_IDS) {
      const applied = applyTargetDefaults({ ...DEFAULT_CONFIG, seed: 42, backend: 'wasm' }, id);
      for (const field of TARGET_DEFAULT_FIELDS) expect(applied[field]).toEqual(TARGET_LAB_DEFAULTS[id][field]);
      expect([applied.target, applied.seed, applied.backend]).toEqual([id, 42, 'wasm']);
    }
  });

  it('records no shortfall: every target, fft included, is calibrated to mixed routing', () => {
    expect(TARGET_IDS.filter((id) => TARGET_LAB_DEFAULTS[id].measured.shortfall !== undefined)).toEqual([]);
  });

  it('gives DEFAULT_CONFIG the Bessel entry', () => {
    expect(DEFAULT_CONFIG.target).toBe('bessel_Jnu');
    expect(applyTargetDefaults(DEFAULT_CONFIG, 'bessel_Jnu')).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.errorBound).toBe(TARGET_LAB_DEFAULTS.bessel_Jnu.errorBound);
  });
});
