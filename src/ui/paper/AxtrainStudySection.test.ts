import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildQuickStudyRecords, QUICK_STUDY_RESULTS } from '../../core/axtrain/fixtures/quickStudy';
import { AXTRAIN_OPEN_CHOICES, buildAxtrainStudyTables, formatAxtrainStudyCell, type AxtrainStudyCell } from '../../core/axtrain/study';
import type { LanguageId } from '../../core/language';
import { formatMessage } from '../../core/messages';
import { AxtrainDatasetTablesView, AxtrainStudyBody, type AxtrainSectionState } from './AxtrainStudySection';
import { registerCatalog, startI18n } from '../i18n';
import { paper } from '../i18n/locales/paper';
import { axtrain } from '../i18n/locales/axtrain';

// The section reads its texts from the catalog (English: the store's default language).
startI18n();
// As the view's chunk does (the namespace is not part of the first paint's catalogs).
registerCatalog('paper', paper);
registerCatalog('axtrain', axtrain);

const EMPTY: AxtrainSectionState = {
  axtrainBudget: 'quick',
  axtrainStatus: 'idle',
  axtrainProgress: null,
  axtrainRecords: {},
  axtrainCachedCount: 0,
  axtrainTrainedCount: 0,
  axtrainMessage: null,
};
/** The section's HTML without React's text-joint markers. */
const render = (state: Partial<AxtrainSectionState>) => renderToString(h(AxtrainStudyBody, { state: { ...EMPTY, ...state } })).replace(/<!-- -->/g, '');

/** React escapes text; the cells hold only ’, ±, →, — and the like, which it leaves as they are, plus & < > " '. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/** Every table of the recorded quick study, as the section must show it in `language`: caption, header cells, rows. */
function expectTablesIn(html: string, language: LanguageId) {
  const say = (cells: readonly AxtrainStudyCell[]) => cells.map((cell) => escapeHtml(formatAxtrainStudyCell(cell, language)));
  for (const tables of buildAxtrainStudyTables(QUICK_STUDY_RESULTS.rows)) {
    expect(html).toContain(`>${escapeHtml(formatMessage(tables.heading, language))}</h3>`);
    for (const table of [tables.claimsTable, tables.fig7, tables.fig6]) {
      expect(html).toContain(`<caption>${escapeHtml(formatMessage(table.title, language))}</caption>`);
      for (const cell of say(table.header)) expect(html).toContain(`<th scope="col">${cell}</th>`);
      for (const row of table.rows) {
        const [head, ...rest] = say(row);
        expect(html).toContain(`<th scope="row">${head}</th>${rest.map((c) => `<td>${c}</td>`).join('')}`);
      }
    }
    for (const claim of tables.claims) expect(html).toContain(`data-testid="paper-axtrain-${tables.dataset}-claims-${claim.id}"`);
  }
}

describe('AxTrain study section (Paper view)', () => {
  it('with no units: the budgets with their estimated time, the run button, exports disabled, the open choices', () => {
    const html = render({});
    expect(html).toContain('quick — 2 units (2 data sets × 1 seed), CI-sized epochs, about 70 s');
    expect(html).toMatch(/full — 6 units \(2 data sets × 3 seeds\), the reference’s epochs and 50 NTV masks, about \d+ min/);
    expect(html).toContain('Run the quick AxTrain study');
    expect(html).toContain('Times are estimates from');
    expect(html).toMatch(/<button[^>]*data-testid="paper-axtrain-export-md"[^>]*disabled=""/);
    expect(html).toContain('data-done="0" data-total="2"');
    for (const choice of AXTRAIN_OPEN_CHOICES) expect(html).toContain(escapeHtml(choice));
    expect(html).not.toContain('data-testid="paper-axtrain-breastcancer-claims"');
  });

  it('from cached units: every cell of the report’s claims, Fig. 7 and Fig. 6 tables, with headers, the budget and the wall time', () => {
    const html = render({ axtrainRecords: buildQuickStudyRecords(), axtrainCachedCount: 2, axtrainStatus: 'done' });
    expect(html).toContain('data-done="2" data-total="2" data-cached="2" data-trained="0"');
    expect(html).toContain('Quick (CI-sized) budget, 1 seed(s), 18 trained nets, wall time 56 s');
    expect(html).toContain('Run again (all cached)');
    expect(html).not.toMatch(/<button[^>]*data-testid="paper-axtrain-export-md"[^>]*disabled/);
    expectTablesIn(html, 'en');
    // The report's words, as the CLI prints them (fixtures/quick-study/report.md).
    expect(html).toContain('<caption>The paper’s claims beside ours</caption>');
    expect(html).toContain('<th scope="col">verdict</th>');
    expect(html).toContain('<th scope="row">AxTrain-pas (trained for the column’s setting)</th>');
  });

  it('in 中文: every data set’s heading, captions, header and word cells in Chinese; numbers, labels and row ids as they are', () => {
    const tables = buildAxtrainStudyTables(QUICK_STUDY_RESULTS.rows);
    const html = tables.map((t) => renderToString(h(AxtrainDatasetTablesView, { tables: t, language: 'zh' })).replace(/<!-- -->/g, '')).join('');
    expectTablesIn(html, 'zh');
    expect(html).toContain('<h3 id="paper-axtrain-breastcancer-title">breastcancer（每次推理 6144 次乘法，6274 个存储字）</h3>');
    expect(html).toContain('<caption>论文的结论与我们的结果对照</caption>');
    expect(html).toContain('<th scope="col">判定</th>');
    expect(html).toContain('<td>在 1/1 个随机种子上优于 BP，但幅度小于论文的</td>');
    expect(html).toContain('<th scope="row">AxTrain-pas（针对该列的设置训练）</th>');
    for (const english of ['claims beside ours', 'verdict', 'improves on BP', 'does not improve', 'multiplies', 'trained for the column', 'test accuracy', 'normalised', 'Fig.']) {
      expect(html, english).not.toContain(english);
    }
  });

  it('while running: units done, ETA, the unit and its last line', () => {
    const records = buildQuickStudyRecords();
    const [firstKey] = Object.keys(records);
    const html = render({
      axtrainRecords: { [firstKey]: records[firstKey] },
      axtrainTrainedCount: 1,
      axtrainStatus: 'running',
      axtrainProgress: {
        done: 1,
        total: 2,
        cachedCount: 0,
        trainedCount: 1,
        elapsedMs: 14_000,
        etaMs: 42_000,
        running: 'digits, seed 1',
        line: 'v1-digits-s1-e3-p1-r5 bp: acc 0.8691 in 1.3 s',
      },
    });
    expect(html).toContain('1/2 units · 0 from the cache · 1 trained in this session · ETA 42 s · now: digits, seed 1');
    expect(html).toContain('v1-digits-s1-e3-p1-r5 bp: acc 0.8691 in 1.3 s');
    expect(html).toContain('9 trained nets, wall time 14 s (1 of 2 units so far)');
    expect(html).toContain('Run the remaining unit<');
    expect(html).toMatch(/<button[^>]*data-testid="paper-axtrain-run"[^>]*disabled=""/);
    expect(html).not.toMatch(/<button[^>]*data-testid="paper-axtrain-cancel"[^>]*disabled/);
  });
});
