import { describe, expect, it } from 'vitest';
import { buildCustomTarget } from './customFunction';
import { DEFAULT_CUSTOM_FUNCTION } from './customDefaults';
import { listTargets } from './index';
import { ERROR_METRIC_ZH, TARGET_TEXT_ZH, boundPresetSourceIn, errorMetricIn, targetDescriptionIn, targetInputNamesIn, targetTitleIn } from './targetTextZh';

const HAS_CHINESE = /[\u3400-\u9fff]/;

describe('the benchmarks in Chinese', () => {
  it('has a Chinese title and description for exactly the benchmarks there are', () => {
    expect(Object.keys(TARGET_TEXT_ZH).sort()).toEqual(
      listTargets()
        .map((spec) => spec.id)
        .sort(),
    );
    for (const [id, text] of Object.entries(TARGET_TEXT_ZH)) {
      expect(HAS_CHINESE.test(text.title), id).toBe(true);
      expect(HAS_CHINESE.test(text.description), id).toBe(true);
    }
  });

  it('gives one Chinese input name per input, and keeps symbol names as written', () => {
    for (const spec of listTargets()) {
      const names = targetInputNamesIn(spec, 'zh');
      expect(names.length, spec.id).toBe(spec.inputNames.length);
      // A name with an English word of 2+ letters must have a Chinese version.
      for (const name of names) expect(/[A-Za-z]{3,}/.test(name), `${spec.id}: ${name}`).toBe(false);
    }
    expect(targetInputNamesIn(listTargets()[0], 'en')).toBe(listTargets()[0].inputNames);
  });

  it('reads the English in English, and translates a custom function around its expression', () => {
    const spec = listTargets()[0];
    expect(targetTitleIn(spec, 'en')).toBe(spec.title);
    expect(targetDescriptionIn(spec, 'en')).toBe(spec.description);
    const custom = buildCustomTarget(DEFAULT_CUSTOM_FUNCTION);
    expect(targetTitleIn(custom, 'zh')).toMatch(/^自定义：/);
    const ranges = DEFAULT_CUSTOM_FUNCTION.ranges;
    const description = targetDescriptionIn(custom, 'zh', ranges);
    expect(description).toContain(DEFAULT_CUSTOM_FUNCTION.expression);
    expect(description).toContain(`x0 ∈ [${ranges[0][0]}, ${ranges[0][1]}]`);
  });

  it('names every error metric', () => {
    expect(Object.keys(ERROR_METRIC_ZH).sort()).toEqual(['absolute', 'relative', 'rms']);
    expect(errorMetricIn('absolute', 'zh')).toBe('绝对误差');
    expect(errorMetricIn('relative', 'en')).toBe('relative');
  });

  it('gives every error-bound preset of every benchmark and of the custom function its source in Chinese', () => {
    const presets = [...listTargets(), buildCustomTarget(DEFAULT_CUSTOM_FUNCTION)].flatMap((target) => target.boundPresets);
    expect(presets.length).toBeGreaterThan(10);
    for (const { source } of presets) {
      expect(/[\u3400-\u9fff]/.test(boundPresetSourceIn(source, 'zh')), source).toBe(true);
      expect(boundPresetSourceIn(source, 'en')).toBe(source);
    }
  });
});
