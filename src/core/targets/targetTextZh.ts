/**
 * The benchmarks' texts in Simplified Chinese (issue 13), as data keyed by target id: title, description and the
 * input names that hold words (symbols such as ν, S, w(0,0) stay as written). The English is in each TargetSpec;
 * targetTextZh.test.ts checks that every benchmark has its Chinese texts. Pure data: no DOM, no i18n library.
 */
import type { LanguageId } from '../language';
import type { ErrorMetricId, TargetId, TargetSpec } from './types';
import { CUSTOM_TARGET_ID } from './types';

export interface TargetTextZh {
  title: string;
  description: string;
  /** Input names in Chinese, one per input, where the English names hold words; absent: the English names are symbols. */
  inputNames?: readonly string[];
}

export const TARGET_TEXT_ZH: Readonly<Record<TargetId, TargetTextZh>> = Object.freeze({
  bessel_Jnu: {
    title: 'Bessel 函数 J_ν(x)',
    description: '第一类 Bessel 函数 y = J_ν(x)，阶 ν 和自变量 x 均在 [0, 1] 内（AXNet 的数据；论文图 4 的二维曲面）。',
    inputNames: ['ν（阶）', 'x'],
  },
  blackscholes: {
    title: 'Black–Scholes 期权定价',
    description: '欧式期权价格（PARSEC blackscholes，AxBench），输入为现价 S、行权价 K、利率 r、波动率 σ、期限 T 和类型（0 = 看涨，1 = 看跌），采用该基准的归一化单位。',
    inputNames: ['S（现价）', 'K（行权价）', 'r（利率）', 'σ（波动率）', 'T（年）', '类型（0 看涨，1 看跌）'],
  },
  fft: {
    title: 'FFT 旋转因子',
    description: '基 2 FFT 的旋转因子（AxBench fft）：x = k/L ∈ [0, 0.5) 周 → (sin(−2πx), cos(−2πx))。',
    inputNames: ['x = k/L（周）'],
  },
  inversek2j: {
    title: '逆运动学（2 个关节）',
    description: '平面二连杆机械臂，两杆长均为 0.5（AxBench inversek2j）：末端位置 (x, y) → 关节角 (θ1, θ2)，单位为弧度。',
  },
  jmeint: {
    title: '三角形相交检测（jmeint）',
    description: '两个三维三角形是否相交？（AxBench jmeint，jMonkeyEngine）18 个顶点坐标 ∈ [0, 1] → 独热编码 (0.8, 0.2) = 相交，(0.2, 0.8) = 不相交。',
  },
  jpeg: {
    title: 'JPEG 编码器块',
    description: 'AxBench jpeg：一个 8×8 块（像素/256 − 0.5）→ 定点 DCT、按标准亮度量化表量化、之字形排序、/256。',
  },
  kmeans: {
    title: 'k-means 颜色距离',
    description: 'RGB 像素与 RGB 聚类中心之间的欧氏距离（AxBench kmeans 图像分割），各通道 ∈ [0, 1]。',
    inputNames: ['像素 R', '像素 G', '像素 B', '中心 R', '中心 G', '中心 B'],
  },
  sobel: {
    title: 'Sobel 边缘强度',
    description: '3×3 灰度窗口的 Sobel 边缘强度（AxBench sobel），亮度 ∈ [0, 1]，在 ≈ 0.7071 处截断 → 0.70434。',
  },
});

/** The error metrics' names in Chinese (rms stays as written). */
export const ERROR_METRIC_ZH: Readonly<Record<ErrorMetricId, string>> = Object.freeze({ absolute: '绝对误差', relative: '相对误差', rms: 'rms' });

function textZh(spec: Pick<TargetSpec, 'id'>): TargetTextZh | null {
  return spec.id === CUSTOM_TARGET_ID ? null : (TARGET_TEXT_ZH[spec.id as TargetId] ?? null);
}

/** The target's title in `language` (a custom function: 自定义：expression). */
export function targetTitleIn(spec: Pick<TargetSpec, 'id' | 'title'>, language: LanguageId): string {
  if (language !== 'zh') return spec.title;
  if (spec.id === CUSTOM_TARGET_ID) return spec.title.replace(/^Custom: /, '自定义：');
  return textZh(spec)?.title ?? spec.title;
}

/** The target's description in `language` (a custom function's is built from its expression and ranges). */
export function targetDescriptionIn(spec: Pick<TargetSpec, 'id' | 'description' | 'inputNames'>, language: LanguageId, ranges?: readonly (readonly [number, number])[]): string {
  if (language !== 'zh') return spec.description;
  if (spec.id === CUSTOM_TARGET_ID && ranges) {
    const expression = spec.description.replace(/^Your own function y = /, '').replace(/, inputs .*$/, '');
    return `自定义函数 y = ${expression}，输入 ${spec.inputNames.map((name, i) => `${name} ∈ [${ranges[i][0]}, ${ranges[i][1]}]`).join('，')}，均匀抽样。`;
  }
  return textZh(spec)?.description ?? spec.description;
}

/** The target's input names in `language`. */
export function targetInputNamesIn(spec: Pick<TargetSpec, 'id' | 'inputNames'>, language: LanguageId): readonly string[] {
  return language === 'zh' ? (textZh(spec)?.inputNames ?? spec.inputNames) : spec.inputNames;
}

/** The error metric's name in `language`. */
export function errorMetricIn(metric: ErrorMetricId, language: LanguageId): string {
  return language === 'zh' ? ERROR_METRIC_ZH[metric] : metric;
}

/**
 * The error-bound presets' sources (TargetSpec.boundPresets[].source, the chips' tooltips) in Chinese, keyed by their
 * English text; targetTextZh.test.ts checks that every preset of every benchmark (and the custom function) has one.
 */
export const BOUND_PRESET_SOURCE_ZH: Readonly<Record<string, string>> = Object.freeze({
  'lab default: calibrated so that the default link routes some inputs to the network and some to the CPU (labDefaults.ts)':
    '实验室默认值：经过校准，使默认链接把一部分输入交给网络、一部分交给 CPU（labDefaults.ts）',
  'reference calibration: partial safe region (the predictor saturates at 100 % safe within 3 000 steps)': '参考校准：部分安全区域（预测器在 3 000 步内饱和为 100 % 安全）',
  'AXNet authors’ code': 'AXNet 作者代码',
  'NAS paper Table 2, group 1': 'NAS 论文表 2，第 1 组',
  'NAS paper Table 2, group 2': 'NAS 论文表 2，第 2 组',
  'lab default: calibrated so that the default link routes some inputs to the network and some to the CPU (labDefaults.ts); at the NAS bounds nothing is safe for these small nets':
    '实验室默认值：经过校准，使默认链接把一部分输入交给网络、一部分交给 CPU（labDefaults.ts）；在 NAS 的误差界下，这些小网络没有任何输入是安全的',
  'lab default: calibrated so that the default link routes some inputs to the network and some to the CPU (labDefaults.ts); on the one-hot code 0.8/0.2 it accepts outputs within 0.1 of 0.2 and 0.4 of 0.8, the class read by a 0.5 threshold':
    '实验室默认值：经过校准，使默认链接把一部分输入交给网络、一部分交给 CPU（labDefaults.ts）；对 0.8/0.2 的独热编码，它接受与 0.2 相差 0.1 以内、与 0.8 相差 0.4 以内的输出，类别按 0.5 阈值读取',
  'lab default (no NAS Table 2 entry; one-hot 0.8/0.2 tolerates 0.1 relative)': '实验室默认值（NAS 表 2 中没有这一项；0.8/0.2 独热编码容许 0.1 的相对误差）',
  'custom function: lab default, measured for sin(3*x0)*exp(-x1) on [0, 1]² (customDefaults.ts); scale it to your function’s range':
    '自定义函数：实验室默认值，按 [0, 1]² 上的 sin(3*x0)*exp(-x1) 测得（customDefaults.ts）；请按你的函数的值域缩放',
  'custom function: a tighter bound': '自定义函数：更严的误差界',
  'custom function: a looser bound (the default function is then safe everywhere)': '自定义函数：更宽的误差界（默认函数此时处处安全）',
});

/** A bound preset's source in `language` (the English where no Chinese is known). */
export function boundPresetSourceIn(source: string, language: LanguageId): string {
  return language === 'zh' && Object.hasOwn(BOUND_PRESET_SOURCE_ZH, source) ? BOUND_PRESET_SOURCE_ZH[source] : source;
}
