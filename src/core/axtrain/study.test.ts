import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assembleAxtrainStudyResults,
  buildAxtrainStudyPlan,
  buildAxtrainStudyTables,
  configureStudyTraining,
  formatAxtrainResultsJson,
  formatAxtrainStudyCell,
  isAxtrainUnitRecord,
  renderAxtrainStudyReport,
  summarizeAxtrainClaims,
  summarizeSetting,
  type AxtrainStudyCell,
} from './study';
import { buildQuickStudyRecords, QUICK_STUDY_RESULTS } from './fixtures/quickStudy';
import { ntv400, PAIRED_STUDY_RESULTS, PAIRED_STUDY_ROWS } from './fixtures/pairedStudy';
import { formatMessage } from '../messages';

describe('AxTrain study', () => {
  it('plans every data set × seed with pas per NTV setting and AxTrain per claim setting', () => {
    const plan = buildAxtrainStudyPlan({ seeds: 3 });
    expect(plan.units).toHaveLength(6);
    expect(new Set(plan.units.map((u) => u.key)).size).toBe(6);
    const bc = plan.units[0];
    expect(bc.config.epochs).toBe(150);
    expect(bc.pasSettings.map((s) => (s.kind === 'ntv' ? s.voltageMv : 0))).toEqual([400, 660]);
    expect(bc.actpasSettings.map((s) => (s.kind === 'drum' ? `k${s.k}` : s.kind === 'ntv' ? `${s.voltageMv}` : ''))).toEqual(['k1', 'k2', 'k3', '400', '660']);
    expect(buildAxtrainStudyPlan({ quick: true }).units).toHaveLength(2);
    expect(configureStudyTraining(bc, 'actpas', { kind: 'drum', k: 2 })).toMatchObject({ hardware: 'drum', drumK: 2, methods: ['actpas'] });
    expect(configureStudyTraining(bc, 'pas', { kind: 'ntv', voltageMv: 660, flipRate: 0.01 })).toMatchObject({ hardware: 'ntv', ntvVoltageMv: 660 });
  });

  it('pairs each seed with its own BP and judges AxTrain only on the setting it was fine-tuned for', () => {
    const rows = PAIRED_STUDY_ROWS;
    const claims = Object.fromEntries(summarizeAxtrainClaims('breastcancer', rows).map((c) => [c.id, c]));
    expect(claims['fig6-act-K1'].perSeed).toEqual([50, 50]);
    expect(claims['fig6-act-K1'].verdict).toMatch(/improves on BP in 2\/2 seeds, by at least/);
    expect(claims['fig6-actpas-K1'].perSeed[0]).toBeCloseTo(80, 10); // 1 − 2/10 from the DRUM-1 net, not the 400 mV one
    expect(claims['fig6-actpas-K2'].judged).toBe(0); // no AxTrain net was fine-tuned for k = 2
    expect(claims['fig7-aggressive'].perSeed[0]).toBeCloseTo(50, 10);
    expect(claims['fig7-aggressive'].perSeed[1]).toBeCloseTo(-10, 10);
    expect(claims['fig7-aggressive'].verdict).toMatch(/1\/2 seeds only/);
    expect(summarizeSetting(rows, 'breastcancer', 'actpas', ntv400, ntv400, 'accuracy')).toMatchObject({ mean: 0.72, runs: 2 });
    const markdown = renderAxtrainStudyReport(PAIRED_STUDY_RESULTS);
    // Every verdict, byte for byte as the report wrote it before its words became Messages.
    expect(markdown).toBe(readFileSync(new URL('./fixtures/paired-study.report.md', import.meta.url), 'utf8'));
    expect(markdown).toMatch(/## breastcancer/);
    expect(markdown).toMatch(/\| Fig\. 7 \| AxTrain raises accuracy vs BP under aggressive NTV \(400 mV\) \| 32\.1% \| 20\.00 ± 42\.43% \|/);
    expect(markdown).toMatch(/Choices where the paper is silent/);
  });

  it('prints every table of the report from buildAxtrainStudyTables, cell for cell (what the Paper view shows)', () => {
    const markdown = renderAxtrainStudyReport(QUICK_STUDY_RESULTS);
    const tables = buildAxtrainStudyTables(QUICK_STUDY_RESULTS.rows);
    expect(tables.map((t) => t.dataset)).toEqual(['breastcancer', 'digits']);
    const en = (cells: readonly AxtrainStudyCell[]) => cells.map((cell) => formatAxtrainStudyCell(cell, 'en'));
    for (const t of tables) {
      expect(markdown).toContain(`## ${formatMessage(t.heading, 'en')}\n`);
      expect(t.claimsTable.rows).toHaveLength(t.claims.length);
      t.claims.forEach((claim, i) => expect(t.claimsTable.rows[i]).toEqual([claim.figure, claim.claim, `${claim.paper}%`, expect.any(String), claim.verdict]));
      for (const table of [t.claimsTable, t.fig7, t.fig6]) {
        const block = [
          `### ${formatMessage(table.title, 'en')}`,
          '',
          `| ${en(table.header).join(' | ')} |`,
          `| ${table.header.map(() => '---').join(' | ')} |`,
          ...table.rows.map((r) => `| ${en(r).join(' | ')} |`),
        ];
        expect(markdown).toContain(block.join('\n'));
      }
    }
    // Fig. 7: BP, act, pas, AxTrain; Fig. 6 leaves pas out (it is not trained for DRUM from scratch).
    expect(en(tables[0].fig7.rows.map((r) => r[0]))).toEqual([
      'BP',
      'AxTrain-act',
      'AxTrain-pas (trained for the column’s setting)',
      'AxTrain (act → pas for the column’s setting)',
    ]);
    expect(en(tables[0].fig6.header)).toEqual(['method', 'k = 1', 'k = 2', 'k = 3', 'k = 4', 'k = 5', 'k = 6', 'k = 7', 'k = 8']);
    expect(tables[0].fig6.rows).toHaveLength(3);
  });

  it('assembles results in plan order from unit records, as the CLI writes them (the recorded quick run, byte for byte)', () => {
    const plan = buildAxtrainStudyPlan({ quick: true });
    expect(QUICK_STUDY_RESULTS.plan.units).toEqual(plan.units.map((u) => u.key)); // else: regenerate the fixture (fixtures/quick-study/README.md)
    const records = buildQuickStudyRecords();
    // Records given in reverse order still give the plan's order.
    const reversed = Object.fromEntries(Object.entries(records).reverse());
    const results = assembleAxtrainStudyResults(plan, reversed, QUICK_STUDY_RESULTS.wallMs);
    expect(results).toEqual(QUICK_STUDY_RESULTS);
    const dir = new URL('./fixtures/quick-study/', import.meta.url);
    expect(formatAxtrainResultsJson(results)).toBe(readFileSync(new URL('results.json', dir), 'utf8'));
    expect(renderAxtrainStudyReport(results)).toBe(readFileSync(new URL('report.md', dir), 'utf8'));
    // A unit without a record leaves its rows out; the plan still lists it.
    const partial = assembleAxtrainStudyResults(plan, { [plan.units[1].key]: records[plan.units[1].key] }, 10.4);
    expect(partial.rows.every((r) => r.dataset === 'digits')).toBe(true);
    expect(partial).toMatchObject({ wallMs: 10, plan: { quick: true, seeds: 1, units: plan.units.map((u) => u.key) } });
  });

  it('accepts as a cached unit only a record of that very key', () => {
    const record = { key: 'v1-digits-s1', rows: [], wallMs: 3 };
    expect(isAxtrainUnitRecord(record, 'v1-digits-s1')).toBe(true);
    expect(isAxtrainUnitRecord(record, 'v1-digits-s2')).toBe(false);
    for (const value of [undefined, null, [], 'x', { key: 'v1-digits-s1', rows: [] }, { key: 'v1-digits-s1', rows: {}, wallMs: 1 }, { ...record, wallMs: Number.NaN }]) {
      expect(isAxtrainUnitRecord(value, 'v1-digits-s1')).toBe(false);
    }
  });
});
