import { describe, expect, it, vi } from 'vitest';
import { formatMessage } from '../messages';

/** Fresh modules, without the setup file's loadExpressionParser(): the state of a page that has not met the custom target. */
async function importFresh() {
  vi.resetModules();
  const parser = await import('./expressionParser');
  const custom = await import('./customFunction');
  const data = await import('./loadTargetData');
  return { parser, custom, data };
}

describe("mathjs' parser loads on demand", () => {
  it('refuses an expression with a clear message until loaded; loadTargetData("custom") loads it, then it compiles', async () => {
    const { parser, custom, data } = await importFresh();
    expect(parser.getExpressionParser()).toBeNull();
    expect(data.isTargetDataLoaded('custom')).toBe(false);
    const before = custom.compileCustomFunction('sin(x0) * x1');
    expect(before.ok).toBe(false);
    if (!before.ok) expect(formatMessage(before.problem, 'en')).toBe('The expression parser has not loaded yet; try again in a moment.');

    await data.loadTargetData('custom');
    expect(parser.getExpressionParser()).not.toBeNull();
    expect(data.isTargetDataLoaded('custom')).toBe(true);
    const after = custom.compileCustomFunction('sin(x0) * x1');
    expect(after.ok).toBe(true);
    // Loading twice is one load.
    await Promise.all([parser.loadExpressionParser(), parser.loadExpressionParser()]);
    expect(custom.compileCustomFunction('x0 +').ok).toBe(false); // a parse error is still refused as one
  });
});
