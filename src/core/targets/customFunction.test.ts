import { describe, expect, it } from 'vitest';
import { createDataset } from '../dataset';
import { getConfigCpuPathCost } from '../npu/cpuCost';
import { createRng } from '../rng';
import { DEFAULT_CUSTOM_FUNCTION, cloneCustomFunction } from './customDefaults';
import { CUSTOM_FUNCTION_LIMITS, CUSTOM_OP_INSTRUCTIONS, buildCustomTarget, checkCustomFunction, compileCustomFunction } from './customFunction';
import { resolveTarget } from './index';

function refused(expression: string): string {
  const result = compileCustomFunction(expression);
  if (result.ok) throw new Error(`accepted: ${expression}`);
  return result.message;
}

function evaluate(expression: string, x: number[]): number {
  const result = compileCustomFunction(expression);
  if (!result.ok) throw new Error(result.message);
  return result.value.evaluate(x);
}

describe('custom target function: the whitelist and limits (issue 13)', () => {
  it('refuses hostile expressions with a message naming what is wrong', () => {
    expect(refused('constructor')).toMatch(/Unknown name “constructor”/);
    expect(refused('import(x0)')).toMatch(/function “import” is not allowed/);
    expect(refused('x0.constructor')).toMatch(/Property or index access/);
    expect(refused('a = 1')).toMatch(/Assignment/);
    expect(refused('f(x) = x')).toMatch(/Assignment/);
    expect(refused('"text"')).toMatch(/Only numbers/);
    expect(refused('[1, 2]')).toMatch(/matrix/);
    expect(refused('x0 > 1')).toMatch(/operator “>” is not allowed/);
    expect(refused('5!')).toMatch(/operator “!” is not allowed/);
    expect(refused('x0 ? 1 : 2')).toMatch(/condition/);
    expect(refused('x0; x1')).toMatch(/Several statements/);
    expect(refused('evaluate("1")')).toMatch(/not allowed/);
    expect(refused('x4')).toMatch(/Unknown name “x4”/);
    expect(refused('sin(x0, x1)')).toMatch(/sin takes 1 argument, not 2/);
    expect(refused('1e400 * x0')).toMatch(/not finite/);
    expect(refused('sin(')).toMatch(/does not parse/);
    expect(refused('   ')).toMatch(/Type an expression/);
  });

  it('refuses a 10 000-character string before parsing it, and enforces depth and node limits', () => {
    expect(refused(`${'x0+'.repeat(3333)}x`)).toMatch(/10000 characters long; at most 200/);
    expect(refused('1'.repeat(201))).toMatch(/at most 200/);
    const deep = `${'sin('.repeat(CUSTOM_FUNCTION_LIMITS.maxDepth)}x0${')'.repeat(CUSTOM_FUNCTION_LIMITS.maxDepth)}`;
    expect(deep.length).toBeLessThanOrEqual(CUSTOM_FUNCTION_LIMITS.maxLength);
    expect(refused(deep)).toMatch(/nested more than 20 levels/);
    expect(compileCustomFunction(`${'sin('.repeat(19)}x0${')'.repeat(19)}`).ok).toBe(true);
    // Parentheses do not count towards the depth.
    expect(compileCustomFunction(`${'('.repeat(40)}x0${')'.repeat(40)}`).ok).toBe(true);
    // 8 groups of 8 factors: 127 nodes, depth 16, 143 characters.
    const wide = Array.from({ length: 8 }, () => `(${Array.from({ length: 8 }, () => '1').join('*')})`).join('+');
    expect(wide.length).toBeLessThanOrEqual(CUSTOM_FUNCTION_LIMITS.maxLength);
    expect(refused(wide)).toMatch(/more than 100 parts/);
  });

  it('evaluates golden values over its own tree', () => {
    expect(evaluate('sin(3*x0)*exp(-x1)', [0.5, 0.25])).toBeCloseTo(Math.sin(1.5) * Math.exp(-0.25), 15);
    expect(evaluate('x0^2 + 2x1 - x2/4', [3, 1, 2])).toBe(10.5);
    expect(evaluate('-x0^2', [3])).toBe(-9); // mathjs precedence: −(x0²)
    expect(evaluate('2^3^2', [])).toBe(512); // right associative
    expect(evaluate('pi * e', [])).toBeCloseTo(Math.PI * Math.E, 15);
    expect(evaluate('max(x0, x1, 0.5) + min(x0, x1) + abs(-x3)', [0.1, 0.2, 0, -4])).toBeCloseTo(0.5 + 0.1 + 4, 15);
    expect(evaluate('atan2(x1, x0) + hypot(x0, x1) + tanh(x0) + sqrt(x1) + log(x1)', [3, 4])).toBeCloseTo(Math.atan2(4, 3) + 5 + Math.tanh(3) + 2 + Math.log(4), 14);
    expect(evaluate('pow(x0, 0.5) + +x0', [4])).toBe(6);
  });

  it('detects the input count from the highest x index', () => {
    const count = (expression: string) => {
      const r = compileCustomFunction(expression);
      return r.ok ? r.value.inputCount : -1;
    };
    expect(count('3')).toBe(1);
    expect(count('x0')).toBe(1);
    expect(count('x1')).toBe(2);
    expect(count('x0 + x3')).toBe(4);
  });

  it('estimates the CPU cost from the operation count (CUSTOM_OP_INSTRUCTIONS)', () => {
    const r = compileCustomFunction('sin(3*x0)*exp(-x1)');
    if (!r.ok) throw new Error(r.message);
    const { load, arithmetic, libm, callOverhead } = CUSTOM_OP_INSTRUCTIONS;
    // loads 3, x0, x1; * and * and unary −; sin and exp; the call.
    expect(r.value.cpuInstructions).toBe(3 * load + 3 * arithmetic + 2 * libm + callOverhead);
    expect(r.value.cpuInstructions).toBe(96);
    expect(r.value.cpuCostBreakdown).toContain('2 libm calls (80)');
    const pow = compileCustomFunction('x0^2');
    expect(pow.ok && pow.value.cpuInstructions).toBe(2 * load + CUSTOM_OP_INSTRUCTIONS.pow + callOverhead);
    const cost = getConfigCpuPathCost({ target: 'custom', customFunction: DEFAULT_CUSTOM_FUNCTION });
    expect(cost).toMatchObject({ instructions: 96, status: 'estimate', targetId: null });
    expect(getConfigCpuPathCost({ target: 'fft' }).instructions).toBe(90);
  });

  it('refuses a function that is not finite on its ranges, and bad ranges', () => {
    const config = cloneCustomFunction(DEFAULT_CUSTOM_FUNCTION);
    config.expression = 'log(x0)';
    const zero = checkCustomFunction(config);
    expect(zero.ok).toBe(false);
    expect(!zero.ok && zero.message).toMatch(/not finite on the input ranges: at x0 = 0 it gives -Infinity/);
    config.ranges[0] = [0.5, 2];
    expect(checkCustomFunction(config).ok).toBe(true);
    config.expression = '1/(x0 - 1)';
    expect(checkCustomFunction(config).ok).toBe(false);
    config.expression = 'x0';
    config.ranges[0] = [1, 1];
    expect(checkCustomFunction(config)).toMatchObject({ ok: false, message: expect.stringMatching(/lower end below/) });
    config.ranges[0] = [0, 1e7];
    expect(checkCustomFunction(config)).toMatchObject({ ok: false, message: expect.stringMatching(/within ±1000000/) });
    // Unused inputs' ranges are not checked.
    config.ranges[0] = [0, 1];
    config.ranges[3] = [5, -5];
    expect(checkCustomFunction(config).ok).toBe(true);
  });

  it('works like a benchmark: seeded data inside the ranges, labelled with the exact function, 2-D surfaces', () => {
    const customFunction = cloneCustomFunction(DEFAULT_CUSTOM_FUNCTION);
    customFunction.ranges[1] = [-1, 2];
    const spec = resolveTarget({ target: 'custom', customFunction });
    expect(spec).toBe(buildCustomTarget(customFunction));
    expect(spec).toMatchObject({ id: 'custom', inputDim: 2, outputDim: 1, errorMetric: 'absolute', inputNames: ['x0', 'x1'] });
    expect(spec.inputRanges).toEqual([
      [0, 1],
      [-1, 2],
    ]);
    const a = createDataset({ target: 'custom', customFunction, seed: 3, trainSize: 256, testSize: 64 });
    const b = createDataset({ target: 'custom', customFunction, seed: 3, trainSize: 256, testSize: 64 });
    expect(a.trainX).toEqual(b.trainX);
    for (let s = 0; s < 256; s++) {
      const [x0, x1] = [a.trainX[2 * s], a.trainX[2 * s + 1]];
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(x0).toBeLessThanOrEqual(1);
      expect(x1).toBeGreaterThanOrEqual(-1);
      expect(x1).toBeLessThanOrEqual(2);
      expect(a.trainY[s]).toBeCloseTo(Math.fround(Math.sin(3 * x0) * Math.exp(-x1)), 6);
    }
    const other = createDataset({ target: 'custom', customFunction, seed: 4, trainSize: 256, testSize: 64 });
    expect(other.trainX).not.toEqual(a.trainX);
    expect(() => resolveTarget({ target: 'custom', customFunction: { ...customFunction, expression: 'constructor' } })).toThrow(/Unknown name/);
  });

  it('never throws on random printable text (fuzz)', () => {
    const rng = createRng(11, 'custom-fuzz');
    const alphabet = 'x0123.+-*/^()sincoexplgtrm,=!?:;[]{}"\'abcdefpi ';
    for (let k = 0; k < 2000; k++) {
      const length = 1 + rng.int(40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[rng.int(alphabet.length)];
      const result = compileCustomFunction(text);
      if (result.ok) expect(typeof result.value.evaluate([0.5, 0.5, 0.5, 0.5])).toBe('number');
      else expect(result.message.length).toBeGreaterThan(5);
    }
  });
});
