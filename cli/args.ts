/** Command-line argument helpers shared by the axlab commands. */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDecimal } from '../src/core/decimal';

/** Bad command line or link: cli/main.ts turns it (and its subclasses) into exit code 2 with the message. */
export class CliUsageError extends Error {}

/**
 * The first argument that looks like an option (`-x`, `--x`) is an error naming it: call after taking every
 * known flag and option. A link never starts with '-'.
 */
export function rejectUnknownOptions(args: readonly string[], command: string): void {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown !== undefined) throw new CliUsageError(`Unknown option ${unknown} for ${command}`);
}

/** `text` as a decimal number (src/core/decimal.ts: no hex, octal, binary, Infinity, NaN or empty text). */
export function parseDecimalArgument(text: string, what: string): number {
  const value = parseDecimal(text);
  if (value === null) throw new CliUsageError(`${what} must be a decimal number like 3, 0.25 or 1e-3, not ${JSON.stringify(text)}`);
  return value;
}

/** `text` as a whole decimal number in min…max (no sign other than '-', no fraction, no exponent). */
export function parseIntegerArgument(text: string, what: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max) throw new CliUsageError(`${what} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  return value;
}

/**
 * Fails now, before any work, when `path` cannot be written: a directory is created (with its parents) and a
 * probe file written and removed in it; a file is opened for appending (created, then removed, when it was not
 * there). A real write, not an access() check: root passes access() on read-only mounts and /proc.
 */
export function checkWritableOutput(path: string, kind: 'directory' | 'file', what = '--out'): void {
  const full = resolve(path);
  try {
    if (kind === 'directory') {
      createDirectories(full);
      const probe = join(full, `.axlab-write-probe-${process.pid}`);
      writeFileSync(probe, '');
      rmSync(probe);
    } else {
      const existed = existsSync(full);
      closeSync(openSync(full, 'a'));
      if (!existed) rmSync(full);
    }
  } catch (error) {
    throw new CliUsageError(`${what} ${path}: cannot write there (${describeFileError(error)})`);
  }
}

/**
 * mkdir -p, one level at a time: Node's own `recursive: true` loops forever where mkdir answers ENOENT under an
 * existing parent (measured: /proc/x with Node 20), so each missing level is made, or its error thrown, in turn.
 */
function createDirectories(full: string): void {
  const missing: string[] = [];
  for (let dir = full; !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) mkdirSync(dir);
}

/** A Node file-system error in words: "permission denied (EACCES)". */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'not a directory',
    EISDIR: 'is a directory',
    EEXIST: 'already exists',
    ENOSPC: 'no space left on the device',
  };
  if (code && Object.hasOwn(words, code)) return `${words[code]}, ${code}`;
  return error instanceof Error ? error.message : String(error);
}

/** Removes `name` from args; true when it was there. */
export function takeFlag(args: string[], name: string): boolean {
  const index = args.indexOf(name);
  if (index < 0) return false;
  args.splice(index, 1);
  return true;
}

/** Removes `name value` from args and returns the value (undefined when absent); a missing value is a usage error. */
export function takeOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new CliUsageError(`${name} needs a value`);
  args.splice(index, 2);
  return value;
}

/** A plain-text table: numeric columns right-aligned, text columns left-aligned, a dashed rule under the header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => (r[i] ?? '') === '' || /^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(r[i])));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * The tfjs backend of a Node command: --backend (cpu or wasm), else the link's backend when Node has it, else cpu
 * (a note says so when the link asked for a browser backend).
 */
export function resolveNodeBackend(backendArg: string | undefined, linkBackend: string, note: (line: string) => void): 'cpu' | 'wasm' {
  if (backendArg !== undefined) {
    if (backendArg !== 'cpu' && backendArg !== 'wasm') throw new CliUsageError(`--backend must be cpu or wasm in Node, not ${JSON.stringify(backendArg)}`);
    return backendArg;
  }
  if (linkBackend === 'wasm' || linkBackend === 'cpu') return linkBackend;
  if (linkBackend !== 'auto') note(`note: the link asks for ${linkBackend}, which Node does not have; running on cpu`);
  return 'cpu';
}
