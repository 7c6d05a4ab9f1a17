import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { drumMultiply } from '../src/core/approx/drum';
import { CliUsageError } from './args';
import { computeDrumProducts, parseDrumK } from './drum';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function runCli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'cli/axlab.js'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('axlab drum', () => {
  it('computes the signed DRUM-k product of each pair, skipping blank lines and comments', () => {
    expect(computeDrumProducts('100 100\n-100 100\n\n# a comment\n  182\t7  \r\n15 -200\n-3 0\n+5 9', 4)).toEqual(['10816', '-10816', '1232', '-3120', '0', '45']);
    expect(computeDrumProducts('12345 54321\n', 6)).toEqual([String(drumMultiply(12345, 54321, 6))]);
    // Beyond 2^53 the printed product stays exact: (2^31 − 1)² at k = 32 (DRUM is exact when k ≥ the operand width).
    expect(computeDrumProducts('2147483647 -2147483647', 32)).toEqual([String(-((2n ** 31n - 1n) ** 2n))]);
    expect(computeDrumProducts('', 4)).toEqual([]);
    expect(parseDrumK(['8'])).toBe(8);
  });

  it('rejects a bad k or a bad line as a usage error with a clear message', () => {
    for (const [args, message] of [
      [[], /exactly one k/],
      [['4', '5'], /exactly one k/],
      [['0'], /k must be an integer in 1…32/],
      [['33'], /k must be an integer/],
      [['2.5'], /k must be an integer/],
      [['-1'], /k must be an integer/],
    ] as const) {
      expect(() => parseDrumK(args), JSON.stringify(args)).toThrow(CliUsageError);
      expect(() => parseDrumK(args)).toThrow(message);
    }
    for (const [input, message] of [
      ['1 2 3', /line 1: expected two integers/],
      ['7', /line 1: expected two integers/],
      ['1 2\n1.5 2', /line 2: not an integer/],
      ['1e3 2', /not an integer/],
      ['0x10 2', /not an integer/],
      ['9007199254740993 1', /not an integer/],
    ] as const) {
      expect(() => computeDrumProducts(input, 4), input).toThrow(CliUsageError);
      expect(() => computeDrumProducts(input, 4)).toThrow(message);
    }
  });

  it('runs as a command: products on stdout, bad input → exit code 2 with the message and no output, listed in the usage', () => {
    const good = runCli(['drum', '4'], '100 100\n-100 100\n182 7\n');
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toBe('10816\n-10816\n1232\n');
    const bad = runCli(['drum', '4'], '1 2\nthree 4\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/axlab: line 2: not an integer/);
    expect(bad.stdout).toBe('');
    expect(runCli(['help']).stdout).toMatch(/axlab drum <k>\s+read integer pairs/);
  });
});
