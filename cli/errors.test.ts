/**
 * Every user error of axlab ends in a message and an exit code, never a stack trace (issue 12 item 8). One row per
 * case: the command line (and stdin), the exit code, what stderr must say. Every row also asserts that stderr has
 * no stack frame ("    at …"). The rows run as separate processes, three at a time. The option parsers' own
 * cases (reproduce, merge, drum) and every decimal notation are unit-tested beside them (reproduce.test.ts,
 * drum.test.ts, src/core/decimal.test.ts); here each error kind is checked end to end, as a user meets it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCRATCH = mkdtempSync(join(tmpdir(), 'axlab-errors-'));
/** A plain file: a path below it can never be created, even by root (ENOTDIR). */
const A_FILE = join(SCRATCH, 'a-file');
writeFileSync(A_FILE, '');
/** Enough fft rows that the output passes the 64 KiB pipe buffer, so a reader that stops early closes it mid-write. */
const MANY_ROWS = join(SCRATCH, 'rows.txt');
writeFileSync(MANY_ROWS, Array.from({ length: 30000 }, (_, k) => String(k / 60000)).join('\n'));

interface Case {
  name: string;
  args?: string[];
  /** Instead of args: a bash line (for pipes); its stdout must be the exit code of axlab. */
  shell?: string;
  input?: string;
  code: number;
  stderr: RegExp;
  stdout?: RegExp;
}

const AXLAB = `node ${join(ROOT, 'cli/axlab.js')}`;

const CASES: Case[] = [
  { name: 'unknown command', args: ['frobnicate'], code: 2, stderr: /Unknown command: frobnicate/ },
  { name: 'unknown option is named, not miscounted as a link', args: ['train', '#steps=10', '--bogus'], code: 2, stderr: /^axlab: Unknown option --bogus for train$/m },
  { name: 'unknown option of eval', args: ['eval', 'fft', '--precise'], code: 2, stderr: /Unknown option --precise for eval/ },
  { name: 'unknown option of sweep', args: ['sweep', '#steps=10&sweep=seed&sweepValues=1,2', '--bogus'], code: 2, stderr: /Unknown option --bogus for sweep/ },
  {
    name: 'fusion=second with one hidden layer is a clear link message',
    args: ['train', '#approx=8&fusion=second&steps=10'],
    code: 2,
    stderr: /Bad link:\n\s+fusion=second needs an approximator with at least two hidden layers.*fusion=first/,
  },
  { name: 'hex in a link', args: ['train', '#steps=0x10'], code: 2, stderr: /steps="0x10" is not a number/ },
  {
    name: 'hex option value',
    args: ['train', '#steps=10', '--hardware', '--pas-steps', '0x10'],
    code: 2,
    stderr: /--pas-steps must be a whole number from 0 to 1000000, not "0x10"/,
  },
  { name: 'exponent is not a whole number of steps', args: ['bench-node', '--steps', '1e2'], code: 2, stderr: /--steps must be a whole number/ },
  { name: 'hex DRUM k', args: ['drum', '0x4'], code: 2, stderr: /k must be an integer in 1…32, not "0x4"/ },
  { name: 'hex sample index', args: ['npu', '#steps=10', '--sample', '0x1'], code: 2, stderr: /--sample must be an integer/ },
  { name: 'eval: hex field', args: ['eval', 'bessel_Jnu'], input: '0x10 1\n', code: 2, stderr: /line 1: not a decimal number: "0x10"/ },
  { name: 'eval: Infinity', args: ['eval', 'fft'], input: 'Infinity\n', code: 2, stderr: /line 1: not a decimal number: "Infinity"/ },
  {
    name: 'eval: row outside the domain names its line and the input (and prints nothing)',
    args: ['eval', 'bessel_Jnu'],
    input: '0.5 0.5\n\n# comment\n-5 1\n',
    code: 2,
    stderr: /line 4: outside the domain of bessel_Jnu \(order ν and argument x both in \[0, 1\]\): ν \(order\) = -5 is outside \[0, 1\]/,
    stdout: /^$/,
  },
  { name: 'eval: out of the arm’s reach', args: ['eval', 'inversek2j'], input: '0.9 0.9\n', code: 2, stderr: /line 1: outside the domain of inversek2j .*out of the arm’s reach/ },
  {
    name: 'eval: option type neither call nor put',
    args: ['eval', 'blackscholes'],
    input: '0.5 0.5 0.05 0.2 1 0.5\n',
    code: 2,
    stderr: /type must be 0 \(call\) or 1 \(put\), not 0.5/,
  },
  { name: 'eval: pixel out of range', args: ['eval', 'sobel'], input: '0 0 0 0 2 0 0 0 0\n', code: 2, stderr: /line 1: .*input 5|w\(1,1\) = 2 is outside \[0, 1\]/ },
  { name: 'eval: exponent notation is decimal and accepted', args: ['eval', 'bessel_Jnu'], input: '1e-3 1E-1\n', code: 0, stderr: /^$/, stdout: /^0\.\d+\n$/ },
  { name: 'eval: extra argument', args: ['eval', 'fft', 'more'], code: 2, stderr: /eval takes one target id/ },
  { name: 'unwritable bench-node --out', args: ['bench-node', '--out', join(A_FILE, 'bench.json')], code: 2, stderr: /--out .*: cannot write there \(not a directory, ENOTDIR\)/ },
  {
    name: 'unwritable reproduce --out',
    args: ['reproduce', '--quick', '--out', join(A_FILE, 'out')],
    code: 2,
    stderr: /--out .*: cannot write there \(not a directory, ENOTDIR\)/,
  },
  { name: 'unwritable merge --out', args: ['merge', SCRATCH, '--out', join(A_FILE, 'merged')], code: 2, stderr: /--out .*: cannot write there \(not a directory, ENOTDIR\)/ },
  {
    name: 'a reader that closes the pipe early (| head -1) ends axlab quietly with exit 0',
    shell: `${AXLAB} eval fft < ${MANY_ROWS} | head -1 > /dev/null; echo "\${PIPESTATUS[0]}"`,
    code: 0,
    stderr: /^$/,
  },
];

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCase(c: Case): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = c.shell
      ? spawn('bash', ['-c', c.shell], { cwd: ROOT })
      : spawn(process.execPath, [join(ROOT, 'cli/axlab.js'), ...(c.args ?? [])], { cwd: ROOT, env: { ...process.env, AXLAB_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      // A shell row prints axlab's own exit code as its stdout.
      resolve(c.shell ? { code: Number(stdout.trim()), stdout: '', stderr } : { code, stdout, stderr });
    });
    child.stdin.end(c.input ?? '');
  });
}

const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  const queue = [...CASES];
  const lanes = Array.from({ length: 3 }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) outcomes.set(c.name, await runCase(c));
  });
  await Promise.all(lanes);
}, 120_000);

afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

describe('axlab user errors: an exit code and a message, never a stack trace', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const outcome = outcomes.get(c.name)!;
    expect(outcome.code, outcome.stderr).toBe(c.code);
    expect(outcome.stderr).toMatch(c.stderr);
    expect(outcome.stderr).not.toMatch(/^ {4}at /m);
    if (c.stdout) expect(outcome.stdout).toMatch(c.stdout);
  });

  it('covers each error kind of issue 12 item 8', () => {
    const names = CASES.map((c) => c.name).join('\n');
    for (const kind of [/pipe/, /fusion=second/, /unwritable/, /outside the domain/, /hex/, /unknown option/i]) expect(names).toMatch(kind);
  });
});
