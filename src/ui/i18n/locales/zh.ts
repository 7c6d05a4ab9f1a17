/** 简体中文界面文本（与 en.ts 同键、同占位符；catalog.test.ts 检查）。公式、符号和论文引用保持原样。 */
import { about } from './about';
import { axtrain } from './axtrain';
import { classroom } from './classroom';
import { nas } from './nas';
import { paper } from './paper';
import { sharing } from './sharing';
import { compare } from './compare';
import { controls } from './controls';
import { sweep } from './sweep';
import { views } from './views';
import { npu } from './npu';
import { panels } from './panels';
import type { Messages } from './en';

export const zh: Messages = {
  about: about.zh,
  axtrain: axtrain.zh,
  classroom: classroom.zh,
  nas: nas.zh,
  paper: paper.zh,
  sharing: sharing.zh,
  compare: compare.zh,
  controls: controls.zh,
  sweep: sweep.zh,
  views: views.zh,
  npu: npu.zh,
  panels: panels.zh,
  common: {
    appTitle: 'AXNet 实验室',
    languageLabel: '语言',
    footer: 'AXNet 实验室 · 依据 Zhenghao Peng 等，“AXNet: ApproXimate computing using an end-to-end trainable neural network”，ICCAD 2018。',
  },
  header: {
    taglineLab: '近似器 + 预测器，由控制向量融合（ICCAD 2018）',
    taglineAxtrain: 'AxTrain：为近似硬件训练网络（ISLPED 2018）',
    reset: '重置',
    resetTitle: '重置：从第 0 步开始新的训练',
    play: '播放',
    pause: '暂停',
    playTitle: '播放（空格键）',
    pauseTitle: '暂停（空格键）',
    stepLabel: '单步训练 {{steps}} 步',
    stepTitle: '训练 {{steps}} 步，然后评估',
    stepSweepTitle: '扫描只能用“播放”训练',
    stepCounter: '步数',
    status: {
      idle: '就绪',
      initializing: '正在启动工作线程…',
      running: '训练中',
      paused: '已暂停',
      done: '完成',
      error: '已停止',
    },
    stepsPerSecond: '{{rate}} 步/秒',
    share: '分享',
    shareTitle: '可复现此配置的链接和二维码',
    backend: '后端',
    backendStarting: '启动中…',
    backendNotStarted: '未启动',
    backendAuto: '自动：在此网络上计时，选用可用后端中最快的一个',
    backendForced: '由链接指定：{{backend}}',
    backendIdle: '按“播放”启动工作线程。',
    backendNoReport: '工作线程尚未报告（比较模式：每种方法的工作线程各自选择后端）。',
    backendColumn: '后端',
    measuredColumn: '实测',
    outcomeColumn: '结果',
  },
  nav: {
    label: '面板',
    invocation: '调用率（图 2b）',
    compare: '比较方法（图 2）',
    sweep: '扫描',
    surface: '基准视图（图 4a–c）',
    control: '控制向量（图 4d）',
    npu: 'NPU（图 5）',
    axtrain: 'AxTrain',
    axtrainTitle: 'AxTrain（He 等，ISLPED’18）：训练在近似硬件上仍保持准确的网络（DRUM-k 乘法器、NTV 权重存储）',
    nas: 'NAS',
    nasTitle: 'NAS（Chen 等，DATE’20）：用 SMAC 搜索近似器的拓扑，并与随机搜索和 MICRO’12 的枚举比较',
    paper: '论文（§V）',
    paperTitle: '复现论文 §V 的图：在浏览器中对每个基准 × 方法进行研究',
  },
  metrics: {
    label: '指标',
    step: '步数',
    stepNote: '训练器已完成的训练步数',
    trueInvocation: '真实调用率',
    trueInvocationNote: '近似结果在误差界内的测试样本比例',
    predictedInvocation: '预测调用率',
    predictedInvocationNote: '预测器标为安全的测试样本比例',
    predictionAccuracy: '预测准确率',
    accuracyNote: '论文（§V）：既安全又被预测为安全的测试样本比例。作者代码：两种标签一致的比例，mean(p_label == predicted)。',
    overallError: '总体误差',
    errorNote: '论文（§V）：被预测为安全的样本的平均误差，每个样本的误差取其各输出误差的平均，与作者代码相同。作者代码：对所有样本取（预测安全 × 误差）的平均。',
    worstOutputNote: '最差输出：同样的平均，但每个样本的误差取其最大的输出误差，即安全标签的误差（式 1：每个输出都在误差界内）。单输出或 rms 指标时与总体误差相同。',
    undefinedErrorNote: '未定义：没有输入被预测为安全（所有测试输入都交给 CPU）。',
    code: '代码：',
    worstOutput: '最差输出：',
    parameters: '参数量',
    parameterRule: '两个网络的权重 + 偏置；论文自己的计数规则不同',
    parameterSplit: '近似器 {{approximator}}，预测器 {{predictor}}',
    parameterLone: '独立近似器 {{lone}}（未计入）',
    trainingTime: '训练时间',
    trainingTimeNote: '工作线程中训练步骤所用的实际时间（不含评估和绘图）',
    seconds: '{{value}} 秒',
    at: '第 {{step}} 步的指标，损失 {{loss}}（MSE {{mse}} + CE {{ce}}）。',
    before: '指标在第一次评估后出现。',
    method: '方法 {{method}}，共 {{total}} 步',
    methodNow: '；当前：{{phase}}',
    phaseDone: '已完成',
    secondary: '次要数值（“代码：”）是作者代码的变体；悬停可查看区别。',
  },
};
