/**
 * The problems a link (and the controls that read text the way a link is read) can have, in every interface language:
 * src/core/link.ts and its readers (linkFields, linkRules, linkMigrations, sweep, nas, axtrain, classroom, custom
 * function) return each problem as a Message of these templates, so the link notice is in the language on screen.
 * Spread into MESSAGES (src/core/messages.ts): one registry. The English text is the parser's exact sentence (the
 * CLI prints it, tests and e2e specs match it). Keys, quoted raw values (quoted by the reader), numbers and lists of
 * allowed values are placeholders and stay as written: they are link syntax, in either language.
 */
import type { LanguageId } from './language';

export const LINK_MESSAGES = {
  /** The whole link (src/core/link.ts). */
  linkTooLong: {
    en: 'The link is {length} characters long (more than {max}); it was ignored and the defaults are used.',
    zh: '此链接长 {length} 个字符（超过 {max} 个）；已忽略整个链接，使用默认设置。',
  },
  linkUndecodable: { en: 'Could not decode {part}; it was ignored.', zh: '无法解码 {part}；已忽略。' },
  linkVersionNotNumber: {
    en: 'Link version {version} is not a version number; settings were read as version {current}.',
    zh: '链接版本 {version} 不是版本号；设置按版本 {current} 读取。',
  },
  linkVersionNewer: {
    en: 'Link version {version} comes from a newer lab (this one reads versions up to {current}); settings were read as version {current}.',
    zh: '链接版本 {version} 来自更新的实验室（本实验室最高读取版本 {current}）；设置按版本 {current} 读取。',
  },
  linkUnknownSetting: { en: 'Unknown setting {key} was ignored.', zh: '已忽略未知设置 {key}。' },
  linkRepeatedSetting: { en: 'Setting {key} appears more than once; the last value is used.', zh: '设置 {key} 出现了不止一次；使用最后一个值。' },
  linkLessonSettingIgnored: { en: 'Lesson {lesson}, step {step}: setting {key} was ignored.', zh: '课程 {lesson} 第 {step} 步：已忽略设置 {key}。' },
  linkLanguageUnknown: {
    en: '{key}={value} is not a language of the lab ({languages}); it was ignored.',
    zh: '{key}={value} 不是本实验室支持的语言（{languages}）；已忽略。',
  },
  /** The NPU keys (`npu.<key>`, `e.<constant>`, `npu.cpui`). */
  linkNpuInvalid: { en: '{key}={value} is not a valid {field}; the default is used.', zh: '{key}={value} 不是有效的 {field}；使用默认值。' },
  linkNpuConstantNotNumber: { en: '{key}={value} is not a number; the table value is used.', zh: '{key}={value} 不是数字；使用表中的值。' },
  linkNpuOutside: { en: '{key}={value} is outside {min}–{max} or not whole; {used} is used.', zh: '{key}={value} 超出 {min}–{max} 或不是整数；使用 {used}。' },
  linkNpuConstantNegative: { en: '{key}={value} must be ≥ 0; {used} is used.', zh: '{key}={value} 必须 ≥ 0；使用 {used}。' },
  linkNpuConstantNegativeTable: { en: '{key}={value} must be ≥ 0; the table value is used.', zh: '{key}={value} 必须 ≥ 0；使用表中的值。' },
  linkNpuCpuNotNumber: { en: '{key}={value} is not a number; the estimate is used.', zh: '{key}={value} 不是数字；使用估算值。' },
  /** One field of a table (the lab's URL_PARAMS, src/core/linkFields.ts for AxTrain and NAS). */
  linkUnknownValue: { en: 'Unknown value in {key}={value}; expected one of {values}.', zh: '{key}={value} 的值未知；应为 {values} 之一。' },
  linkNotNumber: { en: '{key}={value} is not a number; the default is used.', zh: '{key}={value} 不是数字；使用默认值。' },
  linkNotWhole: { en: '{key}={value} must be a whole number; {used} is used.', zh: '{key}={value} 必须是整数；使用 {used}。' },
  linkOutside: { en: '{key}={value} is outside {min}–{max}; {used} is used.', zh: '{key}={value} 超出 {min}–{max}；使用 {used}。' },
  linkNotFlag: { en: '{key}={value} is not 0 or 1; the default is used.', zh: '{key}={value} 不是 0 或 1；使用默认值。' },
  linkNotWidths: {
    en: '{key}={value} is not a list of layer widths like {example}; the default is used.',
    zh: '{key}={value} 不是层宽列表（例如 {example}）；使用默认值。',
  },
  linkWidthsLimited: {
    en: '{key}={value} was limited to at most {layers} layers of {min}–{max} neurons: {widths}.',
    zh: '{key}={value} 已限制为至多 {layers} 层、每层 {min}–{max} 个神经元：{widths}。',
  },
  linkChooseType: { en: '{key}={value} is not a choose_type (0–4); the default is used.', zh: '{key}={value} 不是有效的 choose_type（0–4）；使用默认值。' },
  linkNoMethod: {
    en: '{key}={value} names no known method; expected some of {methods}.',
    zh: '{key}={value} 中没有已知的方法；应为 {methods} 中的一个或多个。',
  },
  linkMethodsDropped: {
    en: '{key}={value}: unknown or repeated methods were dropped ({kept} kept).',
    zh: '{key}={value}：已去掉未知或重复的方法（保留 {kept}）。',
  },
  linkListNone: { en: '{key}={value} names none of {values}; the default is used.', zh: '{key}={value} 不含 {values} 中的任何一项；使用默认值。' },
  linkListDropped: {
    en: '{key}={value}: unknown or repeated entries were dropped ({kept} kept).',
    zh: '{key}={value}：已去掉未知或重复的项（保留 {kept}）。',
  },
  /** Keys of a part (sweep, NAS, AxTrain) without the key that turns it on; two keys where one is read. */
  linkStrayKeys: { en: '{keys} without {key}=… was ignored.', zh: '没有 {key}=…，已忽略 {keys}。' },
  linkBothKeys: { en: 'The link has both {first} and {second}; {used} is used.', zh: '链接同时含有 {first} 和 {second}；使用 {used}。' },
  /** The sweep's keys (src/core/sweep.ts readSweepLink) and the sidebar's values text. */
  linkSweepNotList: {
    en: '{key}={value} is not a comma list of numbers; the sweep is off.',
    zh: '{key}={value} 不是以逗号分隔的数字列表；扫描已关闭。',
  },
  linkSweepListLong: {
    en: '{key} lists {count} values; a sweep takes at most {max}, so the first {max} are used.',
    zh: '{key} 列出了 {count} 个值；扫描最多取 {max} 个，因此使用前 {max} 个。',
  },
  linkSweepRangeBad: {
    en: 'sweepRange={value} is not from:to:count or from:to:count:log, like 0.005:0.05:16:log; the sweep is off.',
    zh: 'sweepRange={value} 不是 from:to:count 或 from:to:count:log 的形式（例如 0.005:0.05:16:log）；扫描已关闭。',
  },
  linkSweepRangeCount: { en: 'sweepRange asks for {asked} values; {count} are used (1–{max}).', zh: 'sweepRange 要求 {asked} 个值；使用 {count} 个（1–{max}）。' },
  linkSweepRangeLog: {
    en: 'sweepRange={value}: a log range needs positive ends; the sweep is off.',
    zh: 'sweepRange={value}：对数范围的两端必须为正数；扫描已关闭。',
  },
  linkSweepParameter: {
    en: 'sweep={value} is not a sweep parameter; expected one of {parameters}.',
    zh: 'sweep={value} 不是可扫描的参数；应为 {parameters} 之一。',
  },
  linkSweepLayerBad: { en: 'sweepLayer={value} is not a layer number 1–{max}; layer 1 is used.', zh: 'sweepLayer={value} 不是 1–{max} 的层号；使用第 1 层。' },
  linkSweepLayerMax: { en: 'sweepLayer={value} is more than {max} layers; layer {max} is used.', zh: 'sweepLayer={value} 超过 {max} 层；使用第 {max} 层。' },
  linkSweepLayerWidthOnly: { en: 'sweepLayer only applies to width sweeps; it was ignored.', zh: 'sweepLayer 只用于宽度扫描；已忽略。' },
  linkSweepNoValues: {
    en: 'sweep=… needs sweepValues=a,b,c or sweepRange=from:to:count; the sweep is off.',
    zh: 'sweep=… 需要 sweepValues=a,b,c 或 sweepRange=from:to:count；扫描已关闭。',
  },
  linkSweepSeedListLimited: { en: 'sweepSeedList was limited to whole seeds {min}–{max}.', zh: 'sweepSeedList 已限制为 {min}–{max} 的整数种子。' },
  linkSweepSeedListLong: { en: 'sweepSeedList lists {count} seeds; the first {max} are used.', zh: 'sweepSeedList 列出了 {count} 个种子；使用前 {max} 个。' },
  linkSweepSeedsBad: { en: 'sweepSeeds={value} is not a seed count ≥ 1; 1 seed is used.', zh: 'sweepSeeds={value} 不是 ≥ 1 的种子数；使用 1 个种子。' },
  linkSweepSeedsMax: { en: 'sweepSeeds={value}: at most {max} seeds; {count} are used.', zh: 'sweepSeeds={value}：最多 {max} 个种子；使用 {count} 个。' },
  sweepValuesEmpty: {
    en: 'Enter values like 0.01,0.02,0.05 or a range like 0.005:0.05:16:log.',
    zh: '请输入数值列表（例如 0.01,0.02,0.05）或范围（例如 0.005:0.05:16:log）。',
  },
  /** Why a sweep cannot run (src/core/sweep.ts planSweep); {net} is fieldApproximator or fieldPredictor. */
  sweepCannotRun: { en: 'The sweep cannot run: {problems}', zh: '扫描无法运行：{problems}' },
  /** The changes planSweep made on the way (its notes), shown beside the plan. */
  sweepNoteOneMethod: { en: 'A sweep trains one method: {method} (the other methods are left out).', zh: '一次扫描只训练一种方法：{method}（其他方法不参与）。' },
  sweepNoteRounded: { en: "The {label} takes whole numbers; the sweep's values were rounded.", zh: '{label}只取整数；扫描值已取整。' },
  sweepNoteClamped: { en: 'Sweep values of the {label} were limited to {min}–{max}.', zh: '{label}的扫描值已限制在 {min}–{max} 之内。' },
  sweepNoteRepeated: { en: 'Repeated sweep values of the {label} were dropped ({count} distinct).', zh: '{label}的重复扫描值已去掉（剩 {count} 个不同的值）。' },
  sweepParameterErrorBound: { en: 'error bound', zh: '误差界' },
  sweepParameterLearningRate: { en: 'learning rate', zh: '学习率' },
  sweepParameterSeed: { en: 'seed', zh: '随机种子' },
  sweepParameterApproximatorWidth: { en: 'approximator width', zh: '近似器宽度' },
  sweepParameterPredictorWidth: { en: 'predictor width', zh: '预测器宽度' },
  sweepPlanRangeFinite: { en: 'The sweep range needs finite numbers, like 0.005:0.05:16.', zh: '扫描范围需要有限的数，例如 0.005:0.05:16。' },
  sweepPlanRangeCount: {
    en: 'The sweep range needs a whole number of values ≥ 1 (got {count}).',
    zh: '扫描范围的取值个数必须是 ≥ 1 的整数（实际为 {count}）。',
  },
  sweepPlanRangeLog: { en: 'A log-scale sweep range needs positive ends.', zh: '对数刻度的扫描范围两端必须为正数。' },
  sweepPlanNoLayerOne: { en: 'The {net} has {count} hidden layer; there is no layer {layer} to sweep.', zh: '{net}有 {count} 个隐藏层；没有可扫描的第 {layer} 层。' },
  sweepPlanNoLayerMany: { en: 'The {net} has {count} hidden layers; there is no layer {layer} to sweep.', zh: '{net}有 {count} 个隐藏层；没有可扫描的第 {layer} 层。' },
  sweepPlanMatching: {
    en: 'Parameter matching sets the widths itself; turn it off to sweep a width.',
    zh: '参数匹配会自行设定宽度；要扫描宽度，请先关闭参数匹配。',
  },
  sweepPlanLonePredictor: { en: 'The lone approximator has no predictor; its width cannot be swept.', zh: '单独近似器没有预测器；无法扫描其宽度。' },
  sweepPlanSeedCount: {
    en: 'A seed sweep takes its seeds from the swept values; leave the seed count at 1.',
    zh: '种子扫描的种子取自扫描值；请将种子数保持为 1。',
  },
  sweepPlanNoSeed: { en: 'A sweep needs at least one seed.', zh: '扫描至少需要一个种子。' },
  sweepPlanTooManySeeds: { en: 'A sweep takes at most {max} seeds per value (got {count}).', zh: '扫描的每个值最多取 {max} 个种子（实际为 {count}）。' },
  sweepPlanNoValues: { en: 'The sweep has no values.', zh: '扫描没有任何取值。' },
  sweepPlanTooManyVariants: {
    en: 'A sweep trains at most {max} variants; {values} values × {seeds} seeds = {total}.',
    zh: '扫描最多训练 {max} 个变体；{values} 个值 × {seeds} 个种子 = {total}。',
  },
  /** NAS and AxTrain (src/core/nas/config.ts, src/core/axtrain/config.ts, src/state/nasSlice.ts). */
  linkNasTarget: {
    en: 'nas={value} is not a target; expected one of {targets}. {fallback} is used.',
    zh: 'nas={value} 不是目标函数；应为 {targets} 之一。使用 {fallback}。',
  },
  linkAxtrainDataset: {
    en: 'ax={value} is not a data set; expected one of {datasets}. {fallback} is used.',
    zh: 'ax={value} 不是数据集；应为 {datasets} 之一。使用 {fallback}。',
  },
  nasNotTarget: { en: '{text} is not a target.', zh: '{text} 不是目标函数。' },
  nasNotSetting: { en: '{field} is not a NAS setting.', zh: '{field} 不是 NAS 设置。' },
  /** The classroom part (src/core/classroom/classLink.ts). */
  linkClassUnknownIds: {
    en: '{key}= names unknown ids {ids}; they were ignored (known: {known}).',
    zh: '{key}= 含有未知的 ID {ids}；已忽略（已知的 ID：{known}）。',
  },
  linkClassLesson: {
    en: 'lesson={value} is not a lesson; expected 1–{count} or one of {lessons}.',
    zh: 'lesson={value} 不是课程；应为 1–{count} 或 {lessons} 之一。',
  },
  linkClassStepNoLesson: { en: 'step={value} needs a lesson; it was ignored.', zh: 'step={value} 需要指定课程；已忽略。' },
  linkClassStepNotNumber: { en: 'step={value} is not a step number; step 1 is shown.', zh: 'step={value} 不是步骤编号；显示第 1 步。' },
  linkClassStepClamped: {
    en: 'step={value}: lesson {lesson} has steps 1–{count}; step {step} is shown.',
    zh: 'step={value}：课程 {lesson} 只有第 1–{count} 步；显示第 {step} 步。',
  },
  linkClassPresent: { en: 'present={value} is not 0 or 1; presentation mode stays off.', zh: 'present={value} 不是 0 或 1；演示模式保持关闭。' },
  linkClassOpen: { en: 'open={value} is not a view; expected one of {views}.', zh: 'open={value} 不是视图；应为 {views} 之一。' },
  linkClassTextCut: {
    en: '{key}= is longer than {max} characters (or {maxEncoded} in the link); it was cut.',
    zh: '{key}= 超过 {max} 个字符（或链接中的 {maxEncoded} 个字符）；已截断。',
  },
  linkClassTextBreaks: {
    en: '{key}= held control characters or line breaks; they were replaced by spaces.',
    zh: '{key}= 含有控制字符或换行符；已替换为空格。',
  },
  linkClassTextControl: { en: '{key}= held control characters; they were replaced by spaces.', zh: '{key}= 含有控制字符；已替换为空格。' },
  /** The custom function (src/core/targets/customFunctionLink.ts); {reason} is customFunction.ts's own Message. */
  linkCustomRangeBad: { en: '{key}={value} is not a range like 0,1; [{range}] is used.', zh: '{key}={value} 不是形如 0,1 的范围；使用 [{range}]。' },
  linkCustomRangeOrder: {
    en: '{key}={value} must have its lower end below its upper end; [{range}] is used.',
    zh: '{key}={value} 的下端必须小于上端；使用 [{range}]。',
  },
  linkCustomRangeOutside: { en: '{key}={value} is outside ±{limit}; [{lo}, {hi}] is used.', zh: '{key}={value} 超出 ±{limit}；使用 [{lo}, {hi}]。' },
  linkCustomKeyAlone: { en: '{keys} is used only with target=custom; ignored.', zh: '{keys} 只用于 target=custom；已忽略。' },
  linkCustomKeysAlone: { en: '{keys} are used only with target=custom; ignored.', zh: '{keys} 只用于 target=custom；已忽略。' },
  linkCustomRefused: {
    en: 'The custom function {expression} was refused: {reason} The default {fallback} on [0, 1] is used.',
    zh: '自定义函数 {expression} 被拒绝：{reason}改用默认函数 {fallback}（范围 [0, 1]）。',
  },
  /** Fields valid alone but not together (src/core/linkRules.ts); {net} is fieldApproximator or fieldPredictor. */
  linkRuleFusionDepth: {
    en: 'fusion=second needs an approximator with at least two hidden layers, and approx={approx} has one; fusion=first (its only hidden layer) is used.',
    zh: 'fusion=second 需要至少有两个隐藏层的近似器，而 approx={approx} 只有一个；改用 fusion=first（即它唯一的隐藏层）。',
  },
  linkRuleSweepLayerOne: {
    en: 'sweepLayer={layer}: the {net} has {count} hidden layer; layer {used} is swept.',
    zh: 'sweepLayer={layer}：{net}只有 {count} 个隐藏层；扫描第 {used} 层。',
  },
  linkRuleSweepLayerMany: {
    en: 'sweepLayer={layer}: the {net} has {count} hidden layers; layer {used} is swept.',
    zh: 'sweepLayer={layer}：{net}只有 {count} 个隐藏层；扫描第 {used} 层。',
  },
} as const satisfies Record<string, Readonly<Record<LanguageId, string>>>;
