/**
 * Texts of the Paper view (src/ui/paper): controls, progress, the lead-claims table and the AxTrain and NAS study
 * sections. The protocols' English labels and rules are the registry's (src/core/study/protocols.ts) and stay the
 * CLI's report text; their Chinese ones are here, by id (the type asks for every id).
 */
import { AXTRAIN_OPEN_CHOICES } from '../../../core/axtrain/study';
import { NAS_STUDY_DIFFERENCES } from '../../../core/nas/texts';
import { defineNamespace } from '../namespace';

/** The lab's open choices (the report's list), keyed c0, c1, … by position; zh.ts must give one per entry. */
const openChoices: Readonly<Record<`c${number}`, string>> = Object.fromEntries(AXTRAIN_OPEN_CHOICES.map((choice, index) => [`c${index}`, choice]));

/** Where the NAS study differs from the paper (the report's list), keyed d0, d1, … by position. */
const nasDifferences: Readonly<Record<`d${number}`, string>> = Object.fromEntries(NAS_STUDY_DIFFERENCES.map((text, index) => [`d${index}`, text]));

export const paper = defineNamespace(
  {
    // <generated-en>
    claims: {
      none: 'The paper states no number for this figure; the table below gives ours.',
      paper: 'Paper',
      ours: 'Ours',
      how: 'How',
      paperVsOurs: 'Paper vs ours',
    },
    figure: {
      missing: 'Missing jobs: {{jobs}}.',
      numbers: 'Numbers',
      quickNote: 'quick budget — not full-budget results',
    },
    lead: {
      caption: 'Paper claims under each budget protocol (mean ± std over seeds; verdict from the paired comparison per benchmark, bound and seed)',
      claim: 'claim',
      paper: 'paper',
    },
    protocols: {
      perPhase: {
        label: 'per phase (N steps per phase)',
        rule: 'every network-training phase gets N optimizer steps: AXNet N, onepass 2N, iterative 2RN (1 : 2 : 16 at R = 8); read at the last step',
      },
      equalSteps: {
        label: 'equal total steps',
        rule: 'every method gets the same total T optimizer steps, split evenly over its phases (an AXNet step updates both nets and counts once); read at the last step',
      },
      converge: {
        label: 'to convergence (early stopping)',
        rule: 'the equal-steps schedule with T as the cap, stopped when the validation split’s true invocation has not improved for the patience; the best validation evaluation is kept and training time runs to the stop',
      },
    },
    verdict: {
      agrees: 'agrees',
      differs: 'differs',
      notComputed: 'not computed',
      na: 'n/a',
    },
    view: {
      title: 'Paper (§V): the figures, recomputed',
      caption:
        'Runs the study behind Fig. 2, 6, 7, 8, 9, 10a and 10c: every benchmark × method (onepass, iterative, AXNet sized to within 3% of the baseline’s parameters), the jpeg topology sweep and the fusion study, all with the same data, seed, Adam, ReLU and losses (§V-A), in {{workers}} study workers. Fig. 10b (energy) is a model estimate: see the NPU view.',
      size: 'Size',
      quick: 'quick — {{jobs}} jobs, {{steps}} steps, {{duration}} (a smoke test, not the paper’s budget)',
      full: 'full — {{jobs}} jobs, {{steps}} steps, {{duration}}',
      fullWarning:
        'The full study trains for {{duration}} in this tab (keep it open and in the foreground). Finished jobs are cached, so you can cancel and resume later. The CLI ([[cli]]) runs the same plan headless.',
      runAgain: 'Run again (all cached)',
      runRemaining: 'Run the remaining {{n}} jobs',
      runStudy: 'Run the {{size}} study',
      cancel: 'Cancel',
      clearCache: 'Clear cache',
      quickBanner: 'quick budget — not full-budget results: tiny step counts and data sets, a smoke test of the pipeline — not evidence for or against the paper.',
      export: 'Export',
      csv: 'results CSV',
      json: 'results JSON',
      md: 'report (Markdown)',
      claimsSummary: '{{n}} claims: {{agree}} agree, {{differ}} differ, {{none}} not computed (numeric claims agree within ±25% of the paper’s value).',
      protocol: 'Budget protocol (figures and verdicts below)',
      noResults: 'No results yet for the {{size}} study. Press “{{button}}”: figures appear as jobs finish.',
    },
    budget: {
      quick: 'QUICK BUDGET — not full-budget results.',
      full: 'Full budget.',
      statement:
        'Protocols: {{protocols}}. N = {{steps}} steps (jpeg {{jpegSteps}}); T = {{total}} (jpeg {{jpegTotal}}); early stopping: patience {{patience}} evaluations of every {{evalEvery}} steps. Iterative {{rounds}} rounds, batch 128, Adam lr 0.01 (jpeg 0.001, all methods), ReLU, train {{train}} samples / test {{test}}, seeds {{seeds}} (data, initialization and batches); Fig. 2 {{fig2Steps}} steps evaluated every {{fig2Every}}.',
    },
    sizes: {
      quick: 'quick',
      full: 'full',
    },
    progress: {
      jobs: '{{done}}/{{total}} jobs · {{cached}} from the cache · {{trained}} trained in this session',
      eta: ' · ETA {{eta}}',
      now: ' · now: {{jobs}}',
      finished: ' · finished in {{time}}',
      cancelled: ' · cancelled (finished jobs are kept in the cache)',
      loading: ' · reading the cache…',
    },
    axtrain: {
      seeds1: '{{n}} seed',
      seedsN: '{{n}} seeds',
      quick: 'quick — {{units}} units (2 data sets × {{seeds}}), CI-sized epochs, {{time}} (a smoke test, not the reference’s budget)',
      full: 'full — {{units}} units (2 data sets × {{seeds}}), the reference’s epochs and 50 NTV masks, {{time}}',
      caption:
        'The experiments of the reference’s Part A.7, scaled as it suggests: on breast cancer (the paper’s 30-64-64-2 net) and digits 8×8 (a stand-in for MNIST), per seed, BP and AxTrain-act from scratch, AxTrain-pas from scratch at the aggressive and conservative NTV voltages, and AxTrain (the act net, then a few pas epochs) for every setting a claim is judged on (DRUM K1–K3, NTV Agg/Con); every net is scored exactly, on DRUM k = 1…8 and on NTV weight memory over seeded masks. Each seed is paired with BP on the same data, batches and masks. The same plan and code as [[cli]], one unit (data set × seed) at a time in a study worker.',
      budget: 'Budget',
      times: 'Times are {{status}}s from the quick plan’s measured step and evaluation times on a 2-core machine; the ETA corrects them as units finish.',
      estimate: 'estimate',
      fullWarning: 'The full study trains for {{duration}} in this tab (keep it open and in the foreground). Finished units are cached, so you can cancel and resume later.',
      runAgain: 'Run again (all cached)',
      runRemaining1: 'Run the remaining unit',
      runRemaining: 'Run the remaining {{n}} units',
      run: 'Run the {{budget}} AxTrain study',
      cancel: 'Cancel AxTrain study',
      clear: 'Clear AxTrain cache',
      progress: '{{done}}/{{total}} units · {{cached}} from the cache · {{trained}} trained in this session',
      cancelled: ' · cancelled (finished units are kept in the cache)',
      quickBanner: 'Quick budget: CI-sized epochs and one seed, a smoke test of the pipeline — not evidence for or against the paper.',
      noResults: 'No AxTrain results yet for the {{budget}} budget. Press “{{button}}”: the tables appear as units finish.',
      choices: 'Choices where the paper is silent',
    },
    openChoices,
    nas: {
      quick:
        'quick — {{runs}} runs (Fig. 3/4: 1 seed; Fig. 5: jpeg, kmeans, inversek2j at group 2, {{budget}} candidates per search, {{steps}} steps, widths ≤ {{width}}{{axnet}}): minutes on wasm, most of them in the AXNet-NAS runs',
      full: 'full — {{runs}} runs (Fig. 3/4: 3 seeds; Fig. 5: 7 benchmarks × 2 groups, the paper’s 56 candidates per search, 2000 steps{{axnet}}): many hours in a tab (use the CLI)',
      axnetRuns: '; AXNet-NAS vs onepass vs iterative on {{targets}}: {{runs}} runs of {{budget}} candidates per search, {{steps}} steps',
      title: 'NAS for approximate computing (DATE’20)',
      caption:
        'Each run searches an approximator’s topology three ways at one budget: SMAC (random forest + EI), random search and the MICRO’12 enumeration; accuracy is the fraction within Table 2’s bound on a held-out test split, and speedup and energy reduction come from the lab’s NPU model (Eyeriss-like preset) against the CPU. The AXNet-NAS runs search AXNet’s, onepass’s and iterative’s approximator and predictor together the same three ways, scored by the inputs approximated within the bound and the whole system’s cost. The same plan and code as [[cli]].',
      runRemaining: 'Run the remaining {{n}} runs',
      run: 'Run the {{budget}} NAS study',
      cancel: 'Cancel NAS study',
      clear: 'Clear NAS cache',
      progress: '{{done}}/{{total}} runs',
      now: ' · now: {{run}} ({{evaluations}} evaluations)',
      cancelled: ' · cancelled (finished runs are kept in the cache)',
      quickBanner: 'Quick budget: fewer candidates, fewer steps and narrower nets than the paper — the method at work, not the paper’s magnitudes.',
      noResults: 'No NAS results yet for the {{budget}} budget. Press “{{button}}”: the figures appear as runs finish.',
      differences: 'Where the lab differs from the paper',
    },
    nasDifferences,
    time: {
      aboutSeconds: 'about {{n}} s',
      aboutMinutes: 'about {{n}} min',
      estimating: 'estimating…',
      underSecond: 'under a second',
      seconds: '{{n}} s',
      minutes: '{{n}} min',
    },
    // </generated-en>
  },
  {
    // <generated-zh>
    claims: {
      none: '论文没有给出此图的数值；下表给出本实验的数值。',
      paper: '论文',
      ours: '本实验',
      how: '算法',
      paperVsOurs: '论文与本实验对照',
    },
    figure: {
      missing: '缺少的任务：{{jobs}}。',
      numbers: '数值',
      quickNote: '快速预算 —— 不是完整预算的结果',
    },
    lead: {
      caption: '各预算协议下论文的结论（各随机种子的均值 ± 标准差；结论来自按基准程序、误差界和随机种子的配对比较）',
      claim: '结论',
      paper: '论文',
    },
    protocols: {
      perPhase: {
        label: '按阶段（每阶段 N 步）',
        rule: '每个网络训练阶段得到 N 个优化步：AXNet N，onepass 2N，iterative 2RN（R = 8 时为 1 : 2 : 16）；在最后一步读数',
      },
      equalSteps: {
        label: '总步数相同',
        rule: '每种方法得到相同的总优化步数 T，平均分配到各阶段（AXNet 的一步同时更新两个网络，只计一次）；在最后一步读数',
      },
      converge: {
        label: '训练到收敛（早停）',
        rule: '以 T 为上限的等步数方案，当验证集上的真实调用率在耐心期内不再提高时停止；保留验证集上最好的评估，训练时间计到停止为止',
      },
    },
    verdict: {
      agrees: '一致',
      differs: '不一致',
      notComputed: '未计算',
      na: '无',
    },
    view: {
      title: '论文（§V）：重新计算的各图',
      caption:
        '运行图 2、6、7、8、9、10a 和 10c 背后的研究：每个基准程序 × 方法（onepass、iterative，以及参数量与基线相差不超过 3% 的 AXNet）、jpeg 拓扑扫描和融合研究，全部使用相同的数据、随机种子、Adam、ReLU 和损失函数（§V-A），在 {{workers}} 个研究工作线程中运行。图 10b（能耗）是模型估计：见 NPU 视图。',
      size: '规模',
      quick: '快速 —— {{jobs}} 个任务，{{steps}} 步，{{duration}}（冒烟测试，不是论文的预算）',
      full: '完整 —— {{jobs}} 个任务，{{steps}} 步，{{duration}}',
      fullWarning: '完整研究会在此标签页中训练 {{duration}}（请保持其打开并在前台）。已完成的任务会缓存，因此可以取消后再继续。命令行工具（[[cli]]）以无界面方式运行同一计划。',
      runAgain: '再次运行（全部已缓存）',
      runRemaining: '运行剩余的 {{n}} 个任务',
      runStudy: '运行{{size}}研究',
      cancel: '取消',
      clearCache: '清除缓存',
      quickBanner: '快速预算 —— 不是完整预算的结果：步数和数据集都很小，只是对流程的冒烟测试 —— 不能作为支持或反对论文的证据。',
      export: '导出',
      csv: '结果 CSV',
      json: '结果 JSON',
      md: '报告（Markdown）',
      claimsSummary: '{{n}} 项结论：{{agree}} 项一致，{{differ}} 项不一致，{{none}} 项未计算（数值结论与论文值相差 ±25% 以内视为一致）。',
      protocol: '预算协议（用于下面的图和结论）',
      noResults: '{{size}}研究还没有结果。按“{{button}}”：任务完成后各图随之出现。',
    },
    budget: {
      quick: '快速预算 —— 不是完整预算的结果。',
      full: '完整预算。',
      statement:
        '协议：{{protocols}}。N = {{steps}} 步（jpeg {{jpegSteps}}）；T = {{total}}（jpeg {{jpegTotal}}）；早停：耐心为 {{patience}} 次评估，每 {{evalEvery}} 步评估一次。iterative {{rounds}} 轮，批大小 128，Adam 学习率 0.01（jpeg 0.001，所有方法），ReLU，训练 {{train}} 个样本 / 测试 {{test}} 个，随机种子 {{seeds}}（数据、初始化和批次）；图 2 训练 {{fig2Steps}} 步，每 {{fig2Every}} 步评估。',
    },
    sizes: {
      quick: '快速',
      full: '完整',
    },
    progress: {
      jobs: '{{done}}/{{total}} 个任务 · {{cached}} 个来自缓存 · {{trained}} 个在本次会话中训练',
      eta: ' · 预计剩余 {{eta}}',
      now: ' · 正在运行：{{jobs}}',
      finished: ' · 用时 {{time}} 完成',
      cancelled: ' · 已取消（已完成的任务保留在缓存中）',
      loading: ' · 正在读取缓存…',
    },
    axtrain: {
      seeds1: '{{n}} 个随机种子',
      seedsN: '{{n}} 个随机种子',
      quick: '快速 —— {{units}} 个单元（2 个数据集 × {{seeds}}），持续集成规模的训练轮数，{{time}}（冒烟测试，不是参考资料的预算）',
      full: '完整 —— {{units}} 个单元（2 个数据集 × {{seeds}}），参考资料的训练轮数和 50 个 NTV 掩码，{{time}}',
      caption:
        '参考资料 A.7 部分的实验，按其建议缩小规模：在乳腺癌数据集（论文的 30-64-64-2 网络）和 8×8 手写数字（代替 MNIST）上，每个随机种子分别从头训练 BP 和 AxTrain-act，在激进和保守 NTV 电压下从头训练 AxTrain-pas，并对每个用来评判结论的设置（DRUM K1–K3，NTV Agg/Con）训练 AxTrain（先 act 网络，再训练几轮 pas）；每个网络都在精确硬件、DRUM k = 1…8 以及使用带种子掩码的 NTV 权重存储器上评分。每个随机种子都与使用相同数据、批次和掩码的 BP 配对。计划和代码与 [[cli]] 相同，在研究工作线程 中一次运行一个单元（数据集 × 随机种子）。',
      budget: '预算',
      times: '时间是根据快速计划在双核机器上实测的每步和评估时间得出的{{status}}；单元完成后，预计剩余时间会随之修正。',
      estimate: '估计值',
      fullWarning: '完整研究会在此标签页中训练 {{duration}}（请保持其打开并在前台）。已完成的单元会缓存，因此可以取消后再继续。',
      runAgain: '再次运行（全部已缓存）',
      runRemaining1: '运行剩余的单元',
      runRemaining: '运行剩余的 {{n}} 个单元',
      run: '运行{{budget}} AxTrain 研究',
      cancel: '取消 AxTrain 研究',
      clear: '清除 AxTrain 缓存',
      progress: '{{done}}/{{total}} 个单元 · {{cached}} 个来自缓存 · {{trained}} 个在本次会话中训练',
      cancelled: ' · 已取消（已完成的单元保留在缓存中）',
      quickBanner: '快速预算：持续集成规模的训练轮数和一个随机种子，只是对流程的冒烟测试 —— 不能作为支持或反对论文的证据。',
      noResults: '{{budget}}预算还没有 AxTrain 结果。按“{{button}}”：单元完成后各表随之出现。',
      choices: '论文未说明之处的选择',
    },
    openChoices: {
      c0: 'K1…K4 → k = 1…4（论文从未给出 k；可重新映射）。',
      c1: 'E = sigmoid 输出上的二元交叉熵（论文称“网络误差”）；图 6 画的是测试集上的 E 相对于使用精确乘法器的同一网络之比。',
      c2: 'S(w) 按样本计算并在批次上平均；仅权重（偏置可选）。',
      c3: 'γ0 = 0；Δγ = 0.01·Ē₁/S̄₁（第一轮的均值）；D = 0.05；权重按字面取 0.5、0.25、…；γ 下限为 0；第 1 轮保持 γ 不变。',
      c4: '字宽：8 位二进制补码 NTV 权重字（权重和偏置），16 位 DRUM 操作数，按层动态定点。',
      c5: 'NTV：每次评估运行对整个测试集使用一个翻转掩码；各位独立同分布地翻转；翻转率所依据的 Dreslinski 等 [8] 中的图尚未核实。',
      c6: 'AxTrain = 先 act，再从 act 网络开始一个全新的 pas 阶段（新的 Adam），训练 pas 轮数，针对其被评判的每个设置分别微调。',
      c7: '图 6 的“误差降低了”和图 7 的提升都按相对值解读（旁边给出绝对百分点）。',
      c8: '能耗是实验室的估计（DRUM 按已发表的 54–80 % 节省拟合；SRAM ∝ V²）；无法获得论文的 65 nm 综合结果和 CACTI-P。',
      c9: '数据：乳腺癌（论文所用），8×8 手写数字代替 MNIST；未附带 Image segmentation、Ionosphere、Satimage。',
    },
    nas: {
      quick:
        '快速 —— {{runs}} 次运行（图 3/4：1 个随机种子；图 5：第 2 组的 jpeg、kmeans、inversek2j，每次搜索 {{budget}} 个候选，{{steps}} 步，宽度 ≤ {{width}}{{axnet}}）：在 wasm 上需要几分钟，大部分花在 AXNet-NAS 的运行上',
      full: '完整 —— {{runs}} 次运行（图 3/4：3 个随机种子；图 5：7 个基准程序 × 2 组，每次搜索用论文的 56 个候选，2000 步{{axnet}}）：在标签页中需要好几个小时（请用命令行工具）',
      axnetRuns: '；AXNet-NAS 与 onepass、iterative 在 {{targets}} 上的比较：{{runs}} 次运行，每次搜索 {{budget}} 个候选，{{steps}} 步',
      title: '面向近似计算的 NAS（DATE’20）',
      caption:
        '每次运行在相同预算下用三种方式搜索近似器的拓扑：SMAC（随机森林 + EI）、随机搜索和 MICRO’12 的枚举；准确率是留出测试集上落在表 2 误差界内的比例，加速比和能耗降低来自实验室的 NPU 模型（类 Eyeriss 预设）与 CPU 的对比。AXNet-NAS 的运行以同样三种方式同时搜索 AXNet、onepass 和 iterative 的近似器与预测器，按误差界内被近似的输入比例和整个系统的开销评分。计划和代码与 [[cli]] 相同。',
      runRemaining: '运行剩余的 {{n}} 次运行',
      run: '运行{{budget}} NAS 研究',
      cancel: '取消 NAS 研究',
      clear: '清除 NAS 缓存',
      progress: '{{done}}/{{total}} 次运行',
      now: ' · 正在运行：{{run}}（{{evaluations}} 次评估）',
      cancelled: ' · 已取消（已完成的运行保留在缓存中）',
      quickBanner: '快速预算：候选更少、步数更少、网络更窄 —— 展示方法的运作，而不是论文的数值大小。',
      noResults: '{{budget}}预算还没有 NAS 结果。按“{{button}}”：运行完成后各图随之出现。',
      differences: '实验室与论文的不同之处',
    },
    nasDifferences: {
      d0: '训练：每个候选训练若干 Adam 步，而不是 300 轮；候选在实验室的引擎（tfjs）上分批训练，而不是在 Titan X 上。',
      d1: '硬件：实验室的 NPU 模型，采用类 Eyeriss 预设（16 位，1 GHz；阵列和缓冲区大小凭记忆给出，未核实），以及实验室按指令数估计的 CPU，而不是 nn_dataflow + MARSSx86/McPAT。',
      d2: 'P_speed、P_energy：加速比和能耗降低除以搜索空间中的最大值（归一化方式 “max”，属于解读：论文没有定义它们）。',
      d3: '前沿由所有评估构成；质量模式的选择使用能耗约束，E_norm = 前沿上最大的能耗降低（解读，参考资料 B.5）。',
      d4: '实验室的 blackscholes 和 fft 数据与 AxBench 的输入不同：在表 2 的误差界下，实验室的网络远低于论文的准确率（见各表），因此快速版图 5 使用 jpeg、kmeans 和 inversek2j。',
    },
    time: {
      aboutSeconds: '约 {{n}} 秒',
      aboutMinutes: '约 {{n}} 分钟',
      estimating: '正在估计…',
      underSecond: '不到一秒',
      seconds: '{{n}} 秒',
      minutes: '{{n}} 分钟',
    },
    // </generated-zh>
  },
);
