/**
 * The words of the §V study's figures (figures.ts, sweep.ts): titles, captions, axis labels, legends, the numbers
 * tables' headers and word cells, in every interface language. Part of the one registry of core's sentences
 * (src/core/messages.ts MESSAGES). English is the text of `axlab reproduce`'s report.md and SVGs, to the byte; the
 * Paper view formats the same templates in its language. Numbers come in formatted as the report writes them, the
 * methods' names in the language's label (methods/registry.ts methodLabelIn: AXNet, onepass, iterative as written,
 * weight sharing in words), benchmark ids, the paper's references (Fig. 6, §III-A) and topologies as written.
 */
import type { LanguageId } from '../language';

export const STUDY_FIGURE_MESSAGES = {
  /** The quick plans' note in a caption and the SVG watermark (English: plan.ts QUICK_BUDGET_NOTE). */
  studyFigQuickCaption: { en: ' quick budget — not full-budget results.', zh: '快速预算 —— 不是完整预算的结果。' },
  studyFigQuickWatermark: { en: 'quick budget — not full-budget results', zh: '快速预算 —— 不是完整预算的结果' },
  /** buildStudyFigures: the protocol and seeds after a seed-mean figure's caption (protocol: studyFigProtocol*). */
  studyFigProtocolTag: { en: '{caption} Protocol: {protocol}; means over seeds {seeds}.', zh: '{caption}协议：{protocol}；取种子 {seeds} 的平均。' },
  /** The protocols (English: protocols.ts STUDY_PROTOCOL_SPECS label and rule; Chinese: the Paper view's). */
  studyFigProtocolPerPhase: { en: 'per phase (N steps per phase)', zh: '按阶段（每阶段 N 步）' },
  studyFigProtocolEqualSteps: { en: 'equal total steps', zh: '总步数相同' },
  studyFigProtocolConverge: { en: 'to convergence (early stopping)', zh: '训练到收敛（早停）' },
  studyFigRulePerPhase: {
    en: 'every network-training phase gets N optimizer steps: AXNet N, onepass 2N, iterative 2RN (1 : 2 : 16 at R = 8); read at the last step',
    zh: '每个网络训练阶段得到 N 个优化步：AXNet N，onepass 2N，iterative 2RN（R = 8 时为 1 : 2 : 16）；在最后一步读数',
  },
  studyFigRuleEqualSteps: {
    en: 'every method gets the same total T optimizer steps, split evenly over its phases (an AXNet step updates both nets and counts once); read at the last step',
    zh: '每种方法得到相同的总优化步数 T，平均分配到各阶段（AXNet 的一步同时更新两个网络，只计一次）；在最后一步读数',
  },
  studyFigRuleConverge: {
    en: 'the equal-steps schedule with T as the cap, stopped when the validation split’s true invocation has not improved for the patience; the best validation evaluation is kept and training time runs to the stop',
    zh: '以 T 为上限的等步数方案，当验证集上的真实调用率在耐心期内不再提高时停止；保留验证集上最好的评估，训练时间计到停止为止',
  },
  /** A sweep chart's title tag: the protocol's id in English (as the report's SVGs write it), its label in Chinese. */
  studyFigProtocolIdPerPhase: { en: 'perPhase', zh: '按阶段' },
  studyFigProtocolIdEqualSteps: { en: 'equalSteps', zh: '总步数相同' },
  studyFigProtocolIdConverge: { en: 'converge', zh: '训练到收敛' },

  /** Legends: a method (or a fusion) and which invocation. */
  studyFigSeriesTrue: { en: '{method} true', zh: '{method} 真实' },
  studyFigSeriesPredicted: { en: '{method} predicted', zh: '{method} 预测' },
  /** Axes and shared headers. */
  studyFigAxisBenchmark: { en: 'benchmark', zh: '基准' },
  studyFigAxisInvocation: { en: 'invocation', zh: '调用率' },
  studyFigAxisTrainingStep: { en: 'training step', zh: '训练步' },
  studyFigAxisTrueInvocation: { en: 'true invocation', zh: '真实调用率' },
  studyFigAxisPredictionAccuracy: { en: 'prediction accuracy', zh: '预测准确率' },
  studyFigAxisErrorBound: { en: 'error bound (log)', zh: '误差界（对数）' },
  studyFigHeaderMethod: { en: 'method', zh: '方法' },
  studyFigHeaderTopology: { en: 'topology', zh: '拓扑' },
  studyFigHeaderParams: { en: 'params', zh: '参数量' },
  studyFigHeaderTrueInv: { en: 'true inv.', zh: '真实调用率' },
  studyFigHeaderPredictedInv: { en: 'predicted inv.', zh: '预测调用率' },
  studyFigHeaderBound: { en: 'bound', zh: '误差界' },
  studyFigHeaderSeeds: { en: 'seeds', zh: '种子数' },

  /** Fig. 2. */
  studyFig2Title: { en: 'Invocation during training on {target}: weight-sharing (§III-A) vs AXNet', zh: '{target} 上训练过程中的调用率：权重共享（§III-A）对比 AXNet' },
  studyFig2Caption: {
    en:
      'Paper: the weight-sharing net oscillates and converges to a low invocation; AXNet trains stably. ' +
      'Ours: both nets trained on the same data and batches; oscillation = mean |Δ true invocation| between consecutive evaluations of the second half of training.',
    zh: '论文：权重共享网络会振荡，并收敛到较低的调用率；AXNet 训练稳定。' + '我们：两个网络在相同的数据和批次上训练；振荡 = 训练后半程相邻两次评估之间 |Δ 真实调用率| 的平均。',
  },
  studyFig2Chart: { en: 'Fig. 2 · {target}: invocation during training', zh: 'Fig. 2 · {target}：训练过程中的调用率' },
  studyFig2HeaderFinalTrue: { en: 'final true inv.', zh: '最终真实调用率' },
  studyFig2HeaderFinalPredicted: { en: 'final predicted inv.', zh: '最终预测调用率' },
  studyFig2HeaderOscillation: { en: 'oscillation (mean |Δ|, 2nd half)', zh: '振荡（|Δ| 的平均，后半程）' },
  studyFig2HeaderRange: { en: 'range (2nd half)', zh: '范围（后半程）' },
  studyFig2HeaderEvaluations: { en: 'evaluations', zh: '评估次数' },

  /** Figs. 6 and 7 as bound sweeps (sweep.ts). */
  studyFigSweepNote: {
    en: 'mean ± std over seeds; n.s. = AXNet separates from neither baseline at that bound (paired over seeds)',
    zh: '各种子的平均 ± 标准差；n.s. = 在该误差界处 AXNet 与两个基线都没有显著差别（按种子配对）',
  },
  studyFigAxnetHigher: { en: 'AXNet higher', zh: 'AXNet 更高' },
  studyFigAxnetLower: { en: 'AXNet lower', zh: 'AXNet 更低' },
  studyFigHeaderMeanStd: { en: '{method} (mean ± std)', zh: '{method}（平均 ± 标准差）' },
  studyFigHeaderVersus: { en: 'AXNet vs onepass / iterative', zh: 'AXNet 对 onepass / iterative' },
  studyFigHeaderBoundsPerBenchmark: { en: 'bounds per benchmark', zh: '各基准的误差界' },
  studyFigHeaderGainOnepass: { en: 'gain vs onepass (paper +50.7%)', zh: '相对 onepass 的提升（论文 +50.7%）' },
  studyFigHeaderGainIterative: { en: 'gain vs iterative (paper +30.8%)', zh: '相对 iterative 的提升（论文 +30.8%）' },
  studyFigRankTightest: { en: '#{rank} (tightest)', zh: '#{rank}（最紧）' },
  studyFigRankLoosest: { en: '#{rank} (loosest)', zh: '#{rank}（最松）' },
  studyFigRankMid: { en: '#{rank} (mid)', zh: '#{rank}（中间）' },
  studyFigOverTheRange: { en: 'over the range', zh: '整个范围' },
  studyFigAllBounds: { en: 'all', zh: '全部' },
  /** The average gains in Fig. 6's caption, one bound rank after the other. */
  studyFigGain: { en: '{label} {onepass} / {iterative}', zh: '{label}：对 onepass {onepass}，对 iterative {iterative}' },
  studyFigGainThen: { en: '{label} {onepass} / {iterative}; {next}', zh: '{label}：对 onepass {onepass}，对 iterative {iterative}；{next}' },
  studyFig6SweepTitle: { en: 'True invocation vs error bound per benchmark — {protocol}', zh: '各基准的真实调用率随误差界的变化 —— {protocol}' },
  studyFig6SweepCaption: {
    en:
      'Paper: AXNet has the highest true invocation on every benchmark (+50.7 % vs onepass, +30.8 % vs iterative on average), at one unstated bound per benchmark. ' +
      'Ours: every benchmark at {bounds}+ bounds, mean ± std over seeds {seeds}; same data, bound, optimizer, activation and losses for all methods; AXNet sized to the baseline within 3 %. ' +
      "Protocol: {rule}. n.s.: AXNet separates from neither baseline (every seed's paired difference of the same sign beyond 0.5 points and |mean| > std)." +
      ' Average gains (bound rank k = the k-th bound of every benchmark): {gains}.',
    zh:
      '论文：AXNet 在每个基准上的真实调用率都最高（平均比 onepass 高 +50.7 %，比 iterative 高 +30.8 %），每个基准只在一个未说明的误差界处。' +
      '我们：每个基准至少 {bounds} 个误差界，取种子 {seeds} 的平均 ± 标准差；所有方法使用相同的数据、误差界、优化器、激活函数和损失；AXNet 的规模与基线相差在 3 % 以内。' +
      '协议：{rule}。n.s.：AXNet 与两个基线都没有显著差别（显著要求每个种子的配对差同号且超过 0.5 个百分点，并且 |平均| > 标准差）。' +
      '平均提升（误差界序号 k = 每个基准的第 k 个误差界）：{gains}。',
  },
  studyFig6SweepChart: { en: 'Fig. 6 · true invocation vs error bound ({protocol})', zh: 'Fig. 6 · 真实调用率随误差界的变化（{protocol}）' },
  studyFig7SweepTitle: { en: 'Prediction accuracy vs error bound per benchmark — {protocol}', zh: '各基准的预测准确率随误差界的变化 —— {protocol}' },
  studyFig7SweepCaption: {
    en:
      'Paper: AXNet is about as accurate as iterative; iterative is better on inversek2j, jpeg and blackscholes. ' +
      'Ours: paper definition (fraction of test samples both safe and predicted safe), mean ± std over seeds at every bound of the sweep.',
    zh:
      '论文：AXNet 的准确率与 iterative 相当；iterative 在 inversek2j、jpeg 和 blackscholes 上更好。' +
      '我们：采用论文的定义（既安全又被预测为安全的测试样本比例），在扫描的每个误差界处取各种子的平均 ± 标准差。',
  },
  studyFig7SweepChart: { en: 'Fig. 7 · prediction accuracy vs error bound ({protocol})', zh: 'Fig. 7 · 预测准确率随误差界的变化（{protocol}）' },

  /** Fig. 8. */
  studyFig8Title: { en: 'Overall error normalized to onepass', zh: '相对 onepass 归一化的总体误差' },
  studyFig8Caption: {
    en:
      'Paper: AXNet reduces the overall error against onepass everywhere, and sometimes falls behind iterative. ' +
      'Ours: overall error = mean error over the samples predicted safe, divided by onepass’s; n/a when a method predicts no sample safe.',
    zh:
      '论文：AXNet 在所有基准上都比 onepass 降低了总体误差，有时不如 iterative。' +
      '我们：总体误差 = 被预测为安全的样本上的平均误差，再除以 onepass 的；某方法没有任何样本被预测为安全时记为 n/a。',
  },
  studyFig8Chart: { en: 'Fig. 8 · overall error / onepass', zh: 'Fig. 8 · 总体误差 / onepass' },
  studyFig8AxisError: { en: 'overall error (onepass = 1)', zh: '总体误差（onepass = 1）' },
  studyFig8HeaderRatio: { en: '{method} / onepass', zh: '{method} / onepass 之比' },
  studyFig8HeaderError: { en: '{method} error', zh: '{method} 误差' },

  /** Fig. 9. */
  studyFig9Title: { en: 'jpeg: invocation vs parameter count', zh: 'jpeg：调用率随参数量的变化' },
  studyFig9Caption: {
    en:
      'Paper: AXNet beats iterative at every size; AXNet 64-6-64 + 64-4-8 (1284 params, paper count) matches iterative 64-16-64 + 64-16-2 (3216) near 60 % true invocation. ' +
      'Ours: parameters counted as weights + biases (1138 and 3202 for those two).',
    zh:
      '论文：在每种规模下 AXNet 都胜过 iterative；AXNet 64-6-64 + 64-4-8（1284 个参数，论文的计数）在约 60 % 的真实调用率处与 iterative 64-16-64 + 64-16-2（3216 个）相当。' +
      '我们：参数按权重 + 偏置计数（这两个分别为 1138 和 3202）。',
  },
  studyFig9Chart: { en: 'Fig. 9 · jpeg: invocation vs parameters', zh: 'Fig. 9 · jpeg：调用率随参数量的变化' },
  studyFig9AxisParams: { en: 'parameters (weights + biases)', zh: '参数量（权重 + 偏置）' },
  studyFig9HeaderTrainingTime: { en: 'training time', zh: '训练时间' },

  /** Fig. 10a (points: SIMILAR_INVOCATION in points). */
  studyFig10aTitle: { en: 'AXNet / iterative: parameter count and training time', zh: 'AXNet / iterative：参数量与训练时间' },
  studyFig10aCaption: {
    en:
      'Paper: at similar true invocation AXNet needs fewer parameters (−60 % on jpeg) and −74 % training time on average (13.8× faster on Bessel, 32× on jpeg). ' +
      'Ours: for each benchmark the smallest AXNet run whose true invocation is at least iterative’s − {points} points; “size-matched” when none is, and then invocations differ. ' +
      'Training time is the wall time of the training steps of each job on the same machine.',
    zh:
      '论文：在相近的真实调用率下，AXNet 需要的参数更少（jpeg 上 −60 %），训练时间平均 −74 %（Bessel 上快 13.8×，jpeg 上快 32×）。' +
      '我们：对每个基准取真实调用率至少为 iterative 的减 {points} 个百分点的最小 AXNet 运行；若没有，则为“按规模匹配”，此时调用率不同。' +
      '训练时间是每个作业在同一台机器上训练步骤的实际耗时。',
  },
  studyFig10aChart: { en: 'Fig. 10a · AXNet / iterative', zh: 'Fig. 10a · AXNet 与 iterative 之比' },
  studyFig10aAxisRatio: { en: 'ratio AXNet / iterative', zh: '比值 AXNet / iterative' },
  studyFig10aSeriesParams: { en: 'parameter ratio', zh: '参数量之比' },
  studyFig10aSeriesTime: { en: 'training-time ratio', zh: '训练时间之比' },
  studyFig10aHeaderRun: { en: 'AXNet run', zh: 'AXNet 运行' },
  studyFig10aHeaderParams: { en: 'params AXNet / iterative', zh: '参数量 AXNet / iterative' },
  studyFig10aHeaderParamRatio: { en: 'param ratio', zh: '参数量之比' },
  studyFig10aHeaderTimeRatio: { en: 'time ratio', zh: '时间之比' },
  studyFig10aHeaderTrueInv: { en: 'true inv. AXNet / iterative', zh: '真实调用率 AXNet / iterative' },
  studyFig10aHeaderBasis: { en: 'basis', zh: '依据' },
  studyFig10aInvocationMatched: { en: 'invocation-matched', zh: '按调用率匹配' },
  studyFig10aSizeMatched: { en: 'size-matched', zh: '按规模匹配' },

  /** Fig. 10c. */
  studyFig10cTitle: { en: 'Fusion at all / first / second hidden layer', zh: '在全部 / 第一个 / 第二个隐藏层融合' },
  studyFig10cCaption: {
    en: 'Paper: no evident difference between the three fusions (jpeg A 64-8-8-64 with C 64-12-18 or 64-12-10; sobel A 9-6-6-1 with C 9-8-14 or 9-8-8). Ours: same topologies.',
    zh: '论文：三种融合方式之间没有明显差别（jpeg：A 64-8-8-64 配 C 64-12-18 或 64-12-10；sobel：A 9-6-6-1 配 C 9-8-14 或 9-8-8）。我们：相同的拓扑。',
  },
  studyFig10cChart: {
    en: 'Fig. 10c · fusion: true (solid) and predicted (light) invocation',
    zh: 'Fig. 10c · 融合方式：真实调用率（实色）与预测调用率（浅色）',
  },
  studyFig10cHeaderFusion: { en: 'fusion', zh: '融合方式' },
  studyFig10cFusionAll: { en: 'all', zh: '全部层' },
  studyFig10cFusionFirst: { en: 'first', zh: '第一层' },
  studyFig10cFusionSecond: { en: 'second', zh: '第二层' },
} as const satisfies Record<string, Readonly<Record<LanguageId, string>>>;
