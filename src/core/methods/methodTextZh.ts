/**
 * The methods' and the model choices' texts in Simplified Chinese (issue 13), as data keyed by id: a method's
 * description and the nets it trains (src/core/methods/registry.ts keeps the English), and the one-line descriptions
 * of the initializations and the ⊙c placements (src/core/modelChoices.ts). Citations stay as written (names, venues,
 * sections). methodTextZh.test.ts checks that every id has its Chinese. Pure data: no DOM, no i18n library.
 */
import type { ControlPlacement, Initialization, MethodId } from '../config';
import type { LanguageId } from '../language';
import { CONTROL_PLACEMENT_SPECS, INITIALIZATION_SPECS } from '../modelChoices';
import { METHODS } from './registry';

export const METHOD_TEXT_ZH: Readonly<Record<MethodId, { description: string; nets: string }>> = Object.freeze({
  axnet: {
    description: '近似器与预测器由控制向量融合，在 J = MSE + CE 上端到端训练（§III-B）',
    nets: '近似子网 + 预测子网，由控制向量 c(i) 融合（式 3–4）',
  },
  onepass: {
    description: 'Mahajan 等：先训练近似器，再为数据打标签，然后一次性训练预测器',
    nets: '近似器，然后在其式 1 标签上训练一个独立的分类器',
  },
  iterative: {
    description: 'Xu 等（DAC’17）：近似器与分类器交替训练若干轮，每轮选择训练子集',
    nets: '近似器和一个独立的分类器，在所选子集上轮流重训 R 轮（choose_type）',
  },
  weightsharing: {
    description: '共享第一隐藏层，J = La + Lp：§III-A 中未成功的最初尝试，其调用率会振荡（图 2a）',
    nets: '近似子网与预测子网共用同一个第一隐藏层',
  },
  lone: {
    description: '没有预测器的近似器（图 4c）',
    nets: '只有近似器（每个输入都被近似）',
  },
});

export const INITIALIZATION_TEXT_ZH: Readonly<Record<Initialization, string>> = Object.freeze({
  authorsZeroBias: '作者代码：权重 N(0, 0.1)，偏置为全连接层默认的 0。小型 ReLU 基线可能因此失活（Bessel 2-4-4-1：3 个种子中有 2 个的第二层单元全部失活，issue 11）。',
  'bias0.1':
    '实验室的选择，并非作者代码：权重 N(0, 0.1)，所有偏置为 0.1（ReLU 网络中 TF1 的 tf.constant(0.1) 惯用法）。偏置为 0、学习率 1e-2 时，2-4-4-1 单独近似器在误差界 0.05 下 6 个种子中有 3 个失活；偏置为 0.1 时一个也没有。',
});

export const CONTROL_PLACEMENT_TEXT_ZH: Readonly<Record<ControlPlacement, string>> = Object.freeze({
  afterActivation: '⊙c(i) 乘在激活后的值上：算法 1 第 9 行、§IV 的 PE（激活单元之后的乘法器）和作者代码都是如此。式 4 原文把它放在 f() 之内。',
  insideActivation: '式 4 原文：⊙c(i) 在加偏置和激活之前乘以 W(i)ᵀa(i)。算法 1、§IV 的 PE 和作者代码则把它放在激活之后。',
});

/** A method's description and nets in `language`. */
export function methodTextIn(method: MethodId, language: LanguageId): { description: string; nets: string } {
  const spec = METHODS[method];
  return language === 'zh' ? METHOD_TEXT_ZH[method] : { description: spec.description, nets: spec.nets };
}

export function initializationDescriptionIn(initialization: Initialization, language: LanguageId): string {
  return language === 'zh' ? INITIALIZATION_TEXT_ZH[initialization] : INITIALIZATION_SPECS[initialization].description;
}

export function controlPlacementDescriptionIn(placement: ControlPlacement, language: LanguageId): string {
  return language === 'zh' ? CONTROL_PLACEMENT_TEXT_ZH[placement] : CONTROL_PLACEMENT_SPECS[placement].description;
}
