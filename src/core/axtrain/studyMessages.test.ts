import { describe, expect, it } from 'vitest';
import { AXTRAIN_METHOD_LABELS } from './config';
import { PAIRED_STUDY_RESULTS } from './fixtures/pairedStudy';
import { QUICK_STUDY_RESULTS } from './fixtures/quickStudy';
import { buildAxtrainStudyTables, describeAxtrainStudyRunMessage, formatAxtrainStudyCell, type AxtrainStudyCell } from './study';
import { AXTRAIN_STUDY_MESSAGES } from './studyMessages';
import { formatMessage, type Message } from '../messages';

const CJK = /[\u3400-\u9fff]/;
/** What stays as written in every language: method labels, DRUM-k, NTV, mV, the loss ratio's symbols, data set ids. */
const KEPT = /(?<![A-Za-z])(AxTrain-act|AxTrain-pas|AxTrain|actpas|act|pas|BP|DRUM-k|DRUM|NTV|mV|L_exact|L_k|breastcancer|digits)(?![A-Za-z])/g;
/** An English word left over once the kept labels are taken out (one letter: k, p, K1 stay). */
const englishWords = (text: string) => text.replace(KEPT, ' ').match(/[A-Za-z]{2,}/g) ?? [];
/** A cell kept as a plain string: a number as the report writes it (0.982, 20.00 ± 42.43%, —), a setting, k = n, or a method label. */
const isKeptString = (cell: string) =>
  /^[-\d.±%— ]+$/.test(cell) || /^k = \d$/.test(cell) || /^\d+ mV \(p = [\d.]+%\)$/.test(cell) || Object.values(AXTRAIN_METHOD_LABELS).includes(cell);

/** A word part in Chinese: a Message, formatting to Chinese characters and no English words. */
function expectChinese(part: Message, where: string) {
  const zh = formatMessage(part, 'zh');
  expect(CJK.test(zh), `${where}: ${zh}`).toBe(true);
  expect(englishWords(zh), `${where}: ${zh}`).toEqual([]);
}

function expectCellInChinese(cell: AxtrainStudyCell, where: string) {
  if (typeof cell === 'string') expect(isKeptString(cell), `${where}: a plain string with words, "${cell}"`).toBe(true);
  else expectChinese(cell, where);
  expect(englishWords(formatAxtrainStudyCell(cell, 'zh')), where).toEqual([]);
}

describe('the AxTrain study’s tables in Chinese', () => {
  for (const [name, results] of [
    ['the recorded quick study', QUICK_STUDY_RESULTS],
    ['the paired two-seed study (every verdict)', PAIRED_STUDY_RESULTS],
  ] as const) {
    it(`${name}: every heading, title, header and word cell is Chinese; numbers and labels stay as written`, () => {
      const all = buildAxtrainStudyTables(results.rows);
      expect(all.length).toBeGreaterThan(0);
      for (const tables of all) {
        expectChinese(tables.heading, `${tables.dataset} heading`);
        for (const [key, table] of Object.entries({ claims: tables.claimsTable, fig7: tables.fig7, fig6: tables.fig6 })) {
          const where = `${tables.dataset} ${key}`;
          expectChinese(table.title, `${where} title`);
          expect(typeof table.header[0], `${where} header`).toBe('object');
          table.header.forEach((cell, c) => expectCellInChinese(cell, `${where} header ${c}`));
          table.rows.forEach((row, r) => row.forEach((cell, c) => expectCellInChinese(cell, `${where} row ${r} cell ${c}`)));
        }
        // The claims' words: figure, claim and verdict are Messages in every row.
        for (const row of tables.claimsTable.rows) for (const c of [0, 1, 4]) expect(typeof row[c]).toBe('object');
      }
    });
  }

  it('covers every verdict, and the run line reads in Chinese', () => {
    const verdicts = new Set(
      [QUICK_STUDY_RESULTS, PAIRED_STUDY_RESULTS].flatMap((results) => buildAxtrainStudyTables(results.rows).flatMap((t) => t.claims.map((c) => c.verdict.id))),
    );
    expect([...verdicts].sort()).toEqual(
      Object.keys(AXTRAIN_STUDY_MESSAGES)
        .filter((id) => id.startsWith('axtrainStudyVerdict'))
        .sort(),
    );
    expectChinese(describeAxtrainStudyRunMessage(QUICK_STUDY_RESULTS), 'run line');
    expect(formatMessage(describeAxtrainStudyRunMessage(QUICK_STUDY_RESULTS), 'zh')).toBe('快速（持续集成规模）预算，1 个随机种子，18 个训练好的网络，耗时 56 秒');
    expect(formatMessage(describeAxtrainStudyRunMessage({ ...PAIRED_STUDY_RESULTS, plan: { ...PAIRED_STUDY_RESULTS.plan, quick: false } }), 'en')).toBe(
      'Full budget, 2 seed(s), 8 trained nets, wall time 1 s',
    );
  });

  it('finds a plain English string or an untranslated word (the check itself)', () => {
    expect(isKeptString('exact')).toBe(false);
    expect(isKeptString('not computed')).toBe(false);
    expect(isKeptString('AxTrain-pas (trained for the column’s setting)')).toBe(false);
    expect(isKeptString('20.00 ± 42.43%')).toBe(true);
    expect(englishWords('K1 下 AxTrain-act 相对 BP 降低归一化损失')).toEqual([]);
    expect(englishWords('L_k / L_exact 在 DRUM-k 上 exact')).toEqual(['exact']);
  });
});
