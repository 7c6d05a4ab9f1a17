import { describe, expect, it } from 'vitest';
import { CONFIG_VERSION, DEFAULT_CONFIG, cloneConfig } from './config';
import { formatHash, parseLink, problemsText } from './link';
import type { Message } from './messages';
import { FIRST_LINK_VERSION, LINK_MIGRATIONS, migrateLinkPairs, readLinkVersion, type LinkMigration, type LinkPair } from './linkMigrations';

const pairs = (text: string): LinkPair[] =>
  text.split('&').map((part) => {
    const [key, value] = part.split('=');
    return { key, value };
  });

/** A made-up history, versions 1 → 2 → 3, to test the mechanism the real table will use. */
const TEST_MIGRATIONS: readonly LinkMigration[] = [
  {
    from: 1,
    change: "version 2 renamed 'lone' to 'alone'",
    migrate: (input) => input.map((pair) => (pair.key === 'lone' ? { key: 'alone', value: pair.value } : pair)),
  },
  {
    from: 2,
    change: "version 3 wrote steps in hundreds ('steps=3' is 300 steps)",
    migrate: (input) => input.map((pair) => (pair.key === 'steps' ? { key: 'steps', value: String(Number(pair.value) / 100) } : pair)),
  },
];

describe('the migration table', () => {
  it('is one unbroken chain from the first version to CONFIG_VERSION', () => {
    expect(LINK_MIGRATIONS.map((migration) => migration.from)).toEqual(Array.from({ length: CONFIG_VERSION - FIRST_LINK_VERSION }, (_, i) => FIRST_LINK_VERSION + i));
    for (const migration of LINK_MIGRATIONS) expect(migration.change.length).toBeGreaterThan(10);
  });
});

describe('migrateLinkPairs', () => {
  it('rewrites a version-1 link through every later version, a version-2 link through the rest, and leaves a current one alone', () => {
    const link = pairs('lone=0&steps=300&seed=7');
    expect(migrateLinkPairs(link, '1', TEST_MIGRATIONS, 3)).toEqual({ pairs: pairs('alone=0&steps=3&seed=7'), readAs: 1, problem: null });
    expect(migrateLinkPairs(pairs('alone=0&steps=300'), '2', TEST_MIGRATIONS, 3).pairs).toEqual(pairs('alone=0&steps=3'));
    expect(migrateLinkPairs(pairs('alone=0&steps=3'), '3', TEST_MIGRATIONS, 3).pairs).toEqual(pairs('alone=0&steps=3'));
    // The input is not changed in place, and `v` never reaches the reader.
    expect(link).toEqual(pairs('lone=0&steps=300&seed=7'));
    expect(migrateLinkPairs(pairs('v=1&seed=7'), '1', TEST_MIGRATIONS, 3).pairs).toEqual(pairs('seed=7'));
  });

  it('reads a link without v, or with v=0, as the first version and migrates it', () => {
    for (const raw of [undefined, '', '0']) {
      expect(migrateLinkPairs(pairs('lone=1&steps=500'), raw, TEST_MIGRATIONS, 3), String(raw)).toEqual({ pairs: pairs('alone=1&steps=5'), readAs: 1, problem: null });
    }
  });

  it('reads a newer or garbled version as the current one, with a notice', () => {
    const newer = migrateLinkPairs(pairs('alone=1'), '4', TEST_MIGRATIONS, 3);
    expect(newer.readAs).toBe(3);
    expect(newer.pairs).toEqual(pairs('alone=1'));
    const text = (migrated: { problem: Message | null }) => problemsText(migrated.problem ? [migrated.problem] : []).join('');
    expect(text(newer)).toMatch(/newer lab .* up to 3/);
    for (const raw of ['abc', '1.5', '-1', '1e3', '9'.repeat(12)]) expect(text(migrateLinkPairs([], raw, TEST_MIGRATIONS, 3)), raw).toMatch(/not a version number/);
  });

  it('throws on a gap in the chain (a table error, not a link error)', () => {
    expect(() => migrateLinkPairs(pairs('lone=1'), '1', [TEST_MIGRATIONS[1]], 3)).toThrow(/Unsupported link version 1: no migration to version 2/);
  });
});

describe('parseLink with versions', () => {
  it('reads a version-1 link the same with v=1, without v, and with v=0, and writes it back as today’s version', () => {
    const expected = cloneConfig(DEFAULT_CONFIG);
    expected.seed = 7;
    expected.steps = 200;
    expected.backend = 'wasm';
    for (const hash of ['#v=1&seed=7&steps=200&backend=wasm', '#seed=7&steps=200&backend=wasm', '#v=0&seed=7&steps=200&backend=wasm']) {
      const parsed = parseLink(hash);
      expect(parsed.problems, hash).toEqual([]);
      expect(parsed.config, hash).toEqual(expected);
      expect(formatHash(parsed.config)).toBe(`#v=${CONFIG_VERSION}&seed=7&steps=200&backend=wasm`);
    }
  });

  it('reads a link from a newer lab as far as it can, with one notice for the version and one per unknown key', () => {
    const parsed = parseLink('#v=2&seed=7&future=1');
    expect(parsed.config.seed).toBe(7);
    expect(parsed.problems).toHaveLength(2);
    expect(problemsText(parsed.problems)[0]).toMatch(/newer lab/);
    expect(problemsText(parsed.problems)[1]).toMatch(/Unknown setting "future"/);
  });

  it('readLinkVersion: today’s version reads as itself', () => {
    expect(readLinkVersion(String(CONFIG_VERSION))).toEqual({ version: CONFIG_VERSION, problem: null });
  });
});
