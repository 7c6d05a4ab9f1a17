/** Texts of "About this run" (src/ui/AboutPanel.tsx). <b>, <i>, <placement> and <suppression/> are elements (react-i18next's Trans). */
import { defineNamespace } from '../namespace';

export const about = defineNamespace(
  {
    title: 'About this run',
    intro:
      '<b>AXNet</b> (ICCAD 2018) fuses two networks for approximate computing: an <i>approximator</i> that imitates the target function and a <i>predictor</i> that says whether an input is safe to approximate (error below the bound, eq. 1). The predictor’s output layer is split into control vectors c(i), multiplied element-wise into the approximator’s hidden layers (eq. 4), and P(x), the safe-to-approximate probability. Both are trained together on J = MSE + cross-entropy (eq. 2). This run computes <placement>{{placement}}</placement>.',
    placement: '{{formula}}, ⊙c {{label}}',
    thisTarget: 'This target: {{title}}.',
    targetFacts: 'Inputs: {{inputs}}; error metric: {{metric}}.',
    readingTitle: 'Reading the panels.',
    readingCompare:
      '<i>Compare methods</i> tracks each method’s true and predicted invocation on the same test set (Fig. 2); the table gives their §V metrics and parameter counts. <i>NPU</i> runs AXNet’s trained nets on the NPU model (Fig. 5) and compares the methods’ energy. Tick a single method for the lab view’s other panels.',
    readingLab:
      '<i>Invocation</i> tracks the §V metrics on the test set while training (Fig. 2b). <i>Benchmark view</i> {{benchmark}}. <i>Control vectors</i> shows each hidden neuron before and after the predictor’s control (Fig. 4d); a neuron is <suppression/>.',
    /** core/axnetMath.ts's SUPPRESSION_RULE (AboutPanel.test.ts checks they agree). */
    suppression: 'suppressed where |c| < {{threshold}} (the activation is scaled by less than a tenth)',
    benchmarkPlane: "shows {{title}} over the ({{inputs}}) plane, AXNet's and the lone approximator's versions of it, and the safe regions (Fig. 4a–c)",
    benchmarkImage: 'shows a test photograph, the image AXNet computes from it, and which tiles went to the CPU (Fig. 4a–c for an image benchmark)',
    benchmarkOne: "plots, for test samples of {{title}} (inputs {{inputs}}), the network's output against the exact one, marking the samples sent to the CPU",
    benchmarkMany: "plots, for test samples of {{title}} (inputs {{inputs}}), the network's outputs against the exact ones, marking the samples sent to the CPU",
    inputsTwo: '{{first}} and {{last}}',
    inputsMore: '{{first}} and {{more}} more',
    live: 'Every number is computed live in your browser by a Web Worker with TensorFlow.js, from the seed and the settings in the link — nothing is precomputed. Parameters count {{rule}}.',
  },
  {
    title: '关于本次训练',
    intro:
      '<b>AXNet</b>（ICCAD 2018）为近似计算融合了两个网络：模仿目标函数的<i>近似器</i>，以及判断输入能否安全近似（误差低于误差界，式 1）的<i>预测器</i>。预测器的输出层分为控制向量 c(i)（逐元素乘入近似器的隐藏层，式 4）和安全近似概率 P(x)。两者在 J = MSE + 交叉熵（式 2）上共同训练。本次训练计算 <placement>{{placement}}</placement>。',
    placement: '{{formula}}，⊙c 位于{{label}}',
    thisTarget: '当前目标函数：{{title}}。',
    targetFacts: '输入：{{inputs}}；误差度量：{{metric}}。',
    readingTitle: '如何阅读各面板。',
    readingCompare:
      '<i>比较方法</i>跟踪每种方法在同一测试集上的真实调用率和预测调用率（图 2）；表格给出它们的 §V 指标和参数量。<i>NPU</i> 在 NPU 模型上运行 AXNet 训练好的网络（图 5），并比较各方法的能耗。只勾选一种方法即可查看实验视图的其他面板。',
    readingLab:
      '<i>调用率</i>在训练过程中跟踪测试集上的 §V 指标（图 2b）。<i>基准视图</i>{{benchmark}}。<i>控制向量</i>显示每个隐藏神经元在预测器控制前后的值（图 4d）；<suppression/>的神经元视为被抑制。',
    suppression: '|c| < {{threshold}}（激活值被缩小到不足十分之一）',
    benchmarkPlane: '在 ({{inputs}}) 平面上显示{{title}}、AXNet 和独立近似器对它的近似，以及安全区域（图 4a–c）',
    benchmarkImage: '显示一张测试照片、AXNet 由它计算出的图像，以及哪些图块交给了 CPU（图像基准的图 4a–c）',
    benchmarkOne: '对{{title}}的测试样本（输入 {{inputs}}）绘制网络输出与精确输出的对比，并标出交给 CPU 的样本',
    benchmarkMany: '对{{title}}的测试样本（输入 {{inputs}}）绘制网络各输出与精确输出的对比，并标出交给 CPU 的样本',
    inputsTwo: '{{first}} 和 {{last}}',
    inputsMore: '{{first}} 等另外 {{more}} 个',
    live: '每个数字都由浏览器中的 Web Worker 用 TensorFlow.js 实时计算，依据链接中的种子和设置——没有任何预先计算的结果。参数量统计{{rule}}。',
  },
);
