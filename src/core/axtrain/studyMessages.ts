/**
 * The AxTrain study's words (src/core/axtrain/study.ts): the headings, titles, header cells, verdicts and word cells
 * of its claims, Fig. 7 and Fig. 6 tables, and its run line, in every interface language. Part of the one registry of
 * core's sentences (src/core/messages.ts MESSAGES). The English templates are the text of `axlab reproduce --paper
 * axtrain`'s report.md, to the byte (fixtures/quick-study/report.md, fixtures/paired-study.report.md); the Paper view
 * formats the same Messages in its language. The claims' own sentences and the figure cell are claimMessages.ts's.
 * Method labels (config.ts AXTRAIN_METHOD_LABELS), data set ids, DRUM-k, NTV, mV and numbers, formatted as the report
 * writes them, come in as values or stay as written.
 */
import type { LanguageId } from '../language';

export const AXTRAIN_STUDY_MESSAGES = {
  /** A data set's heading: its id and the cost of one inference. */
  axtrainStudyHeading: {
    en: '{dataset} ({multiplies} multiplies, {words} stored words per inference)',
    zh: '{dataset}（每次推理 {multiplies} 次乘法，{words} 个存储字）',
  },
  /** The claims table. */
  axtrainStudyClaimsTitle: { en: 'The paper’s claims beside ours', zh: '论文的结论与我们的结果对照' },
  axtrainStudyHeaderFigure: { en: 'figure', zh: '图' },
  axtrainStudyHeaderClaim: { en: 'claim', zh: '结论' },
  axtrainStudyHeaderPaper: { en: 'paper', zh: '论文' },
  axtrainStudyHeaderOurs: { en: 'ours', zh: '我们的结果' },
  axtrainStudyHeaderVerdict: { en: 'verdict', zh: '判定' },
  /** A claim's verdict over the seeds: agreeing of judged seeds improve on BP (each seed paired with its own BP). */
  axtrainStudyVerdictNotComputed: { en: 'not computed', zh: '未计算' },
  axtrainStudyVerdictAtLeast: {
    en: 'improves on BP in {agreeing}/{judged} seeds, by at least the paper’s margin',
    zh: '在 {agreeing}/{judged} 个随机种子上优于 BP，幅度不小于论文的',
  },
  axtrainStudyVerdictLess: {
    en: 'improves on BP in {agreeing}/{judged} seeds, by less than the paper’s margin',
    zh: '在 {agreeing}/{judged} 个随机种子上优于 BP，但幅度小于论文的',
  },
  axtrainStudyVerdictNone: { en: 'does not improve on BP in any of {judged} seeds', zh: '在 {judged} 个随机种子上均未优于 BP' },
  axtrainStudyVerdictSome: { en: 'improves on BP in {agreeing}/{judged} seeds only', zh: '仅在 {agreeing}/{judged} 个随机种子上优于 BP' },
  /** Fig. 7 and Fig. 6: the methods' rows and the first header cells. */
  axtrainStudyHeaderMethod: { en: 'method', zh: '方法' },
  axtrainStudyHeaderExact: { en: 'exact', zh: '精确' },
  /** masks: the NTV masks each net is evaluated over. */
  axtrainStudyFig7Title: {
    en: 'Fig. 7: test accuracy under NTV weight memory (mean over seeds of the mean over {masks} masks)',
    zh: '图 7：NTV 权重存储器下的测试准确率（各随机种子上 {masks} 个掩码平均值的平均）',
  },
  axtrainStudyFig6Title: {
    en: 'Fig. 6: normalised test loss L_k / L_exact on DRUM-k (K1…K4 ↦ k = 1…4: interpretation)',
    zh: '图 6：DRUM-k 上的归一化测试损失 L_k / L_exact（K1…K4 ↦ k = 1…4：解读）',
  },
  /** method: pas's label. */
  axtrainStudyRowPas: { en: '{method} (trained for the column’s setting)', zh: '{method}（针对该列的设置训练）' },
  axtrainStudyRowActpas: { en: 'AxTrain (act → pas for the column’s setting)', zh: 'AxTrain（act → 针对该列设置的 pas）' },
  /** The run line (report and Paper view): budget, seeds, nets trained, wall time in s. */
  axtrainStudyRun: { en: '{budget}, {seeds} seed(s), {nets} trained nets, wall time {seconds} s', zh: '{budget}，{seeds} 个随机种子，{nets} 个训练好的网络，耗时 {seconds} 秒' },
  axtrainStudyQuickBudget: { en: 'Quick (CI-sized) budget', zh: '快速（持续集成规模）预算' },
  axtrainStudyFullBudget: { en: 'Full budget', zh: '完整预算' },
  /** The Paper view's run line: run, then soFar ('' or axtrainStudySoFar) while units remain. */
  axtrainStudyRunLine: {
    en: '{run}{soFar}. Wall time is the sum of the units’ own times, each measured when it trained.',
    zh: '{run}{soFar}。耗时是各单元训练时各自测得的时间之和。',
  },
  axtrainStudySoFar: { en: ' ({done} of {total} units so far)', zh: '（目前完成 {done}/{total} 个单元）' },
} as const satisfies Record<string, Readonly<Record<LanguageId, string>>>;
