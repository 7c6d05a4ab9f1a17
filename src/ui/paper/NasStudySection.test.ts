import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MESSAGES, formatMessage } from '../../core/messages';
import { NAS_METHOD_LABELS, type NasMethod } from '../../core/nas/config';
import { NAS_SEARCH_LABELS, type NasSearchId } from '../../core/nas/run';
import { NAS_STUDY_METHOD_MESSAGES, NAS_STUDY_SEARCH_MESSAGES, buildNasStudyTables, formatNasStudyCell, renderNasStudyReport } from '../../core/nas/study';
import { buildNasStudyFixture } from '../../core/nas/studyFixture';
import { QUICK_BUDGET_NOTE } from '../../core/study/plan';
import { nas } from '../i18n/locales/nas';
import { paper } from '../i18n/locales/paper';
import { NasStudyTableView } from './NasStudySection';

/** The names the 中文 page keeps as written (e2e/helpers.ts KEPT_AS_WRITTEN, the ones these tables use). */
const KEPT = /\b(SMAC|NAS|AXNet|MICRO|DATE|EI|CPU|Adam|ReLU|sigmoid|tanh|onepass|iterative|P_acc|f_perf|blackscholes|fft|inversek2j|jmeint|jpeg|kmeans|sobel)\b/g;
/** The text a reader sees, without what the page marks as kept in English (lang="en": the runs' keys). */
const visibleText = (html: string) =>
  html
    .replace(/<([a-z]+) lang="en">.*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&');

describe('the Paper view’s NAS study tables', () => {
  const results = buildNasStudyFixture();
  const tables = buildNasStudyTables(results);

  it('render in 中文 with no English word, apart from the runs’ keys, which stay code as written', () => {
    for (const table of tables) {
      const html = renderToString(h(NasStudyTableView, { table, language: 'zh' }));
      expect(html).not.toMatch(/<article[^>]* lang=/);
      expect(
        visibleText(html)
          .replace(KEPT, ' ')
          .match(/[A-Za-z]{2,}/g) ?? [],
        table.id,
      ).toEqual([]);
      expect(html).toContain(`<h3>${formatMessage(table.title, 'zh')}</h3>`);
    }
    const walltime = renderToString(h(NasStudyTableView, { table: tables[0], language: 'zh' }));
    for (const unit of results.plan.units) expect(walltime).toContain(`<code lang="en">${unit.key}</code>`);
  });

  it('render in English with the report’s cells, row by row', () => {
    const report = renderNasStudyReport(results);
    for (const table of tables) {
      const html = renderToString(h(NasStudyTableView, { table, language: 'en' })).replace(/<!-- -->/g, '');
      for (const row of table.rows) {
        const cells = row.map((cell) => formatNasStudyCell(cell, 'en'));
        expect(report).toContain(`| ${cells.join(' | ')} |`);
        for (const cell of cells.filter((c) => !/[&<>"']/.test(c))) expect(html).toContain(cell);
      }
    }
  });

  it('name the methods and searches as the registries do in English and as the NAS view does in 中文', () => {
    const check = (id: keyof typeof MESSAGES, en: string, zh: string) => expect({ ...MESSAGES[id] }).toEqual({ en, zh });
    for (const method of Object.keys(NAS_METHOD_LABELS) as NasMethod[]) check(NAS_STUDY_METHOD_MESSAGES[method], NAS_METHOD_LABELS[method], nas.zh.methods[method]);
    for (const search of Object.keys(NAS_SEARCH_LABELS) as NasSearchId[]) check(NAS_STUDY_SEARCH_MESSAGES[search], NAS_SEARCH_LABELS[search], nas.zh.searches[search]);
    check('nasStudyWeightsAccuracy', 'accuracy', nas.zh.presets.accuracy);
    check('nasStudyWeightsTradeoff', 'tradeoff', nas.zh.presets.tradeoff);
    check('nasStudyQuickWatermark', QUICK_BUDGET_NOTE, paper.zh.figure.quickNote);
  });
});
