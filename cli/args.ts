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
