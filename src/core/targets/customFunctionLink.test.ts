import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, applyTargetDefaults } from '../config';
import { formatHash, parseLink, problemsText } from '../link';
import { createRng } from '../rng';
import { DEFAULT_CUSTOM_FUNCTION } from './customDefaults';

describe('custom function in the link (issue 13)', () => {
  it('round-trips expression and ranges, writing only what differs from the defaults', () => {
    const config = applyTargetDefaults(DEFAULT_CONFIG, 'custom');
    expect(formatHash(config)).toBe('#v=1&target=custom');
    config.customFunction.expression = 'x0^2 + cos(5*x1) - x2';
    config.customFunction.ranges[1] = [-2, 2.5];
    const hash = formatHash(config);
    expect(hash).toBe(`#v=1&target=custom&fn=${encodeURIComponent('x0^2 + cos(5*x1) - x2')}&fn.x1=-2,2.5`);
    const parsed = parseLink(hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config).toEqual(config);
    expect(parsed.config.approximatorHidden).toEqual([8, 8]);
  });

  it('refuses hostile functions and bad ranges with notices, keeping the defaults', () => {
    for (const hostile of ['constructor', 'import(x0)', '__proto__', 'x0.constructor', 'a=1', 'x'.repeat(10000).slice(0, 1500)]) {
      const parsed = parseLink(`#v=1&target=custom&fn=${encodeURIComponent(hostile)}`);
      expect(parsed.config.target).toBe('custom');
      expect(parsed.config.customFunction).toEqual(DEFAULT_CUSTOM_FUNCTION);
      expect(problemsText(parsed.problems).join(' ')).toMatch(/custom function .* was refused/);
    }
    const clamped = parseLink('#v=1&target=custom&fn.x0=-5e9,3');
    expect(clamped.config.customFunction.ranges[0]).toEqual([-1e6, 3]);
    expect(problemsText(clamped.problems).join(' ')).toMatch(/outside ±1000000/);
    const reversed = parseLink('#v=1&target=custom&fn.x0=3,1&fn.x1=a,b');
    expect(reversed.config.customFunction.ranges.slice(0, 2)).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(reversed.problems).toHaveLength(2);
    const infinite = parseLink(`#v=1&target=custom&fn=${encodeURIComponent('1/x0')}`);
    expect(problemsText(infinite.problems).join(' ')).toMatch(/not finite on the input ranges/);
    const elsewhere = parseLink('#v=1&target=sobel&fn=x0');
    expect(elsewhere.config.target).toBe('sobel');
    expect(problemsText(elsewhere.problems)).toEqual(['fn is used only with target=custom; ignored.']);
  });

  it('never throws and always yields a checked function on random links (fuzz)', () => {
    const rng = createRng(5, 'custom-link-fuzz');
    const pieces = ['x0', 'x1', 'x3', 'sin(', 'exp(', ')', '+', '*', '^', '/', '-', '1', '0.5', 'pi', 'constructor', '%28', '%2B', '=', ',', '.', 'e'];
    for (let k = 0; k < 500; k++) {
      let fn = '';
      for (let i = 0, n = 1 + rng.int(12); i < n; i++) fn += pieces[rng.int(pieces.length)];
      const lo = (rng.next() - 0.5) * 10;
      const hash = `#v=1&target=custom&fn=${encodeURIComponent(fn)}&fn.x0=${lo},${lo + rng.next() * 4 - 1}&fn.x${rng.int(5)}=${rng.next()},${rng.next()}`;
      const parsed = parseLink(hash);
      // What was kept parses back to the same function.
      const again = parseLink(formatHash(parsed.config));
      expect(again.problems).toEqual([]);
      expect(again.config.customFunction.expression).toBe(parsed.config.customFunction.expression);
    }
  });
});
