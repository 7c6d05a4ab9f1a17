/**
 * The words of the §V study's claims (claims.ts computeStudyClaims, computeLeadClaims, computeProtocolClaims): each
 * claim's sentence, the paper's reading, ours, how ours is computed and the verdict, in every interface language.
 * Part of the one registry of core's sentences (src/core/messages.ts MESSAGES). English is the text of the study's
 * Markdown report (report.ts, `axlab reproduce`), to the byte; the Paper view formats the same Messages in its
 * language. Numbers come in formatted as the report writes them (+50.7 %, 1.20×, 3/7), benchmark ids, method ids and
 * job ids as written; the math of a formula (TI_AXNet / TI_iterative − 1) and the paper's references (Fig. 10a) stay
 * as written inside the Chinese sentences.
 */
import type { LanguageId } from '../language';

export const STUDY_CLAIM_MESSAGES = {
  /** A value that could not be computed. */
  studyClaimNa: { en: 'n/a', zh: '无' },
  studyClaimNone: { en: 'none', zh: '无' },

  /** Verdicts: the verdict word, then why (a Message). */
  studyClaimAgrees: { en: 'agrees: {detail}', zh: '一致：{detail}' },
  studyClaimDiffers: { en: 'differs: {detail}', zh: '不一致：{detail}' },
  studyClaimNotComputed: { en: 'not computed: {why}', zh: '未计算：{why}' },
  /** A quick plan's verdict; the English opening is plan.ts QUICK_BUDGET_NOTE (claimMessages.test.ts checks). */
  studyClaimQuick: { en: 'quick budget — not full-budget results: {verdict}', zh: '快速预算 —— 不是完整预算的结果：{verdict}' },
  studyClaimWhyUndefined: { en: 'a result it needs is missing or undefined', zh: '所需的某个结果缺失或无定义' },
  studyClaimWhyResultsMissing: { en: 'the results it needs are missing', zh: '所需的结果缺失' },
  studyClaimWhyLeadMissing: { en: 'results it needs are missing', zh: '所需的结果缺失' },
  studyClaimWhySweepMissing: { en: 'a sweep result is missing', zh: '缺少一个扫描结果' },
  studyClaimWhyFig2Missing: { en: 'a Fig. 2 result is missing', zh: '缺少一个 Fig. 2 的结果' },

  /** compareWithPaper: ours against the paper's number; tolerance in %. */
  studyClaimWithin: { en: 'ours {ours} vs paper {paper} (within ±{tolerance} %)', zh: '我们的 {ours}，论文的 {paper}（相差在 ±{tolerance} % 以内）' },
  studyClaimVsPaper: { en: 'ours {ours} vs paper {paper} ({direction})', zh: '我们的 {ours}，论文的 {paper}（{direction}）' },
  studyClaimOppositeDirection: { en: 'opposite direction', zh: '方向相反' },
  studyClaimSameSmaller: { en: 'same direction, smaller', zh: '方向相同，但更小' },
  studyClaimSameLarger: { en: 'same direction, larger', zh: '方向相同，但更大' },

  /** Count claims: hits of total, and what the misses are (detail). */
  studyClaimCountDetail: { en: '{hits}/{total} ({detail})', zh: '{total} 个中有 {hits} 个（{detail}）' },
  studyClaimOnly: { en: 'only {hits}/{total}', zh: '仅 {hits}/{total}' },
  studyClaimOnlyDetail: { en: 'only {hits}/{total} ({detail})', zh: '仅 {hits}/{total}（{detail}）' },
  /** list: benchmark ids (and numbers), as written. */
  studyClaimNotOn: { en: 'not on {list}', zh: '在 {list} 上不成立' },
  studyClaimNotAt: { en: 'not at {list}', zh: '在 {list} 处不成立' },
  /** A list item: a parameter count (fig. 9's misses); Then: followed by the rest of the list. */
  studyClaimParams: { en: '{params} params', zh: '{params} 个参数' },
  studyClaimParamsThen: { en: '{params} params, {next}', zh: '{params} 个参数、{next}' },
  /** A list item: a benchmark's spread of true invocation over the three fusions, in points. */
  studyClaimSpread: { en: '{target} spread {points} points', zh: '{target} 相差 {points} 个百分点' },
  studyClaimSpreadThen: { en: '{target} spread {points} points, {next}', zh: '{target} 相差 {points} 个百分点，{next}' },
  studyClaimPoints: { en: '{value} points', zh: '{value} 个百分点' },

  /** Fig. 6: average relative gains (base: onepass or iterative; paper: +50.7 %). */
  studyClaimGain: { en: 'AXNet’s true invocation is higher than {base}’s by {paper} on average', zh: 'AXNet 的真实调用率平均比 {base} 高 {paper}' },
  studyClaimGainFormula: {
    en: 'mean over benchmarks b of TI_AXNet(b) / TI_{base}(b) − 1 (relative gain; TI = true invocation on the test set)',
    zh: '对各基准 b 取 TI_AXNet(b) / TI_{base}(b) − 1 的平均（相对提升；TI = 测试集上的真实调用率）',
  },
  /** notes: '' or '; ' and what was skipped or missing. */
  studyClaimGainOurs: { en: '{gain} over {used} benchmarks (mean difference {points}){notes}', zh: '{gain}，基于 {used} 个基准（平均相差 {points}）{notes}' },
  studyClaimGainSkipped: { en: '; {count} benchmark(s) with {base} true invocation 0 skipped', zh: '；跳过 {count} 个 {base} 真实调用率为 0 的基准' },
  studyClaimGainSkippedThen: { en: '; {count} benchmark(s) with {base} true invocation 0 skipped{next}', zh: '；跳过 {count} 个 {base} 真实调用率为 0 的基准{next}' },
  studyClaimGainMissing: { en: '; {count} benchmark(s) missing', zh: '；缺少 {count} 个基准' },
  /** Fig. 6: AXNet above both baselines everywhere (n: the benchmarks). */
  studyClaimEverywhere: { en: 'AXNet has greater true invocation than iterative and onepass in all benchmarks', zh: 'AXNet 在所有基准上的真实调用率都高于 iterative 和 onepass' },
  studyClaimAllN: { en: 'all {n} benchmarks', zh: '全部 {n} 个基准' },
  studyClaimEverywhereFormula: {
    en: 'count of benchmarks with TI_AXNet > TI_onepass and TI_AXNet > TI_iterative',
    zh: '满足 TI_AXNet > TI_onepass 且 TI_AXNet > TI_iterative 的基准个数',
  },
  /** Fig. 6: the greatest improvements over iterative (paper: 1.5, target: kmeans). */
  studyClaimRatio: { en: 'Greatest improvement over iterative: {paper}× on {target}', zh: '相对 iterative 的最大提升：{target} 上为 {paper}×' },
  studyClaimRatioOurs: { en: '{ratio} ({axnet} vs {iterative})', zh: '{ratio}（AXNet 为 {axnet}，iterative 为 {iterative}）' },
  /** Fig. 6: saturation. */
  studyClaimSaturation: {
    en: 'Saturation effect: AXNet’s predicted invocation is 100 % on fft, bessel and kmeans',
    zh: '饱和效应：AXNet 在 fft、bessel 和 kmeans 上的预测调用率为 100 %',
  },
  studyClaimSaturationPaper: { en: '3/3 at 100 %', zh: '3/3 达到 100 %' },
  studyClaimSaturationFormula: {
    en: 'count of fft, bessel_Jnu, kmeans with AXNet predicted invocation ≥ 99.5 %',
    zh: 'fft、bessel_Jnu、kmeans 中 AXNet 预测调用率 ≥ 99.5 % 的个数',
  },
  /** Fig. 7: iterative's classifier more accurate on three benchmarks. */
  studyClaimAccuracy: {
    en: 'Iterative’s prediction accuracy beats AXNet’s on inversek2j, jpeg and blackscholes',
    zh: '在 inversek2j、jpeg 和 blackscholes 上，iterative 的预测准确率高于 AXNet',
  },
  studyClaimAccuracyFormula: {
    en: 'count of those benchmarks with accuracy_iterative > accuracy_AXNet (paper definition)',
    zh: '这些基准中 accuracy_iterative > accuracy_AXNet 的个数（论文的定义）',
  },
  /** list: benchmark ids, or studyClaimNone. */
  studyClaimIterativeHigherOn: { en: 'iterative higher on: {list}', zh: 'iterative 更高的基准：{list}' },
  /** Fig. 8: AXNet's overall error below onepass's. */
  studyClaimError: { en: 'AXNet reduces the overall error against onepass in all cases', zh: '在所有情况下，AXNet 的总体误差都低于 onepass' },
  studyClaimAllBenchmarks: { en: 'all benchmarks', zh: '所有基准' },
  studyClaimErrorFormula: {
    en: 'count of benchmarks with overallError_AXNet / overallError_onepass < 1 (n/a ones excluded)',
    zh: '满足 overallError_AXNet / overallError_onepass < 1 的基准个数（不计 n/a 的基准）',
  },
  /** Fig. 9: the paper's jpeg pair; points: the similar-invocation margin. */
  studyClaimJpegPair: {
    en: 'jpeg: AXNet 64-6-64 + 64-4-8 reaches the true invocation of iterative 64-16-64 + 64-16-2 (≈ 60 %) with 1284 vs 3216 parameters',
    zh: 'jpeg：AXNet 64-6-64 + 64-4-8 以 1284 个参数（iterative 为 3216 个）达到 iterative 64-16-64 + 64-16-2 的真实调用率（≈ 60 %）',
  },
  studyClaimJpegPairPaper: { en: '≈ 60 % vs ≈ 60 %; 1284 vs 3216 params (paper count)', zh: '≈ 60 % 对 ≈ 60 %；1284 对 3216 个参数（论文的计数）' },
  studyClaimJpegPairFormula: {
    en: 'TI_AXNet − TI_iterative for these two topologies; parameters = weights + biases; agrees when the gap ≥ −{points} points',
    zh: '这两种拓扑的 TI_AXNet − TI_iterative；参数 = 权重 + 偏置；差距 ≥ −{points} 个百分点时判为一致',
  },
  studyClaimJpegPairOurs: {
    en: '{axnet} ({axnetParams} params) vs {iterative} ({iterativeParams} params)',
    zh: 'AXNet {axnet}（{axnetParams} 个参数），iterative {iterative}（{iterativeParams} 个参数）',
  },
  studyClaimJpegPairWithin: {
    en: 'AXNet is within {points} points of (or above) iterative with {ratio} the parameters',
    zh: 'AXNet 与 iterative 相差不超过 {points} 个百分点（或更高），参数量为后者的 {ratio}',
  },
  studyClaimJpegPairBelow: { en: 'AXNet is {gap} points below iterative', zh: 'AXNet 比 iterative 低 {gap} 个百分点' },
  /** Fig. 9: AXNet better at every size. */
  studyClaimDominates: {
    en: 'AXNet always achieves better invocation than iterative at every parameter count (jpeg)',
    zh: '在每种参数量下，AXNet 的调用率都优于 iterative（jpeg）',
  },
  studyClaimEverySize: { en: 'every size', zh: '每种规模' },
  studyClaimDominatesFormula: {
    en: 'count of iterative sweep points matched or beaten by an AXNet point with ≤ parameters',
    zh: '被参数量不多于它的某个 AXNet 点追平或超过的 iterative 扫描点个数',
  },
  /** Fig. 10a: parameters of jpeg at similar invocation. */
  studyClaimParamReduction: { en: 'jpeg: AXNet needs 60 % fewer parameters at similar true invocation', zh: 'jpeg：在相近的真实调用率下，AXNet 所需参数少 60 %' },
  studyClaimParamReductionFormula: {
    en: '1 − params_AXNet / params_iterative, smallest AXNet with TI ≥ TI_iterative − {points} points (Fig. 10a rule)',
    zh: '1 − params_AXNet / params_iterative，取 TI ≥ TI_iterative − {points} 个百分点的最小 AXNet（Fig. 10a 的规则）',
  },
  /** reduction: '−65.9 %' or studyClaimNa; basis: studyClaimInvocationMatched or studyClaimSizeMatched. */
  studyClaimParamReductionOurs: {
    en: '{reduction} ({axnet} vs {iterative}, {basis})',
    zh: '{reduction}（AXNet {axnet} 个参数，iterative {iterative} 个，{basis}）',
  },
  studyClaimInvocationMatched: { en: 'invocation-matched', zh: '按调用率匹配' },
  studyClaimSizeMatched: { en: 'size-matched', zh: '按规模匹配' },
  studyClaimNoneReached: { en: 'no AXNet of the sweep reached iterative’s true invocation', zh: '扫描中没有 AXNet 达到 iterative 的真实调用率' },
  /** Fig. 10a: training time. */
  studyClaimTimeAverage: { en: 'AXNet’s training time is 74 % shorter than iterative’s on average', zh: 'AXNet 的训练时间平均比 iterative 短 74 %' },
  studyClaimTimeAverageFormula: {
    en: 'mean over benchmarks of 1 − trainingMs_AXNet / trainingMs_iterative (Fig. 10a pairs; wall time of training steps)',
    zh: '对各基准取 1 − trainingMs_AXNet / trainingMs_iterative 的平均（Fig. 10a 的配对；训练步的实际耗时）',
  },
  studyClaimOverBenchmarks: { en: '{value} over {n} benchmarks', zh: '{value}，基于 {n} 个基准' },
  studyClaimSpeedup: { en: 'Training speed-up over iterative: {paper}× on {target}', zh: '相对 iterative 的训练加速：{target} 上为 {paper}×' },
  studyClaimSpeedupFormula: { en: 'trainingMs_iterative / trainingMs_AXNet ({target}, Fig. 10a pair)', zh: 'trainingMs_iterative / trainingMs_AXNet（{target}，Fig. 10a 的配对）' },
  /** axnet, iterative: the pair's job ids. */
  studyClaimSpeedupOurs: { en: '{ratio} ({axnet} vs {iterative})', zh: '{ratio}（{axnet} 对比 {iterative}）' },
  studyClaimTimeJpeg: {
    en: 'Training-time reduction as high as 90 % on jpeg (the paper’s 32× would be 96.9 %)',
    zh: 'jpeg 上训练时间最多减少 90 %（论文的 32× 相当于 96.9 %）',
  },
  studyClaimTimeFft: { en: 'FFT has the smallest training-time reduction, only 50 %', zh: 'FFT 的训练时间减少最少，仅 50 %' },
  /** Fig. 10c: fusion; points: the similar-invocation margin. */
  studyClaimFusion: {
    en: 'Fusing at all, the first or the second hidden layer makes no evident difference',
    zh: '在全部、第一个或第二个隐藏层融合，没有明显差别',
  },
  studyClaimNoEvidentDifference: { en: 'no evident difference', zh: '没有明显差别' },
  studyClaimFusionFormula: {
    en: 'count of benchmarks whose max − min true invocation over the three fusions ≤ {points} points',
    zh: '三种融合方式下真实调用率的 max − min ≤ {points} 个百分点的基准个数',
  },
  /** Fig. 2: weight sharing against AXNet. */
  studyClaimStability: {
    en: 'Weight sharing trains unstably (invocation oscillates) and converges to a low invocation; AXNet trains stably',
    zh: '权重共享训练不稳定（调用率振荡），并收敛到较低的调用率；AXNet 训练稳定',
  },
  studyClaimStabilityPaper: { en: 'weight-sharing oscillates and ends lower', zh: '权重共享振荡，且最终更低' },
  studyClaimStabilityFormula: {
    en: 'oscillation = mean |Δ TI| between consecutive evaluations of the second half; agrees when oscillation_ws > oscillation_AXNet and final TI_ws < TI_AXNet',
    zh: '振荡 = 后半程相邻两次评估之间 |Δ TI| 的平均；oscillation_ws > oscillation_AXNet 且最终 TI_ws < TI_AXNet 时判为一致',
  },
  studyClaimOscillationFormula: {
    en: 'oscillation = mean |Δ TI| between consecutive evaluations of the second half',
    zh: '振荡 = 后半程相邻两次评估之间 |Δ TI| 的平均',
  },
  studyClaimStabilityOurs: {
    en: 'oscillation {wsOscillation} vs {axnetOscillation}; final TI {wsTi} vs {axnetTi} (weight-sharing vs AXNet)',
    zh: '振荡 {wsOscillation} 对 {axnetOscillation}；最终 TI {wsTi} 对 {axnetTi}（权重共享对 AXNet）',
  },
  studyClaimStabilityAgrees: { en: 'weight sharing oscillates more and ends lower', zh: '权重共享振荡更大，且最终更低' },
  studyClaimNotMoreOscillating: { en: 'weight sharing does not oscillate more than AXNet', zh: '权重共享的振荡并不比 AXNet 大' },
  studyClaimNotLower: { en: 'weight sharing does not end lower', zh: '权重共享最终并不更低' },
  studyClaimNeither: {
    en: 'weight sharing does not oscillate more than AXNet; weight sharing does not end lower',
    zh: '权重共享的振荡并不比 AXNet 大；权重共享最终也不更低',
  },
  /** computeProtocolClaims: a leading claim read at one bound. */
  studyClaimAtStudyBound: {
    en: '{statement} — at the study bound only, seed means (the leading table reads every bound and seed)',
    zh: '{statement}——仅在研究的误差界处，取各种子的平均（首表读取每个误差界和种子）',
  },

  /** Leading claims: the paired comparison (wins, losses, ties of pairs; p: the sign test's p-value). */
  studyClaimPairs: { en: '{wins}↑ {losses}↓ {ties}= of {pairs} pairs, sign test p = {p}', zh: '{pairs} 对中 {wins}↑ {losses}↓ {ties}=，符号检验 p = {p}' },
  /** way: studyClaimOppositeWay or studyClaimNoSeparation. */
  studyClaimLeadWay: { en: '{way} ({pairs}); ours {ours} vs paper {paper}', zh: '{way}（{pairs}）；我们的 {ours}，论文的 {paper}' },
  studyClaimOppositeWay: { en: 'the opposite way', zh: '方向相反' },
  studyClaimNoSeparation: { en: 'no separation', zh: '没有显著差别' },
  /** size: studyClaimSmaller or studyClaimLarger. */
  studyClaimLeadSize: { en: 'same direction ({pairs}), {size}: ours {ours} vs paper {paper}', zh: '方向相同（{pairs}），但{size}：我们的 {ours}，论文的 {paper}' },
  studyClaimSmaller: { en: 'smaller', zh: '更小' },
  studyClaimLarger: { en: 'larger', zh: '更大' },
  studyClaimLeadAgrees: {
    en: '{pairs}; ours {ours} vs paper {paper} (within ±25 % or 2 std)',
    zh: '{pairs}；我们的 {ours}，论文的 {paper}（在 ±25 % 或 2 个标准差以内）',
  },
  studyClaimLeadGainOurs: { en: '{spread} ({n} seeds; mean TI difference {points})', zh: '{spread}（{n} 个种子；TI 平均相差 {points}）' },
  studyClaimLeadSeeds: { en: '{spread} ({n} seeds)', zh: '{spread}（{n} 个种子）' },
  studyClaimLeadEverywhereAgrees: {
    en: 'AXNet higher than both on all {total} (sign test over bounds × seeds)',
    zh: 'AXNet 在全部 {total} 个基准上都高于两者（对误差界 × 种子做符号检验）',
  },
  studyClaimLeadEverywhereDiffers: { en: 'higher than both on {winners}/{total}; not on {others}', zh: '在 {winners}/{total} 个基准上高于两者；在 {others} 上不成立' },
  /** A list item: a benchmark where AXNet is not above both (onepass, iterative: studyClaimHigher, studyClaimLower, studyClaimNoSeparation). */
  studyClaimVersus: { en: '{target} (vs onepass {onepass}, vs iterative {iterative})', zh: '{target}（对 onepass：{onepass}，对 iterative：{iterative}）' },
  studyClaimVersusThen: {
    en: '{target} (vs onepass {onepass}, vs iterative {iterative}); {next}',
    zh: '{target}（对 onepass：{onepass}，对 iterative：{iterative}）；{next}',
  },
  studyClaimHigher: { en: 'higher', zh: '更高' },
  studyClaimLower: { en: 'lower', zh: '更低' },
  studyClaimLeadGainOnepassFormula: {
    en: 'per seed: mean over benchmarks and bounds of TI_AXNet / TI_onepass − 1 (TI_onepass = 0 skipped); mean ± std over seeds; paired: TI_AXNet − TI_onepass per benchmark, bound, seed',
    zh: '每个种子：对各基准和误差界取 TI_AXNet / TI_onepass − 1 的平均（跳过 TI_onepass = 0）；再取各种子的平均 ± 标准差；配对：每个基准、误差界和种子的 TI_AXNet − TI_onepass',
  },
  studyClaimLeadGainIterativeFormula: {
    en: 'per seed: mean over benchmarks and bounds of TI_AXNet / TI_iterative − 1; mean ± std over seeds; paired: TI_AXNet − TI_iterative per benchmark, bound, seed',
    zh: '每个种子：对各基准和误差界取 TI_AXNet / TI_iterative − 1 的平均；再取各种子的平均 ± 标准差；配对：每个基准、误差界和种子的 TI_AXNet − TI_iterative',
  },
  studyClaimLeadTimeFormula: {
    en: 'per seed: mean over benchmarks and bounds of 1 − t_AXNet / t_iterative (size-matched pairs; converge: time to the early stop); paired: (t_iterative − t_AXNet) / t_iterative',
    zh: '每个种子：对各基准和误差界取 1 − t_AXNet / t_iterative 的平均（按规模匹配的配对；训练到收敛：到早停为止的时间）；配对：(t_iterative − t_AXNet) / t_iterative',
  },
  studyClaimLeadEverywhereFormula: {
    en: 'count of benchmarks where the paired comparison (sign test over bounds × seeds) puts AXNet above onepass and above iterative',
    zh: '配对比较（对误差界 × 种子做符号检验）显示 AXNet 同时高于 onepass 和 iterative 的基准个数',
  },
} as const satisfies Record<string, Readonly<Record<LanguageId, string>>>;
