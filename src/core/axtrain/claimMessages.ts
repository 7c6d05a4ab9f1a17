/**
 * The sentences of AxTrain's claims beside ours, in every interface language: the Fig. 6 and Fig. 7 claims
 * (report.ts computeAxtrainClaimMessages) and the Fig. 9 mode claims (src/ui/axtrain/panels/figureData.ts
 * compareModeSavings). Part of the one registry of core's sentences (src/core/messages.ts MESSAGES). English is the
 * text of the CLI's report and JSON (`axlab axtrain`) and of the AxTrain study, to the byte; the page formats the same
 * Messages in its language. Method labels (config.ts AXTRAIN_METHOD_LABELS), settings (report.ts describeSetting),
 * K presets and numbers, formatted as the report writes them, come in as values and stay as written. Chinese readings
 * carry <sub> markup, which the page renders (panels/Rich.tsx).
 */
import type { LanguageId } from '../language';

export const AXTRAIN_CLAIM_MESSAGES = {
  /** The figure a claim is from: n = 6 or 7. */
  axtrainClaimFigure: { en: 'Fig. {n}', zh: '图 {n}' },
  /** Fig. 6: act or AxTrain (actpas) against BP on DRUM at K1–K3; method: a method's label, preset: K1…K3. */
  axtrainClaimFig6: { en: '{method} reduces the normalised loss vs BP at {preset}', zh: '{preset} 下 {method} 相对 BP 降低归一化损失' },
  /** method: the method's id (act, actpas), as the formula's subscript. */
  axtrainClaimFig6Reading: {
    en: '1 − (L/L_exact)_{method} / (L/L_exact)_BP at DRUM-{k} ({preset} → k = {k}: interpretation; "reduces by")',
    zh: 'DRUM-{k} 下的 1 − (L/L<sub>exact</sub>)<sub>{method}</sub> / (L/L<sub>exact</sub>)<sub>BP</sub>（{preset} → k = {k}：解读；“降低了”）',
  },
  /** Fig. 7: AxTrain against BP under NTV; which: axtrainClaimAggressive or axtrainClaimConservative. */
  axtrainClaimFig7: { en: 'AxTrain raises accuracy vs BP under {which} NTV ({mv} mV)', zh: '{which} NTV（{mv} mV）下 AxTrain 相对 BP 提高准确率' },
  axtrainClaimAggressive: { en: 'aggressive', zh: '激进' },
  axtrainClaimConservative: { en: 'conservative', zh: '保守' },
  /** runs: the NTV masks; points: the absolute gain in accuracy points, written with two decimals. */
  axtrainClaimFig7Reading: {
    en: 'relative gain (acc − acc_BP)/acc_BP over {runs} masks; absolute: {points} points (the paper does not say which)',
    zh: '{runs} 个掩码上的相对提升 (准确率 − 准确率<sub>BP</sub>)/准确率<sub>BP</sub>；绝对提升：{points} 个百分点（论文未说明是哪一种）',
  },
  /** The reading of a claim this run cannot judge: the method's label and the setting it needs a net trained for. */
  axtrainClaimNeeds: { en: 'needs {method} trained for {setting}', zh: '需要针对 {setting} 训练的 {method}' },
  /** Ours of a claim this run cannot judge; why: its reading. */
  axtrainClaimNotComputed: { en: 'not computed: {why}', zh: '未计算：{why}' },
  /** Fig. 9: AxTrain's energy per operation at its most aggressive mode within 2 accuracy points, against BP's. */
  axtrainModeClaimDrum: {
    en: 'AxTrain’s multiply energy at its most aggressive multiplier within 2 points, vs BP’s',
    zh: '在损失不超过 2 个百分点的最激进乘法器下，AxTrain 的乘法能耗相对 BP',
  },
  axtrainModeClaimNtv: {
    en: 'AxTrain’s weight-read energy at its most aggressive voltage within 2 points, vs BP’s',
    zh: '在损失不超过 2 个百分点的最激进电压下，AxTrain 的权重读取能耗相对 BP',
  },
  axtrainModeNeedsBoth: { en: 'needs bp and actpas', zh: '需要 bp 和 actpas' },
  /** hardware: DRUM or NTV; setting: what this run's AxTrain was fine-tuned for. */
  axtrainModeNeedsTuned: { en: 'needs AxTrain fine-tuned for {hardware} (this run’s was for {setting})', zh: '需要针对 {hardware} 微调的 AxTrain（本次训练针对的是 {setting}）' },
  /** method: AxTrain or BP, the one without a mode within 2 points. */
  axtrainModeNoneDrum: { en: '{method} keeps no DRUM k within 2 points', zh: '{method} 没有损失不超过 2 个百分点的 DRUM k' },
  axtrainModeNoneNtv: { en: '{method} keeps no NTV voltage within 2 points', zh: '{method} 没有损失不超过 2 个百分点的 NTV 电压' },
  /** ours, base: the modes' labels (k = 3, 660 mV); notTuned: '' or axtrainModeNotTuned. */
  axtrainModeReadingDrum: {
    en: '1 − E({ours}) / E({base}) per multiply, from the lab’s energy estimates (not the paper’s 65 nm synthesis){notTuned}',
    zh: '每次乘法的 1 − E({ours}) / E({base})，来自实验室的能耗估计（不是论文的 65 nm 综合结果）{notTuned}',
  },
  axtrainModeReadingNtv: {
    en: '1 − E({ours}) / E({base}) per weight read, from the lab’s energy estimates (not the paper’s 65 nm synthesis){notTuned}',
    zh: '每次权重读取的 1 − E({ours}) / E({base})，来自实验室的能耗估计（不是论文的 65 nm 综合结果）{notTuned}',
  },
  /** AxTrain's selected mode is not the setting it was fine-tuned for. */
  axtrainModeNotTuned: { en: '; AxTrain was fine-tuned for {setting}, not for {mode}', zh: '；AxTrain 针对 {setting} 微调，而不是 {mode}' },
} as const satisfies Record<string, Readonly<Record<LanguageId, string>>>;
