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
