/** Command-line argument helpers shared by the axlab commands. */

/** Bad command line or link: cli/main.ts turns it (and its subclasses) into exit code 2 with the message. */
export class CliUsageError extends Error {}

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
