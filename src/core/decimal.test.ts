import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal';

describe('parseDecimal: decimal notation only (issue 12 item 8)', () => {
  it.each([
    ['3', 3],
    ['-0.25', -0.25],
    ['+.5', 0.5],
    ['1.', 1],
    ['1e-3', 0.001],
    ['2.5E+4', 25000],
    ['010', 10],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(['0x10', '0o17', '0b11', 'Infinity', '-Infinity', 'NaN', '', ' ', '1e', 'e3', '1_000', '1,5', '1e999', ' 1', '--1', '.'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});
