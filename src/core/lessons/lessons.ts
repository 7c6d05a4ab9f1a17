/**
 * The guided lessons (issue 13). Each step's claim was checked against what the lab shows at the step's config, with
 * `axlab train|npu|axtrain` on the cpu backend (the numbers the browser shows at that step on the same backend); the
 * measurements are in src/core/lessons/README.md. A step states only what held there, and asks rather than tells
 * where the outcome depends on the run.
 */
import type { Lesson } from './types';

/**
 * The Fig. 2 comparison of the §V study (src/core/study/plan.ts): AXNet and weight-sharing, A 2-4-4-1, C 2-4, bound 0.05,
 * lr 0.01, authors' zero biases, on seed 6: on seeds 1 and 4 weight-sharing's ReLUs die at once and its curve sits flat
 * at 14 %; on seed 6 it oscillates and ends low while AXNet climbs (src/core/lessons/README.md has the measured numbers).
 */
const FIG2 = 'methods=axnet,weightsharing&pred=4&bound=0.05&lr=0.01&init=authorsZeroBias&steps=4000&eval=50&seed=6';

export const LESSONS: readonly Lesson[] = [
  {
    id: 'bound',
    title: { en: 'What approximate computing trades: Bessel and the error bound', zh: '近似计算以什么换什么：Bessel 函数与误差界' },
    steps: [
      {
        text: {
          en: 'A small network replaces the Bessel function J_ν(x) on ν, x ∈ [0, 1]. An input is safe to approximate when the network’s error there stays under the error bound (eq. 1).',
          zh: '一个小型神经网络在 ν, x ∈ [0, 1] 上代替 Bessel 函数 J_ν(x)。若网络在某个输入处的误差不超过误差界（式 1），该输入就可以安全地近似。',
        },
        fragment: 'target=bessel_Jnu',
        view: 'surface',
        highlight: 'bound',
        question: {
          en: 'Press Play. Where on the error map are the unsafe inputs, the ones that must still run on the CPU?',
          zh: '按“播放”。误差图上哪些地方是不安全的输入，也就是仍须在 CPU 上计算的输入？',
        },
      },
      {
        text: {
          en: 'The bound is loosened from 0.015 to 0.05. True invocation, the share of test inputs whose error is under the bound, ends higher than with 0.015.',
          zh: '误差界从 0.015 放宽到 0.05。真实调用率（误差在误差界内的测试输入所占比例）最终高于误差界为 0.015 时。',
        },
        fragment: 'target=bessel_Jnu&bound=0.05',
        view: 'invocation',
        highlight: 'bound',
        question: { en: 'More inputs run on the cheap network now. What does the application give up for that?', zh: '现在更多输入交给代价低的网络计算。应用为此放弃了什么？' },
      },
      {
        text: {
          en: 'With a tight bound of 0.005 few inputs are safe, and after the same training the predictor sends far fewer inputs to the network than with 0.015.',
          zh: '误差界收紧到 0.005 时，安全的输入很少；经过同样的训练，预测器交给网络的输入远少于误差界为 0.015 时。',
        },
        fragment: 'target=bessel_Jnu&bound=0.005',
        view: 'invocation',
        highlight: 'bound',
        question: { en: 'If almost every input goes to the CPU, is the approximation still worth its cost?', zh: '如果几乎每个输入都交给 CPU，近似还值得它的代价吗？' },
      },
    ],
  },
  {
    id: 'disagree',
    title: { en: 'Why two separately trained nets disagree: onepass and iterative', zh: '为什么两个分别训练的网络会不一致：onepass 与 iterative' },
    steps: [
      {
        text: {
          en: 'Onepass trains the approximator first, then a separate predictor on its errors. The predictor never sees the approximator change, so the inputs it calls safe differ from the inputs that are safe.',
          zh: 'onepass 先训练近似器，再根据近似器的误差训练一个独立的预测器。预测器看不到近似器的变化，因此它判为安全的输入与真正安全的输入并不相同。',
        },
        fragment: 'target=bessel_Jnu&methods=onepass',
        view: 'invocation',
        highlight: 'methods',
        question: { en: 'Press Play. How far apart do the true and the predicted invocation end?', zh: '按“播放”。真实调用率与预测调用率最终相差多少？' },
      },
      {
        text: {
          en: 'Onepass and iterative side by side. Iterative retrains both nets in rounds, removing the inputs the predictor rejects; its predicted invocation ends closer to its true invocation than onepass’s.',
          zh: 'onepass 与 iterative 并列比较。iterative 分轮重新训练两个网络，每轮去掉预测器拒绝的输入；它的预测调用率最终比 onepass 的更接近其真实调用率。',
        },
        fragment: 'target=bessel_Jnu&methods=onepass,iterative',
        view: 'compare',
        highlight: 'methods',
        question: {
          en: 'Prediction accuracy counts inputs that are safe and predicted safe. Why is it lower than both invocations?',
          zh: '预测准确率统计既安全又被预测为安全的输入。为什么它比两种调用率都低？',
        },
      },
      {
        text: {
          en: 'AXNet joins them: one network, approximator and predictor trained together on one loss (eq. 2), so the safe label is recomputed from the current approximator at every step.',
          zh: '加入 AXNet：一个网络，近似器和预测器在同一个损失（式 2）上共同训练，因此每一步都根据当前的近似器重新计算安全标签。',
        },
        fragment: 'target=bessel_Jnu&methods=axnet,onepass,iterative',
        view: 'compare',
        highlight: 'methods',
        question: { en: 'Which method sends the most inputs to the network, and at what overall error?', zh: '哪种方法交给网络的输入最多？总体误差是多少？' },
      },
    ],
  },
  {
    id: 'control-vectors',
    title: { en: 'AXNet’s control vectors switch neurons off (Fig. 4)', zh: 'AXNet 的控制向量关闭神经元（图 4）' },
    steps: [
      {
        text: {
          en: 'In AXNet the predictor also outputs control vectors c(1)…c(l): every hidden activation of the approximator is multiplied by its control value (eq. 3, 4).',
          zh: '在 AXNet 中，预测器还输出控制向量 c(1)…c(l)：近似器的每个隐藏层激活值都乘以它的控制值（式 3、4）。',
        },
        fragment: 'target=bessel_Jnu',
        view: 'control',
        highlight: 'topology',
        question: {
          en: 'Press Play and wait for the run to end. How many control values does a 2-4-4-1 approximator need per input?',
          zh: '按“播放”并等待训练结束。一个 2-4-4-1 的近似器每个输入需要多少个控制值？',
        },
      },
      {
        text: {
          en: 'The control-vector panel shows, for each hidden neuron, its activation before ⊙c, the control value c and the activation after ⊙c. A control value of 0 switches its neuron off for that input.',
          zh: '控制向量面板对每个隐藏神经元显示 ⊙c 之前的激活值、控制值 c 和 ⊙c 之后的激活值。控制值为 0 时，该神经元对这个输入被关闭。',
        },
        fragment: 'target=bessel_Jnu',
        view: 'control',
        highlight: 'control',
        question: {
          en: 'Hover over the surface plot. For which inputs are neurons switched off, and which ones?',
          zh: '将鼠标悬停在曲面图上。对哪些输入有神经元被关闭？关闭的是哪些神经元？',
        },
      },
      {
        text: {
          en: 'Compare AXNet’s output with the lone approximator’s (Fig. 4a–c): the same topology, trained on the same batches without a predictor.',
          zh: '比较 AXNet 的输出与独立近似器的输出（图 4a–c）：两者拓扑相同，用相同的批次训练，但独立近似器没有预测器。',
        },
        fragment: 'target=bessel_Jnu',
        view: 'surface',
        highlight: 'surface',
        question: { en: 'Where does the lone approximator miss the target that AXNet fits?', zh: '在哪些地方 AXNet 拟合了目标函数，而独立近似器没有？' },
      },
    ],
  },
  {
    id: 'weight-sharing',
    title: { en: 'Weight-sharing’s oscillation against AXNet’s climb (Fig. 2)', zh: '权重共享的振荡与 AXNet 的上升（图 2）' },
    steps: [
      {
        text: {
          en: 'Weight-sharing (§III-A) gives the approximator and the predictor one shared first hidden layer, trained on the sum of both losses, so the two tasks pull the shared weights in different directions. This is the paper’s Fig. 2 setting.',
          zh: '权重共享（§III-A）让近似器和预测器共用第一个隐藏层，并在两个损失之和上训练，因此两个任务把共享的权重拉向不同的方向。这是论文图 2 的设置。',
        },
        fragment: FIG2,
        view: 'compare',
        highlight: 'methods',
        question: { en: 'Press Play. Which curve climbs, and which one swings?', zh: '按“播放”。哪条曲线稳步上升，哪条在摆动？' },
      },
      {
        text: {
          en: 'Weight-sharing’s true invocation swings between about 30 % and 70 % and ends near 47 %, below its peak, while its predictor calls fewer and fewer inputs safe (82 % at step 900, 41 % at the end); AXNet climbs to nearly every input (98 %), as in the paper’s Fig. 2. On some seeds (1 and 4) weight-sharing’s ReLUs die at once and its curve stays flat instead.',
          zh: '权重共享的真实调用率大约在 30 % 到 70 % 之间摆动，最后停在峰值以下、约 47 %，它的预测器判为安全的输入也越来越少（第 900 步为 82 %，最后为 41 %）；AXNet 则一直上升到几乎覆盖所有输入（98 %），与论文的图 2 一致。在某些种子（1 和 4）上，权重共享的 ReLU 一开始就全部失活，曲线反而保持平直。',
        },
        fragment: FIG2,
        view: 'compare',
        highlight: 'compare',
        question: { en: 'Why do two losses pulling on one shared layer make it swing, and end low?', zh: '为什么两个损失拉扯同一个共享层，会让它来回摆动，最后停在较低的位置？' },
      },
    ],
  },
  {
    id: 'npu-energy',
    title: { en: 'An inference through the NPU, and where the energy goes (Fig. 5)', zh: '一次推理经过 NPU，能量花在哪里（图 5）' },
    steps: [
      {
        text: {
          en: 'The NPU view steps one inference of the trained AXNet through the five stages of §IV on tiles of processing elements (PEs).',
          zh: 'NPU 视图在由处理单元（PE）组成的阵列块上，逐步演示训练好的 AXNet 的一次推理经过 §IV 的五个阶段。',
        },
        fragment: 'target=bessel_Jnu',
        view: 'npu',
        highlight: 'npu',
        question: { en: 'Train first, then step the inference: in which stage do the control vectors act?', zh: '先训练，再逐步执行推理：控制向量在哪个阶段起作用？' },
      },
      {
        text: {
          en: 'An input on the approximator costs far less energy than the same input on the CPU path; for this network the buffers, memories and the bus take more of it than the multiply-accumulates.',
          zh: '一个输入在近似器上消耗的能量远少于在 CPU 路径上；对这个网络而言，缓冲区、存储器和总线消耗的能量比乘加运算更多。',
        },
        fragment: 'target=bessel_Jnu',
        view: 'npu',
        highlight: 'npu',
        question: { en: 'Why does moving data cost more than computing with it?', zh: '为什么搬运数据比用数据计算更耗能？' },
      },
      {
        text: {
          en: 'The energy gain over CPU-only is the CPU-only energy divided by the average: the more inputs the predictor sends to the network, the higher the gain.',
          zh: '相对纯 CPU 的能效增益等于纯 CPU 的能耗除以平均能耗：预测器交给网络的输入越多，增益越高。',
        },
        fragment: 'target=bessel_Jnu&bound=0.05',
        view: 'npu',
        highlight: 'bound',
        question: { en: 'With the looser bound of 0.05, does the energy gain rise or fall, and why?', zh: '误差界放宽到 0.05 后，能效增益是升高还是降低？为什么？' },
      },
    ],
  },
  {
    id: 'axtrain',
    title: { en: 'AxTrain: training for approximate hardware', zh: 'AxTrain：为近似硬件训练' },
    steps: [
      {
        text: {
          en: 'AxTrain trains a classifier that will run on approximate multipliers (DRUM-k) or on weight memory at near-threshold voltage. Plain backpropagation (bp) ignores the hardware.',
          zh: 'AxTrain 训练一个分类器，它将运行在近似乘法器（DRUM-k）上，或使用工作在近阈值电压下的权重存储器。普通的反向传播（bp）不考虑硬件。',
        },
        fragment: 'ax=breastcancer',
        view: 'axtrain',
        highlight: 'axtrain',
        question: {
          en: 'Press Play. Which method loses the most accuracy on the approximate hardware settings?',
          zh: '按“播放”。在近似硬件的各种设置下，哪种方法损失的准确率最多？',
        },
      },
      {
        text: {
          en: 'AxTrain-act adds the sensitivity S(w), how much the output moves when the weights are disturbed, to the loss; AxTrain-pas trains with the hardware’s noise. At 400 mV, where each bit of a stored weight flips with probability 10 %, every AxTrain method keeps more accuracy than BP in this run.',
          zh: 'AxTrain-act 把灵敏度 S(w)（权重受扰动时输出的变化量）加入损失；AxTrain-pas 则带着硬件的噪声训练。在 400 mV 下，存储的权重每一位以 10 % 的概率翻转，这次训练中每种 AxTrain 方法保留的准确率都高于 BP。',
        },
        fragment: 'ax=breastcancer',
        view: 'axtrain',
        highlight: 'axtrain',
        question: { en: 'Does a lower sensitivity go with a smaller accuracy loss on the approximate hardware?', zh: '在近似硬件上，灵敏度越低，准确率损失是否越小？' },
      },
    ],
  },
  {
    id: 'nas',
    title: { en: 'Searching the approximator’s topology (NAS)', zh: '搜索近似器的拓扑（NAS）' },
    steps: [
      {
        text: {
          en: 'NAS searches the approximator’s layers and widths for jpeg: SMAC proposes topologies from what it learned, random search draws them blindly, and the enumeration tries a fixed list.',
          zh: 'NAS 为 jpeg 搜索近似器的层数和宽度：SMAC 根据已学到的信息提出拓扑，随机搜索盲目抽取，枚举则尝试一个固定的列表。',
        },
        fragment: 'nas=jpeg&nas.group=2&nas.budget=12&nas.steps=600&nas.maxWidth=64&nas.batch=4',
        view: 'nas',
        highlight: 'nas',
        question: { en: 'Press Play. Which search finds an accurate topology with the fewest candidates?', zh: '按“播放”。哪种搜索用最少的候选找到准确的拓扑？' },
      },
      {
        text: {
          en: 'Each candidate is a point of accuracy against energy; the front joins the points no other candidate beats on both.',
          zh: '每个候选是准确率–能耗图上的一个点；前沿连接那些在两方面都不被其他候选超越的点。',
        },
        fragment: 'nas=jpeg&nas.group=2&nas.budget=12&nas.steps=600&nas.maxWidth=64&nas.batch=4',
        view: 'nas',
        highlight: 'nas',
        question: { en: 'Would you pick the most accurate candidate, or one on the front that spends less energy?', zh: '你会选最准确的候选，还是前沿上耗能更少的一个？' },
      },
    ],
  },
];
