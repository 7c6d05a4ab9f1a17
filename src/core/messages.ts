/**
 * The sentences the page shows that are written outside the UI layer (the state layer's notices: a restored run, a
 * worker that stopped answering, a lost GPU, a settings change), in every interface language (src/core/language.ts).
 * A notice carries a Message (an id and its values); the page renders it in the current language, so it follows a
 * language switch, and the state layer keeps the English text for its tests and logs. Values are numbers, plain
 * strings (backend names, reasons the browser gave: kept as written) or Messages of their own (sentence parts).
 */
import { AXTRAIN_CLAIM_MESSAGES } from './axtrain/claimMessages';
import { AXTRAIN_STUDY_MESSAGES } from './axtrain/studyMessages';
import type { LanguageId } from './language';
import { LINK_MESSAGES } from './linkMessages';
import { NAS_STUDY_MESSAGES } from './nas/studyMessages';
import { STUDY_CLAIM_MESSAGES } from './study/claimMessages';
import { STUDY_FIGURE_MESSAGES } from './study/figureMessages';

type Templates = Readonly<Record<LanguageId, string>>;

export const MESSAGES = {
  ...STUDY_FIGURE_MESSAGES,
  /** The Paper view's §V study claims (src/core/study/claimMessages.ts). */
  ...STUDY_CLAIM_MESSAGES,
  /** AxTrain's claims (src/core/axtrain/claimMessages.ts). */
  ...AXTRAIN_CLAIM_MESSAGES,
  /** The AxTrain study's tables (src/core/axtrain/studyMessages.ts). */
  ...AXTRAIN_STUDY_MESSAGES,
  /** The NAS study's tables and figures (src/core/nas/studyMessages.ts). */
  ...NAS_STUDY_MESSAGES,
  /** A link's problems (src/core/linkMessages.ts). */
  ...LINK_MESSAGES,
  restored: {
    en: "Restored from {at} (this link's run, saved at {time}, trained on {backend}). Press Play to continue from there.",
    zh: '已恢复到{at}（此链接的训练，保存于 {time}，在 {backend} 上训练）。按“播放”从那里继续。',
  },
  workerSilent: {
    en: 'The {worker} stopped responding (no progress for {seconds} s).',
    zh: '{worker}停止响应（{seconds} 秒没有进展）。',
  },
  trainingWorker: { en: 'training worker', zh: '训练工作线程' },
  sweepWorker: { en: 'sweep worker', zh: '扫描工作线程' },
  nasWorker: { en: 'NAS worker', zh: 'NAS 工作线程' },
  axtrainWorker: { en: 'AxTrain worker', zh: 'AxTrain 工作线程' },
  /** The header's backend badge and a forced backend that fell back (src/state/selectors.ts); the attempts are the worker's words. */
  backendIdle: { en: 'Requested backend: {backend}. Press play to start the worker.', zh: '请求的后端：{backend}。按“播放”启动工作线程。' },
  backendRequested: { en: 'Requested: {backend}', zh: '请求：{backend}' },
  backendFellBack: {
    en: 'Asked for {requested}, running on {running}{why}. Its numbers can differ from a {requested} run.',
    zh: '请求的是 {requested}，实际运行在 {running} 上{why}。其数值可能与 {requested} 的结果不同。',
  },
  backendWhy: { en: ': {attempt}', zh: '（原因：{attempt}）' },
  /** Why a custom function is refused (src/core/targets/customFunction.ts); quoted parts stay as typed. */
  customNotText: { en: 'The expression must be text.', zh: '表达式必须是文本。' },
  customTooLong: { en: 'The expression is {length} characters long; at most {max} are allowed.', zh: '表达式长 {length} 个字符；最多允许 {max} 个。' },
  customEmpty: { en: 'Type an expression in x0…x3, for example sin(3*x0)*exp(-x1).', zh: '请输入关于 x0…x3 的表达式，例如 sin(3*x0)*exp(-x1)。' },
  customParse: { en: 'The expression does not parse: {detail}', zh: '无法解析该表达式：{detail}' },
  customParserNotLoaded: { en: 'The expression parser has not loaded yet; try again in a moment.', zh: '表达式解析器尚未加载完成，请稍后再试。' },
  customTooComplex: { en: 'The expression is too complex.', zh: '表达式过于复杂。' },
  customTooDeep: { en: 'The expression is nested more than {max} levels deep.', zh: '表达式嵌套超过 {max} 层。' },
  customTooManyParts: { en: 'The expression has more than {max} parts (numbers, inputs, operations).', zh: '表达式超过 {max} 个部分（数字、输入、运算）。' },
  customConstantKind: { en: 'Only numbers are allowed as constants (no text or other values).', zh: '常量只能是数字（不能是文本或其他值）。' },
  customNumberInfinite: { en: 'A number in the expression is too large (not finite).', zh: '表达式中的某个数字太大（不是有限数）。' },
  customUnknownName: {
    en: 'Unknown name {name}: use the inputs x0…x3, the constants pi and e, and the listed functions.',
    zh: '未知名称 {name}：请使用输入 x0…x3、常量 pi 和 e 以及列出的函数。',
  },
  customOperator: { en: 'The operator {op} is not allowed: use + − * / ^.', zh: '不允许运算符 {op}：请使用 + − * / ^。' },
  customFunctionRefused: { en: 'The function {name} is not allowed. Allowed: {allowed}.', zh: '不允许函数 {name}。允许的函数：{allowed}。' },
  customArityOne: { en: '{name} takes 1 argument, not {count}.', zh: '{name} 需要 1 个参数，而不是 {count} 个。' },
  customArityMany: { en: '{name} takes {arity} arguments, not {count}.', zh: '{name} 需要 {arity} 个参数，而不是 {count} 个。' },
  orList: { en: '{first} or {last}', zh: '{first} 或 {last}' },
  customNodeRefused: {
    en: '{what} is not allowed: write a formula of numbers, x0…x3, + − * / ^ and the listed functions.',
    zh: '不允许{what}：请只用数字、x0…x3、+ − * / ^ 和列出的函数写公式。',
  },
  nodeAssignment: { en: 'Assignment (=)', zh: '赋值（=）' },
  nodeAccess: { en: 'Property or index access', zh: '属性或下标访问' },
  nodeMatrix: { en: 'A matrix or object', zh: '矩阵或对象' },
  nodeConditional: { en: 'A condition (? :)', zh: '条件表达式（? :）' },
  nodeBlock: { en: 'Several statements (; or newline)', zh: '多条语句（; 或换行）' },
  nodeRange: { en: 'A range (:)', zh: '范围（:）' },
  nodeComparison: { en: 'A comparison', zh: '比较' },
  customRangeFinite: { en: 'The range of {name} must be two finite numbers.', zh: '{name} 的范围必须是两个有限数。' },
  customRangeLimit: { en: 'The range of {name} must lie within ±{limit}.', zh: '{name} 的范围必须在 ±{limit} 以内。' },
  customRangeOrder: { en: 'The range of {name} must have its lower end below its upper end ({lo} ≥ {hi}).', zh: '{name} 范围的下端必须小于上端（{lo} ≥ {hi}）。' },
  customNoRange: { en: '{name} has no range.', zh: '{name} 没有范围。' },
  customNotFinite: {
    en: 'The expression is not finite on the input ranges: at {where} it gives {value}. Narrow the ranges or change the formula.',
    zh: '表达式在输入范围内并非处处有限：在 {where} 处结果为 {value}。请缩小范围或修改公式。',
  },
  /** The lab's budget rule (src/core/methods/budget.ts METHOD_BUDGET_RULE), for the methods' tooltips. */
  methodBudgetRule: {
    en:
      'Every network-training phase gets config.steps optimizer steps (Adam, batches of config.batchSize drawn with replacement ' +
      "from that phase's data). AXNet, weight sharing and the lone approximator train in one phase: steps. Onepass: approximator " +
      'steps, then classifier steps (2 × steps). Iterative: R rounds × (approximator steps + classifier steps) (2R × steps).',
    zh:
      '每个训练网络的阶段都有 config.steps 步优化（Adam，每批 config.batchSize 个样本，从该阶段的数据中有放回地抽取）。' +
      'AXNet、权重共享和单独近似器只有一个阶段：steps 步。onepass：近似器 steps 步，然后分类器 steps 步（共 2 × steps）。' +
      'iterative：R 轮 ×（近似器 steps 步 + 分类器 steps 步）（共 2R × steps）。',
  },
  initializationTooltip: { en: "Initial weights of every method's nets. {choices}", zh: '所有方法网络的初始权重。{choices}' },
  placementTooltip: { en: "Where AXNet's control vector multiplies a hidden layer. {choices}", zh: 'AXNet 的控制向量在隐藏层中相乘的位置。{choices}' },
  /** The opening of a run's failure line (the sweep's, NAS's, AxTrain's). */
  sweepStopped: { en: 'The sweep stopped:', zh: '扫描已停止：' },
  nasStopped: { en: 'NAS stopped:', zh: 'NAS 已停止：' },
  axtrainStopped: { en: 'AxTrain stopped:', zh: 'AxTrain 已停止：' },
  trainingStopped: { en: 'Training stopped:', zh: '训练已停止：' },
  /** A compare lane's failure line (the lane names its method). */
  laneStopped: { en: 'Stopped: {reason}', zh: '已停止：{reason}' },
  gpuDeviceLost: {
    en: 'The GPU device was lost ({reason}). Press Reset to start again; if it keeps happening, choose the wasm or cpu backend.',
    zh: 'GPU 设备丢失（{reason}）。请按“重置”重新开始；如果反复出现，请选择 wasm 或 cpu 后端。',
  },
  runStoppedReset: { en: '{stopped} {reason} Press Reset to start again.', zh: '{stopped}{reason}按“重置”重新开始。' },
  workerCrashed: { en: 'the {worker} crashed{detail}.', zh: '{worker}崩溃了{detail}。' },
  workerUnreadable: { en: 'a message from the {worker} could not be read.', zh: '无法读取{worker}发来的消息。' },
  /** Where a checkpoint stands: a training run's step, or a NAS search's last told round. */
  atStep: { en: 'step {step}', zh: '第 {step} 步' },
  atNasRound: { en: 'round {round} ({evaluations} evaluations)', zh: '第 {round} 轮（{evaluations} 次评估）' },
  crashResume: {
    en: '{stopped} {reason} Continue resumes from {at}, the last checkpoint, with the same settings on {backend}.',
    zh: '{stopped}{reason}“继续”会以相同设置在 {backend} 上从{at}（最后的检查点）接着训练。',
  },
  stalledResume: {
    en: '{silent} It was ended. Continue resumes from {at}, the last checkpoint, with the same settings{where}{lost}.',
    zh: '{silent}它已被结束。“继续”会以相同设置{where}从{at}（最后的检查点）接着训练{lost}。',
  },
  stalledRestart: {
    en: '{silent} It was ended. Continue starts it again from step 0 with the same settings{where}{lost}.',
    zh: '{silent}它已被结束。“继续”会以相同设置{where}从第 0 步重新开始{lost}。',
  },
  onBackend: { en: ' on {backend}', zh: '在 {backend} 上' },
  stepsAfterCheckpoint: {
    en: ' (the {steps} steps after it are trained again, to the same numbers)',
    zh: '（检查点之后的 {steps} 步会重新训练，得到相同的数值）',
  },
  stepsWithoutCheckpoint: {
    en: ' (no checkpoint yet: its {steps} steps are trained again, to the same numbers)',
    zh: '（还没有检查点：已训练的 {steps} 步会重新训练，得到相同的数值）',
  },
  gpuLost: { en: 'The GPU stopped responding on {backend} ({reason}).', zh: 'GPU 在 {backend} 上停止响应（{reason}）。' },
  gpuFallback: {
    en: "{lost} Continuing on {next} {from}; from there on the numbers are {next}'s.",
    zh: '{lost}改在 {next} 上{from}继续；此后的数值来自 {next}。',
  },
  fromCheckpoint: { en: 'from {at}, the last checkpoint', zh: '从{at}（最后的检查点）' },
  fromStart: { en: 'from step 0 (no checkpoint yet)', zh: '从第 0 步（还没有检查点）' },
  laneWorker: { en: '{method} worker', zh: '{method} 工作线程' },
  laneStalled: {
    en: '{silent} It was ended at step {step}; the other methods go on. Continue resumes it {from}, with the same settings.',
    zh: '{silent}它已在第 {step} 步被结束；其他方法继续训练。“继续”会以相同设置{from}接着训练。',
  },
  laneGpuFallback: { en: '{lost} The {method} lane continues on {next} {from}.', zh: '{lost}{method} 这一路改在 {next} 上{from}继续。' },
  laneContinued: {
    en: 'The {method} lane continued from step {step}, its last checkpoint, on {backend}.',
    zh: '{method} 这一路已从第 {step} 步（最后的检查点）在 {backend} 上继续。',
  },
  laneRestarted: { en: 'The {method} lane started again from step 0 (it had no checkpoint yet).', zh: '{method} 这一路已从第 0 步重新开始（还没有检查点）。' },
  twoSentences: { en: '{first} {second}', zh: '{first}另外，{second}' },
  /** A run that diverged (src/core/divergence.ts). */
  trainingDiverged: {
    en: 'Training diverged: the loss or the weights became NaN/Inf at step {atStep}; the weights of step {restoredStep} were restored. Try a smaller learning rate.',
    zh: '训练发散：第 {atStep} 步时损失或权重变为 NaN/Inf；已恢复第 {restoredStep} 步的权重。请尝试更小的学习率。',
  },
  divergedStopped: {
    en: '{diverged} Training stopped at the last good weights; change the settings or press Reset.',
    zh: '{diverged}训练已停在最后一组正常的权重上；请修改设置或按“重置”。',
  },
  /** A comparison restored after a reload (compareController.ts): each lane at its own last checkpoint. */
  restoredCompare: {
    en: "Restored the comparison ({lanes}; this link's run, saved at {time}). Press Play to continue from there.",
    zh: '已恢复此对比（{lanes}；此链接的训练，保存于 {time}）。按“播放”从那里继续。',
  },
  laneAt: { en: '{method} at step {step} on {backend}', zh: '{method} 在 {backend} 上的第 {step} 步' },
  laneAtStart: { en: '{method} at step 0', zh: '{method} 在第 0 步' },
  laneFailed: { en: '{method} failed', zh: '{method} 已失败' },
  alsoList: { en: '{first}, {second}', zh: '{first}，以及{second}' },
  continued: {
    en: 'The run continued from {at}, its last checkpoint, on {backend}.',
    zh: '训练已从{at}（最后的检查点）在 {backend} 上继续。',
  },
  settingsReset: {
    en: 'The settings changed during training, so the run was reset to step 0 with the new settings. Press Play to train.',
    zh: '训练期间设置已更改，因此已用新设置重置到第 0 步。按“播放”开始训练。',
  },
  runChangeQuestion: {
    en: 'Start a new run with the changed settings? The current run (step {step}) will be discarded.',
    zh: '用更改后的设置开始新的训练吗？当前的训练（第 {step} 步）将被丢弃。',
  },
  linkProblems: {
    en: 'This link had problems; the affected settings use their defaults or the nearest valid values: {details}{more}',
    zh: '此链接有问题；受影响的设置使用默认值或最接近的有效值：{details}{more}',
  },
  moreProblems: { en: ' (and {count} more)', zh: '（另有 {count} 处）' },
  codeNotLoaded: {
    en: 'The training code could not be loaded (offline, or the lab was updated). Reload the page when the network is back.',
    zh: '无法加载训练代码（离线，或实验室已更新）。网络恢复后请重新加载页面。',
  },
  runEstimate: {
    en: 'These settings are very large: one training step takes about {step}, the whole run about {run}, and it needs about {memory} of memory ({speed}).',
    zh: '这些设置非常大：每个训练步约需 {step}，整个训练约需 {run}，并需要约 {memory} 内存（{speed}）。',
  },
  measuredSpeedOf: { en: 'measured speed of {backend}', zh: '{backend} 的实测速度' },
  estimateFor: { en: 'estimate for {backend}', zh: '{backend} 的估算' },
  durationMs: { en: '{n} ms', zh: '{n} 毫秒' },
  durationSeconds: { en: '{n} s', zh: '{n} 秒' },
  durationMinutes: { en: '{n} min', zh: '{n} 分钟' },
  durationHours: { en: '{hours} h {minutes} min', zh: '{hours} 小时 {minutes} 分钟' },
  durationDays: { en: '{n} days', zh: '{n} 天' },
  shrinkChanges: { en: 'Shrink changes:', zh: '“缩小”会更改：' },
  configChange: { en: '{field} {before} → {after}', zh: '{field}：由 {before} 改为 {after}' },
  valueOn: { en: 'on', zh: '开' },
  valueOff: { en: 'off', zh: '关' },
  fieldTarget: { en: 'target', zh: '目标函数' },
  fieldApproximator: { en: 'approximator', zh: '近似器' },
  fieldPredictor: { en: 'predictor', zh: '预测器' },
  fieldLearningRate: { en: 'learning rate', zh: '学习率' },
  fieldBatchSize: { en: 'batch size', zh: '批大小' },
  fieldErrorBound: { en: 'error bound', zh: '误差界' },
  fieldLoneApproximator: { en: 'lone approximator', zh: '单独近似器' },
  fieldTrainingSamples: { en: 'training samples', zh: '训练样本数' },
  fieldTestSamples: { en: 'test samples', zh: '测试样本数' },
  fieldEvaluationInterval: { en: 'evaluation interval', zh: '评估间隔' },
  fieldPredictionOutput: { en: 'P(x) output', zh: 'P(x) 输出' },
  fieldChooseType: { en: 'choose_type', zh: 'choose_type（选择方式）' },
  fieldParameterMatching: { en: 'parameter matching', zh: '参数匹配' },
  fieldInitialization: { en: 'initialization', zh: '初始化' },
  fieldControlPlacement: { en: 'place of ⊙c (eq. 4)', zh: '⊙c 的位置（式 4）' },
  fieldSteps: { en: 'steps', zh: '训练步数' },
  phaseJoint: { en: '{method} · J = La + Lp', zh: '{method} · J = La + Lp（联合训练）' },
  methodAxnet: { en: 'AXNet', zh: 'AXNet（融合网络）' },
  methodWeightSharing: { en: 'weight sharing', zh: '权重共享' },
  phaseApproximator: { en: 'approximator', zh: '近似器' },
  phaseClassifier: { en: 'classifier', zh: '分类器' },
  phaseRound: { en: 'round {round}/{rounds} · {part}', zh: '第 {round}/{rounds} 轮 · {part}' },
} as const satisfies Record<string, Templates>;

export type MessageId = keyof typeof MESSAGES;

export interface Message {
  id: MessageId;
  values?: Readonly<Record<string, string | number | Message>>;
}

export function message(id: MessageId, values?: Message['values']): Message {
  return values ? { id, values } : { id };
}

/** The message in `language`; a placeholder without a value stays as written (a bug a test finds, never a crash). */
export function formatMessage(m: Message, language: LanguageId): string {
  const template: string = MESSAGES[m.id]?.[language] ?? MESSAGES[m.id]?.en ?? m.id;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = m.values && Object.hasOwn(m.values, name) ? m.values[name] : undefined;
    if (value === undefined) return whole;
    if (typeof value === 'number') return String(value); // steps and seconds as written: links and logs quote them
    if (typeof value === 'string') return value;
    return formatMessage(value, language);
  });
}
