/**
 * `axlab drum <k>`: reads integer pairs `a b` on stdin, one per line (blank lines and `#` comments skipped), and
 * prints the signed DRUM-k product sgn(a)·sgn(b)·ã·b̃ of each (src/core/approx/drum.ts, exact sign-magnitude), one
 * per line. The product is printed as an exact integer (BigInt): ã·b̃ may pass 2^53 for wide operands and large k.
 */
import { DRUM_K_MAX, drumOperand } from '../src/core/approx/drum';
import { CliUsageError } from './args';

/** k from the command's arguments: exactly one integer in 1…DRUM_K_MAX. */
export function parseDrumK(args: readonly string[]): number {
  if (args.length !== 1) throw new CliUsageError('drum needs exactly one k, e.g. `echo "100 100" | axlab drum 4`');
  const k = Number(args[0]);
  if (!/^\d+$/.test(args[0]) || k < 1 || k > DRUM_K_MAX) throw new CliUsageError(`drum: k must be an integer in 1…${DRUM_K_MAX}, not ${JSON.stringify(args[0])}`);
  return k;
}

/** One operand: a safe integer written in decimal. */
function parseOperand(field: string, lineNumber: number): number {
  const value = Number(field);
  if (!/^[+-]?\d+$/.test(field) || !Number.isSafeInteger(value)) throw new CliUsageError(`line ${lineNumber}: not an integer (|x| ≤ 2^53 − 1): ${JSON.stringify(field)}`);
  return value;
}

/** The output lines for stdin `text`: one signed DRUM-k product per pair. A bad line throws before anything is printed. */
export function computeDrumProducts(text: string, k: number): string[] {
  const lines: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    if (fields.length !== 2) throw new CliUsageError(`line ${index + 1}: expected two integers \`a b\`, got ${fields.length} fields`);
    const [a, b] = fields.map((field) => parseOperand(field, index + 1));
    const magnitude = BigInt(drumOperand(Math.abs(a), k)) * BigInt(drumOperand(Math.abs(b), k));
    lines.push(String(a < 0 !== b < 0 ? -magnitude : magnitude));
  });
  return lines;
}
