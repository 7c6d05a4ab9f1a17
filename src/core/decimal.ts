/**
 * Numbers typed by people (links, the CLI's options and stdin rows) are read in one notation: decimal, with an
 * optional sign, fraction and exponent (`3`, `-0.25`, `.5`, `1e-3`, `2.5E+4`). `Number()` alone would also take
 * `0x10`, `0o17`, `0b11`, `Infinity`, `''` and `' '`, which no one means as a setting (issue 12 item 8).
 */

/** Decimal notation with an optional exponent; nothing else. */
export const DECIMAL_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The finite number written in decimal notation by `text`, or null (hex, octal, binary, Infinity, NaN, empty, `1e`, overflow). */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL_PATTERN.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
