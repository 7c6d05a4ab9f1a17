/**
 * Link versions and their migrations (issue 13: "a link from an older version is migrated, not rejected").
 * Every link carries `v=<version>` (formatHash writes it first). A link of an older version is rewritten, one version
 * at a time, into today's keys and values before anything is validated; parseLink then reads it like a new one.
 * - No `v` at all, or `v=0`: written by hand or before the field existed. Read as the first version; no notice.
 * - `v` older than today's: migrated through LINK_MIGRATIONS; no notice (the link works as it did).
 * - `v` newer than today's (a link from a later lab): read as today's version with a notice, since keys the later lab
 *   added are reported one by one as unknown.
 * - `v` that is not a whole number: read as today's version with a notice.
 * The table is empty while CONFIG_VERSION is 1: the link format has been version 1 since the first commit, and no
 * key or value has changed meaning under it. The next change of meaning bumps CONFIG_VERSION (src/core/config.ts)
 * and adds the row `{ from: 1, … }` that rewrites version-1 pairs into version-2 ones; linkMigrations.test.ts checks
 * that the rows form one unbroken chain up to CONFIG_VERSION.
 */
import { CONFIG_VERSION } from './config';
import { message, type Message } from './messages';

/** The first link version (the `v=1` of the first commit). */
export const FIRST_LINK_VERSION = 1;

/** One decoded `key=value` part of a link, in link order (duplicates kept: parseLink reports them). */
export interface LinkPair {
  key: string;
  value: string;
}

export interface LinkMigration {
  /** The version this step reads; it writes version `from + 1`. */
  from: number;
  /** What changed between `from` and `from + 1`, in a sentence (for the record and the tests). */
  change: string;
  /** Rewrites the pairs of a version-`from` link (never `v`) into version `from + 1`'s keys and values. */
  migrate(pairs: readonly LinkPair[]): LinkPair[];
}

/** The migrations, oldest first. Empty while CONFIG_VERSION is 1 (see the file's comment). */
export const LINK_MIGRATIONS: readonly LinkMigration[] = [];

export interface MigratedLink {
  /** The pairs in today's keys and values (without `v`). */
  pairs: LinkPair[];
  /** The version the link was read as before migrating. */
  readAs: number;
  /** A notice for a version this lab cannot migrate (newer, or not a number), else null. */
  problem: Message | null;
}

const WHOLE_NUMBER = /^\d{1,9}$/;

/**
 * The version a link's `v` text is read as: `undefined`, '0' and '' are the first version; a whole number above
 * today's, or anything that is not a whole number, is read as today's with a problem.
 */
export function readLinkVersion(rawVersion: string | undefined, currentVersion = CONFIG_VERSION): { version: number; problem: Message | null } {
  if (rawVersion === undefined || rawVersion === '') return { version: FIRST_LINK_VERSION, problem: null };
  const printable = JSON.stringify(rawVersion.replace(/[^\x20-\x7e]/g, '?').slice(0, 20));
  if (!WHOLE_NUMBER.test(rawVersion)) {
    return { version: currentVersion, problem: message('linkVersionNotNumber', { version: printable, current: currentVersion }) };
  }
  const version = Number(rawVersion);
  if (version > currentVersion) {
    return {
      version: currentVersion,
      problem: message('linkVersionNewer', { version: printable, current: currentVersion }),
    };
  }
  return { version: Math.max(FIRST_LINK_VERSION, version), problem: null };
}

/**
 * Rewrites `pairs` of a link whose `v` is `rawVersion` into version `currentVersion`, applying each migration of
 * `migrations` from the link's version on. Throws when the chain has a gap (a table error, caught by the tests).
 */
export function migrateLinkPairs(
  pairs: readonly LinkPair[],
  rawVersion: string | undefined,
  migrations: readonly LinkMigration[] = LINK_MIGRATIONS,
  currentVersion = CONFIG_VERSION,
): MigratedLink {
  const { version, problem } = readLinkVersion(rawVersion, currentVersion);
  let migrated = pairs.filter((pair) => pair.key !== 'v').map((pair) => ({ ...pair }));
  for (let from = version; from < currentVersion; from++) {
    const step = migrations.find((migration) => migration.from === from);
    if (!step) throw new Error(`Unsupported link version ${from}: no migration to version ${from + 1}`);
    migrated = step.migrate(migrated);
  }
  return { pairs: migrated, readAs: version, problem };
}
