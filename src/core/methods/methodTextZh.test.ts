import { describe, expect, it } from 'vitest';
import { CONTROL_PLACEMENTS, INITIALIZATIONS, METHOD_IDS } from '../config';
import { controlPlacementDescriptionIn, initializationDescriptionIn, methodTextIn } from './methodTextZh';
import { METHODS } from './registry';

const hasChinese = (text: string) => /[\u3400-\u9fff]/.test(text);

describe('the methods’ and model choices’ texts in 中文', () => {
  it('exist for every method, initialization and placement, in Chinese, with the English kept for English', () => {
    for (const method of METHOD_IDS) {
      const zh = methodTextIn(method, 'zh');
      expect(hasChinese(zh.description) && hasChinese(zh.nets), method).toBe(true);
      expect(methodTextIn(method, 'en')).toEqual({ description: METHODS[method].description, nets: METHODS[method].nets });
    }
    for (const id of INITIALIZATIONS) expect(hasChinese(initializationDescriptionIn(id, 'zh')), id).toBe(true);
    for (const id of CONTROL_PLACEMENTS) expect(hasChinese(controlPlacementDescriptionIn(id, 'zh')), id).toBe(true);
  });

  it('keep the equations and section numbers of the English (a translation must not drop a reference)', () => {
    const refs = (text: string) => (text.match(/§[IVX]+(-[A-Z])?|eq\. \d|式 \d|Fig\. \d[a-z]?|图 \d[a-z]?|J = [A-Za-z +]+/g) ?? []).length;
    for (const method of METHOD_IDS) expect(refs(methodTextIn(method, 'zh').description), method).toBe(refs(methodTextIn(method, 'en').description));
  });
});
