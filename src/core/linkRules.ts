/**
 * Cross-field rules of a link: combinations whose fields are each valid alone but that the model builder or the
 * sweep planner rejects. parseLink (src/core/link.ts) applies them after every field has been read and clamped,
 * so a shared link never reaches a trainer that throws ("press Reset" cannot help, issue 12 item 9): each rule
 * moves one field to the nearest valid value and says so in one notice, like the clamping of a single field.
 *
 * Which combinations fail was measured, not guessed: every method (axnet, onepass, iterative, weightsharing, lone)
 * on every target, with fusion all/first/second, P(x) softmax/sigmoid, ⊙c after/inside, approximator and
 * predictor depths 1 and 2 and parameter matching on and off, built and trained one step on cpu (a one-off
 * script for issue 12): only fusion 'second' with one approximator hidden layer throws (src/core/axnetMath.ts
 * resolveFusedLayers). No method is incompatible with any target. The sweep planner (src/core/sweep.ts planSweep)
 * also rejects a width sweep of a layer the net does not have; the link's sweepLayer is only clamped to
 * CONFIG_LIMITS.hiddenLayers there.
 */
import type { LabConfig } from './config';
import { message, type Message } from './messages';
import type { SweepSpec } from './sweep';

/** One rule: null when the link satisfies it, else the fixed parts and the notice. */
interface CrossFieldRule {
  id: string;
  apply(config: Readonly<LabConfig>, sweep: SweepSpec | null): { config?: LabConfig; sweep?: SweepSpec; notice: Message } | null;
}

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    // §III-D: 'second' fuses only hidden layer 2. With one hidden layer the nearest valid choice is 'first', which
    // still fuses exactly one layer (the only one; numerically the same net as 'all' at this depth) and keeps
    // meaning "one fused layer" if the user adds layers later.
    id: 'fusion-depth',
    apply(config) {
      if (config.fusion !== 'second' || config.approximatorHidden.length >= 2) return null;
      return {
        config: { ...config, fusion: 'first' },
        notice: message('linkRuleFusionDepth', { approx: config.approximatorHidden.join('-') }),
      };
    },
  },
  {
    // planSweep: "there is no layer N to sweep". Nearest valid value: the net's last hidden layer.
    id: 'sweep-layer-depth',
    apply(config, sweep) {
      if (!sweep || (sweep.parameter !== 'approximatorWidth' && sweep.parameter !== 'predictorWidth')) return null;
      const widths = sweep.parameter === 'approximatorWidth' ? config.approximatorHidden : config.predictorHidden;
      if (sweep.layer < widths.length) return null;
      const layer = widths.length - 1;
      const net = message(sweep.parameter === 'approximatorWidth' ? 'fieldApproximator' : 'fieldPredictor');
      return {
        sweep: { ...sweep, layer },
        notice: message(widths.length === 1 ? 'linkRuleSweepLayerOne' : 'linkRuleSweepLayerMany', { layer: sweep.layer + 1, net, count: widths.length, used: layer + 1 }),
      };
    },
  },
];

/** `config` and `sweep` with every cross-field rule applied in table order, and one notice per fixed value. */
export function applyCrossFieldRules(configIn: Readonly<LabConfig>, sweepIn: SweepSpec | null): { config: LabConfig; sweep: SweepSpec | null; notices: Message[] } {
  let config = configIn as LabConfig;
  let sweep = sweepIn;
  const notices: Message[] = [];
  for (const rule of CROSS_FIELD_RULES) {
    const fix = rule.apply(config, sweep);
    if (!fix) continue;
    if (fix.config) config = fix.config;
    if (fix.sweep) sweep = fix.sweep;
    notices.push(fix.notice);
  }
  return { config, sweep, notices };
}
