import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, applyTargetDefaults } from './config';
import { URL_PARAMS, buildShareUrl, formatHash, parseLink } from './link';
import { SUMMARIZED_LAB_KEYS, describeLinkContents, summarizeLink } from './linkSummary';

describe('summarizeLink', () => {
  it('says a link of the defaults holds the default settings', () => {
    expect(summarizeLink(formatHash(DEFAULT_CONFIG))).toEqual([]);
    expect(describeLinkContents('http://127.0.0.1:4173/#v=1')).toBe('the default settings');
    expect(describeLinkContents('')).toBe('the default settings');
  });

  it('names what differs from the defaults, in link order, from the link formatHash writes', () => {
    const config = applyTargetDefaults(DEFAULT_CONFIG, 'sobel');
    config.methods = ['axnet', 'onepass', 'iterative'];
    config.seed = 7;
    config.backend = 'wasm';
    const url = buildShareUrl('http://127.0.0.1:4173/index.html', config);
    expect(describeLinkContents(url)).toBe('target sobel, 3 methods, seed 7, backend wasm');
    config.methods = ['onepass'];
    expect(summarizeLink(formatHash(config))).toEqual(['target sobel', 'method onepass', 'seed 7', 'backend wasm']);
  });

  it('has a phrase for every lab key of the link', () => {
    expect([...SUMMARIZED_LAB_KEYS].sort()).toEqual(URL_PARAMS.map((spec) => spec.key).sort());
    for (const spec of URL_PARAMS) expect(summarizeLink(`#v=1&${spec.key}=1`), spec.key).toHaveLength(1);
  });

  it('counts NPU and AxTrain settings, heads a sweep, and shows keys it does not know as they are', () => {
    const hash = '#v=1&seed=3&npu.pes=8&e.mul=2&npu.cpui=40&sweep=seed&sweepValues=1,2,3&ax=breastcancer&ax.lr=0.1&ax.epochs=3&lang=zh&__proto__=1&flag';
    expect(summarizeLink(hash)).toEqual(['seed 3', 'a sweep of seed', 'AxTrain on breastcancer', 'lang zh', '__proto__ 1', 'flag', '3 NPU settings', '2 AxTrain settings']);
    expect(summarizeLink('#npu.pes=8')).toEqual(['1 NPU setting']);
  });

  it('decodes values and skips parts that do not decode', () => {
    expect(summarizeLink('#methods=axnet%2Conepass&seed=%E0%A4%A')).toEqual(['2 methods']);
  });

  it('agrees with the link codec: every lab setting a parsed link changed is named', () => {
    const parsed = parseLink('#v=1&target=fft&steps=77&lr=0.004&approx=3&seed=9');
    expect(summarizeLink(formatHash(parsed.config))).toEqual(['target fft', 'approximator 3', 'learning rate 0.004', 'seed 9', '77 steps']);
  });
});
