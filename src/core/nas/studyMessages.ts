/**
 * The NAS study's words (src/core/nas/study.ts): the titles, sentences, headers and word cells of its tables, its run
 * line and its figures' labels, in every interface language. Part of the one registry of core's sentences
 * (src/core/messages.ts MESSAGES). The English templates are the report's text (`axlab reproduce --paper nas`), so
 * English formats to the same bytes as before; numbers come in formatted as the report writes them (1.23×, 45.6%).
 * The methods' and searches' English labels are the registries' (config.ts NAS_METHOD_LABELS, run.ts
 * NAS_SEARCH_LABELS), their Chinese the NAS view's (src/ui/i18n/locales/nas.ts); src/ui/paper/NasStudySection.test.ts
 * checks both agree.
 */
import type { LanguageId } from '../language';

export const NAS_STUDY_MESSAGES = {
  /** The methods searched and the searches (the tables' word cells, the figures' legends). */
  nasStudyMethodLone: { en: 'lone approximator (DATE’20)', zh: '单独的近似器（DATE’20）' },
  nasStudyMethodAxnet: { en: 'AXNet (approximator + predictor)', zh: 'AXNet（近似器 + 预测器）' },
  nasStudyMethodOnepass: { en: 'onepass (approximator, then classifier)', zh: 'onepass（先近似器，后分类器）' },
  nasStudyMethodIterative: { en: 'iterative (R rounds)', zh: 'iterative（R 轮）' },
  nasStudySearchSmac: { en: 'SMAC (RF + EI)', zh: 'SMAC（随机森林 + EI）' },
  nasStudySearchRandom: { en: 'random search', zh: '随机搜索' },
  nasStudySearchEnumeration: { en: 'enumeration (MICRO’12)', zh: '枚举（MICRO’12）' },
  /** The f_perf weights of a run, by id (the report writes the ids). */
  nasStudyWeightsAccuracy: { en: 'accuracy', zh: '侧重准确率' },
  nasStudyWeightsTradeoff: { en: 'tradeoff', zh: '折中' },
  nasStudyWeightsCustom: { en: 'custom', zh: '自定义' },
  /** A topology, as space.ts describeConfig writes it: each hidden layer's width and activation, then the predictor. */
  nasStudyOneLayer: { en: '{n} layer: {layers}', zh: '{n} 层：{layers}' },
  nasStudyLayers: { en: '{n} layers: {layers}', zh: '{n} 层：{layers}' },
  nasStudyReluUnits: { en: '{width} relu', zh: '{width} 个 ReLU' },
  nasStudySigmoidUnits: { en: '{width} sigmoid', zh: '{width} 个 sigmoid' },
  nasStudyTanhUnits: { en: '{width} tanh', zh: '{width} 个 tanh' },
  nasStudyReluUnitsThen: { en: '{width} relu → {next}', zh: '{width} 个 ReLU → {next}' },
  nasStudySigmoidUnitsThen: { en: '{width} sigmoid → {next}', zh: '{width} 个 sigmoid → {next}' },
  nasStudyTanhUnitsThen: { en: '{width} tanh → {next}', zh: '{width} 个 tanh → {next}' },
  nasStudyWithPredictor: { en: '{approximator}; predictor {predictor}', zh: '{approximator}；预测器 {predictor}' },
  /** Fig. 4a's picks: the topology with its accuracy and energy reduction, or why a mode has none (select.ts's reasons). */
  nasStudyPick: { en: '{config} ({accuracy}, {energy})', zh: '{config}（准确率 {accuracy}，能耗降低 {energy}）' },
  nasStudyNoPick: { en: 'none: {reason}', zh: '无：{reason}' },
  nasStudyReasonEmpty: { en: 'The Pareto front is empty: nothing has been evaluated.', zh: '帕累托前沿为空：尚未评估任何候选。' },
  nasStudyReasonNone: { en: 'No point of the Pareto front has {constraints}.', zh: '帕累托前沿上没有满足{constraints}的点。' },
  nasStudyAccuracyAtLeast: { en: 'accuracy ≥ {value}', zh: '准确率 ≥ {value}' },
  nasStudyEnergyAtLeast: { en: 'energy reduction ≥ {value}', zh: '能耗降低 ≥ {value}' },
  nasStudySpeedupAtLeast: { en: 'speedup ≥ {value}', zh: '加速比 ≥ {value}' },
  nasStudyBoth: { en: '{first} and {second}', zh: '{first} 且 {second}' },
  /** Wall time per run. */
  nasStudyWalltimeTitle: { en: 'Wall time per run', zh: '每次运行的耗时' },
  nasStudyHeaderRun: { en: 'run', zh: '运行' },
  nasStudyHeaderBenchmark: { en: 'benchmark', zh: '基准' },
  nasStudyHeaderSearched: { en: 'searched', zh: '搜索对象' },
  nasStudyHeaderBoundGroup: { en: 'bound group', zh: '误差界组' },
  nasStudyHeaderWeights: { en: 'weights', zh: '权重' },
  nasStudyHeaderSeed: { en: 'seed', zh: '种子' },
  nasStudyHeaderDistinct: { en: 'distinct candidates trained', zh: '训练的不同候选数' },
  nasStudyHeaderWallTime: { en: 'wall time', zh: '耗时' },
  /** Fig. 4b. */
  nasStudyFig4bTitle: { en: 'Fig. 4b: best accuracy and the fronts (blackscholes, bound group 1 = 0.01)', zh: '图 4b：最佳准确率与前沿（blackscholes，误差界第 1 组 = 0.01）' },
  nasStudyFig4bIntro: {
    en: 'The paper: NAS’s best accuracy 93.7% against the enumeration’s 90.3%, and up to about 2× more energy reduction at equal accuracy.',
    zh: '论文：NAS 的最佳准确率为 93.7%，枚举为 90.3%；在相同准确率下，能耗降低最多约为枚举的 2×。',
  },
  nasStudyHeaderNasBest: { en: 'NAS best P_acc', zh: 'NAS 的最佳 P_acc' },
  nasStudyHeaderEnumerationBest: { en: 'enumeration best P_acc', zh: '枚举的最佳 P_acc' },
  nasStudyHeaderRandomBest: { en: 'random best P_acc', zh: '随机搜索的最佳 P_acc' },
  nasStudyHeaderHvNas: { en: 'HV NAS', zh: '超体积（NAS）' },
  nasStudyHeaderHvEnumeration: { en: 'HV enumeration', zh: '超体积（枚举）' },
  nasStudyHeaderHvRandom: { en: 'HV random', zh: '超体积（随机搜索）' },
  nasStudyFig4bClaim: {
    en: 'Claim (reference B.9, N3): NAS’s front hypervolume ≥ the enumeration’s and its best accuracy ≥ the enumeration’s — holds in {wins} of {seeds} seeds.',
    zh: '结论（参考 B.9，N3）：NAS 前沿的超体积 ≥ 枚举的，且其最佳准确率 ≥ 枚举的——在 {seeds} 个种子中有 {wins} 个成立。',
  },
  /** Fig. 4a. */
  nasStudyFig4aTitle: {
    en: 'Fig. 4a: online selection (energy reduction ≥ 2.5×, accuracy ≥ 90%), from the trade-off search’s front',
    zh: '图 4a：在线选择（能耗降低 ≥ 2.5×，准确率 ≥ 90%），取自折中搜索的前沿',
  },
  nasStudyHeaderQuality: { en: 'quality', zh: '质量' },
  nasStudyHeaderEnergy: { en: 'energy', zh: '能耗' },
  nasStudyHeaderIntegrated: { en: 'integrated (θ = 0.5)', zh: '综合（θ = 0.5）' },
  /** SMAC against random search and the enumeration over seeds. */
  nasStudySeedsTitle: { en: 'SMAC against random search and the enumeration (Fig. 3 runs)', zh: 'SMAC 与随机搜索和枚举的比较（图 3 的各次运行）' },
  nasStudySeedsIntro: {
    en: 'Regret = the best f_perf any search found in that run − this search’s best (the true optimum is unknown); HV on the test split.',
    zh: '遗憾值 = 该次运行中任一搜索找到的最佳 f_perf − 本搜索的最佳值（真正的最优值未知）；超体积在测试集上计算。',
  },
  nasStudyHeaderRegretSmac: { en: 'regret SMAC', zh: '遗憾值（SMAC）' },
  nasStudyHeaderRegretRandom: { en: 'regret random', zh: '遗憾值（随机搜索）' },
  nasStudyHeaderRegretEnumeration: { en: 'regret enumeration', zh: '遗憾值（枚举）' },
  nasStudyHeaderHvSmac: { en: 'HV SMAC', zh: '超体积（SMAC）' },
  nasStudySeedsOutro: {
    en: 'SMAC’s regret ≤ random search’s in {random} of {runs} runs, ≤ the enumeration’s in {enumeration} of {runs}.',
    zh: '在 {runs} 次运行中，SMAC 的遗憾值有 {random} 次 ≤ 随机搜索的，有 {enumeration} 次 ≤ 枚举的。',
  },
  /** Fig. 5. */
  nasStudyFig5Title: {
    en: 'Fig. 5: speedup and energy reduction at the accuracy threshold, NAS against the enumeration',
    zh: '图 5：准确率阈值处的加速比与能耗降低，NAS 对比枚举',
  },
  nasStudyFig5Intro: {
    en:
      'The paper (its seven benchmarks, accuracy ≥ 90%): group 1 enumeration 2.95× / 3.0×, NAS 4.29× / 5.0×; group 2 enumeration 4.13× / 4.5×, ' +
      'NAS 5.86× / 7.7×; overall 1.43× more speedup and 1.74× more energy reduction. Our CPU side is the lab’s instruction-count estimate ' +
      '(src/core/npu/cpuCost.ts), so absolute ratios differ; NAS/enumeration ratios compare.',
    zh:
      '论文（其七个基准，准确率 ≥ 90%；加速比 / 能耗降低）：第 1 组枚举 2.95× / 3.0×，NAS 4.29× / 5.0×；第 2 组枚举 4.13× / 4.5×，' +
      'NAS 5.86× / 7.7×；总体上加速比为枚举的 1.43×，能耗降低为枚举的 1.74×。我们的 CPU 一侧是实验室按指令数的估算，' +
      '因此绝对比值与论文不同；可比较的是 NAS 与枚举之比。',
  },
  nasStudyHeaderGroup: { en: 'group', zh: '组' },
  nasStudyHeaderThreshold: { en: 'threshold', zh: '阈值' },
  nasStudyHeaderSpeedupEnumeration: { en: 'speedup enum.', zh: '加速比（枚举）' },
  nasStudyHeaderSpeedupNas: { en: 'speedup NAS', zh: '加速比（NAS）' },
  nasStudyHeaderRatio: { en: 'ratio', zh: '比值' },
  nasStudyHeaderEnergyEnumeration: { en: 'energy enum.', zh: '能耗降低（枚举）' },
  nasStudyHeaderEnergyNas: { en: 'energy NAS', zh: '能耗降低（NAS）' },
  nasStudyHeaderNote: { en: 'note', zh: '备注' },
  /** Why a Fig. 5 row is compared below 90%: which search never reached it. */
  nasStudyFig5NoteNas: {
    en: '{threshold} not reached by NAS: compared at {lower}, the lower best accuracy',
    zh: 'NAS 未达到 {threshold}：改在两者中较低的最佳准确率 {lower} 处比较',
  },
  nasStudyFig5NoteEnumeration: {
    en: '{threshold} not reached by the enumeration: compared at {lower}, the lower best accuracy',
    zh: '枚举未达到 {threshold}：改在两者中较低的最佳准确率 {lower} 处比较',
  },
  nasStudyFig5NoteBoth: {
    en: '{threshold} not reached by NAS nor the enumeration: compared at {lower}, the lower best accuracy',
    zh: 'NAS 和枚举都未达到 {threshold}：改在两者中较低的最佳准确率 {lower} 处比较',
  },
  nasStudyFig5Outro: {
    en:
      'NAS over the enumeration — geometric mean of the per-run ratios: speedup {geoSpeedup}, energy {geoEnergy}; ratio of the means: speedup ' +
      '{meanSpeedup}, energy {meanEnergy}. The paper: 1.43× and 1.74× (its 1.43× equals the ratio of its group means; its 1.74× matches no average ' +
      'of its printed numbers, reference B.9).',
    zh:
      'NAS 相对枚举——各次运行比值的几何平均：加速比 {geoSpeedup}，能耗 {geoEnergy}；均值之比：加速比 {meanSpeedup}，能耗 {meanEnergy}。' +
      '论文：1.43× 和 1.74×（其 1.43× 等于其各组均值之比；其 1.74× 与其印出的数字的任何平均都不相符，参考 B.9）。',
  },
  /** AXNet-NAS against onepass and iterative. */
  nasStudyAxnetTitle: {
    en: 'AXNet-NAS against onepass and iterative at one budget ({target}, bound group {group}, {budget} candidates per search)',
    zh: 'AXNet-NAS 在相同预算下对比 onepass 和 iterative（{target}，误差界第 {group} 组，每个搜索 {budget} 个候选）',
  },
  nasStudyAxnetIntro: {
    en:
      'No figure of the paper: issue 10 §5. Each method’s approximator and predictor topologies are searched together by SMAC, random search and ' +
      'the enumeration (MICRO’12 nets in ReLU with a one-layer predictor of 4–32), trained as the lab trains that method. Accuracy: the test ' +
      'inputs sent to the approximator and within the bound (safe & approximated); energy and speedup: the whole system’s against the CPU ' +
      'running everything, at the test split’s predicted invocation.',
    zh:
      '论文中没有对应的图（第 10 号议题 §5）。每种方法的近似器和预测器拓扑由 SMAC、随机搜索和枚举（MICRO’12 的各网络，ReLU，配 4–32 宽的单层预测器）' +
      '一起搜索，并按实验室训练该方法的方式训练。准确率：被送往近似器且在误差界内的测试输入（安全且被近似）；能耗和加速比：整个系统相对于全部由 CPU ' +
      '运行的结果，按测试集上预测的调用比例计算。',
  },
  nasStudyComparedAt: { en: 'Compared at {threshold} ({note}).', zh: '在 {threshold} 处比较（{note}）。' },
  nasStudyComparedAtFig5: { en: 'Compared at {threshold} (Fig. 5’s threshold).', zh: '在 {threshold} 处比较（图 5 的阈值）。' },
  nasStudyAxnetNote: {
    en: '{threshold} not reached by every search: compared at {lower}, the lowest best accuracy',
    zh: '并非每个搜索都达到 {threshold}：改在所有最佳准确率中最低的 {lower} 处比较',
  },
  nasStudyHeaderMethod: { en: 'method', zh: '方法' },
  nasStudyHeaderSearch: { en: 'search', zh: '搜索' },
  nasStudyHeaderCandidates: { en: 'candidates', zh: '候选数' },
  nasStudyHeaderBestSafe: { en: 'best safe & approximated', zh: '最佳“安全且被近似”' },
  nasStudyHeaderBestWithinBound: { en: 'best within bound', zh: '最佳误差界内比例' },
  nasStudyHeaderBestFperf: { en: 'best f_perf', zh: '最佳 f_perf' },
  nasStudyHeaderHv: { en: 'HV', zh: '超体积' },
  nasStudyHeaderEnergyAtThreshold: { en: 'energy at threshold', zh: '阈值处的能耗降低' },
  nasStudyHeaderSpeedupAtThreshold: { en: 'speedup at threshold', zh: '阈值处的加速比' },
  nasStudyAxnetOutro: {
    en: 'AXNet-NAS (SMAC) {ratios}. The largest energy reduction at the threshold: {largest}.',
    zh: 'AXNet-NAS（SMAC）{ratios}。阈值处能耗降低最大的是：{largest}。',
  },
  nasStudyOverBaseline: { en: 'over {method}: energy {energy}, speedup {speedup}', zh: '相对 {method}：能耗降低 {energy}，加速比 {speedup}' },
  nasStudyOverBaselineThen: {
    en: 'over {method}: energy {energy}, speedup {speedup}; {next}',
    zh: '相对 {method}：能耗降低 {energy}，加速比 {speedup}；{next}',
  },
  nasStudyNoBaseline: { en: 'has no baseline in this run', zh: '在本次运行中没有基线' },
  nasStudyLargest: { en: '{method}, {search} ({energy})', zh: '{method}，{search}（能耗降低 {energy}）' },
  nasStudyNone: { en: 'none', zh: '无' },
  /** The run line above the tables. */
  nasStudyRunLine: {
    en:
      "{done} of {total} runs; each run is SMAC, random search and the MICRO'12 enumeration at one budget ({budget} candidates each, {steps} Adam " +
      'steps per candidate, widths ≤ {width}).{axnet} Wall time {seconds} s. Accuracy (P_acc, eq. 5) is reported on the held-out test split; the ' +
      'searches saw a validation split.',
    zh:
      "已完成 {done}/{total} 次运行；每次运行在相同预算下比较 SMAC、随机搜索和 MICRO'12 的枚举（各 {budget} 个候选，每个候选 {steps} 步 Adam，" +
      '宽度 ≤ {width}）。{axnet}耗时 {seconds} 秒。准确率（P_acc，式 5）在留出的测试集上报告；搜索时使用的是验证集。',
  },
  nasStudyRunAxnet: {
    en:
      ' The AXNet-NAS runs (AXNet, onepass, iterative: approximator + predictor) use {budget} candidates per search, {steps} steps, approximator ' +
      'widths ≤ {width}, and report "safe & approximated" (sent to the approximator and within the bound) as their accuracy.',
    zh:
      'AXNet-NAS 的运行（AXNet、onepass、iterative：近似器 + 预测器）每个搜索 {budget} 个候选、{steps} 步，近似器宽度 ≤ {width}，' +
      '并以“安全且被近似”（被送往近似器且在误差界内）作为准确率。',
  },
  /** The figures' titles, axes and legends (src/core/study/svg.ts draws them). */
  nasStudyFig3Chart: {
    en: 'Fig. 3: blackscholes, seed {seed}: accuracy vs energy reduction of every candidate',
    zh: '图 3：blackscholes，种子 {seed}：每个候选的准确率与能耗降低',
  },
  nasStudyAxisAccuracy: { en: 'P_acc within the bound (test split, %)', zh: '误差界内的 P_acc（测试集，%）' },
  nasStudyAxisEnergy: { en: 'energy reduction over the CPU (×)', zh: '相对 CPU 的能耗降低（×）' },
  nasStudySeriesEnumeration: { en: '(a) enumeration', zh: '(a) 枚举' },
  nasStudySeriesAccuracyFocus: { en: '(b) NAS, accuracy focus', zh: '(b) NAS，侧重准确率' },
  nasStudySeriesTradeoff: { en: '(c) NAS, trade-off', zh: '(c) NAS，折中' },
  nasStudyFig4bChart: { en: 'Fig. 4b: Pareto fronts, blackscholes, seed {seed}', zh: '图 4b：帕累托前沿，blackscholes，种子 {seed}' },
  nasStudyEnumerationFront: { en: 'enumeration front', zh: '枚举的前沿' },
  nasStudyTradeoffFront: { en: 'NAS (trade-off) front', zh: 'NAS（折中）的前沿' },
  nasStudyRandomFront: { en: 'random search front', zh: '随机搜索的前沿' },
  nasStudyFig5EnergyChart: {
    en: 'Fig. 5: energy reduction at the accuracy threshold, NAS vs enumeration',
    zh: '图 5：准确率阈值处的能耗降低，NAS 对比枚举',
  },
  nasStudyFig5SpeedupChart: { en: 'Fig. 5: speedup at the accuracy threshold, NAS vs enumeration', zh: '图 5：准确率阈值处的加速比，NAS 对比枚举' },
  nasStudyAxisBenchmarkGroup: { en: 'benchmark, error-bound group', zh: '基准，误差界组' },
  nasStudyAxisEnergyReduction: { en: 'energy reduction (×)', zh: '能耗降低（×）' },
  nasStudyAxisSpeedup: { en: 'speedup (×)', zh: '加速比（×）' },
  nasStudyCategory: { en: '{target} g{group}', zh: '{target} 第 {group} 组' },
  nasStudySeriesNas: { en: 'NAS (SMAC, trade-off)', zh: 'NAS（SMAC，折中）' },
  nasStudyAxnetChart: {
    en: 'AXNet-NAS vs onepass / iterative: SMAC fronts, {target} group {group}, {budget} candidates each',
    zh: 'AXNet-NAS 对比 onepass / iterative：SMAC 的前沿，{target} 第 {group} 组，各 {budget} 个候选',
  },
  nasStudyAxisSafe: { en: 'safe & approximated (test split, %)', zh: '安全且被近似（测试集，%）' },
  nasStudyAxisSystemEnergy: { en: 'system energy reduction over the CPU (×)', zh: '系统相对 CPU 的能耗降低（×）' },
  nasStudySmacFront: { en: '{method}, SMAC front', zh: '{method}，SMAC 的前沿' },
  /** The quick figures' watermark (src/core/study/plan.ts QUICK_BUDGET_NOTE in English). */
  nasStudyQuickWatermark: { en: 'quick budget — not full-budget results', zh: '快速预算 —— 不是完整预算的结果' },
} as const satisfies Record<string, Readonly<Record<LanguageId, string>>>;
