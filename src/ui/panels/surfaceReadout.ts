/**
 * Texts the surface and control-vector panels read out at the cursor (hover or keyboard), for the
 * on-screen readout and its aria-live region. Pure: values in, one sentence out.
 */
import type { TargetSpec } from '../../core/targets/types';
import type { HoverValues } from '../../state/selectors';
import { formatTick } from '../charts/colormap';
import { panels } from '../i18n/locales/panels';

/** The readout texts of one language (panels.readout in src/ui/i18n/locales/panels.ts); English by default. */
export type ReadoutTexts = { readonly [K in keyof typeof panels.en.readout]: string };

/** `{{name}}` placeholders of a catalog text filled in (the catalog's interpolation syntax, for these pure functions). */
export function fillText(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A name without its parenthesised gloss: "ν (order)" → "ν", "θ1 (rad)" → "θ1". */
export function shortenName(name: string): string {
  const short = name.replace(/\s+\(.*\)\s*$/, '').trim();
  return short.length > 0 ? short : name;
}

export interface ReadoutNames {
  /** The two plotted inputs, short ("ν", "x"). */
  inputs: readonly [string, string];
  /** Every output, short ("θ1", "θ2"). */
  outputs: readonly string[];
}

/** "ν = 0.3, x = 0.85": the grid point of the cursor. */
export function formatPoint(values: Pick<HoverValues, 'u' | 'v'>, names: ReadoutNames): string {
  return `${names.inputs[0]} = ${formatTick(values.u)}, ${names.inputs[1]} = ${formatTick(values.v)}`;
}

/**
 * "ν = 0.3, x = 0.85: target 0.61, AXNet 0.6, lone 0.59, |error| 0.004 (under the bound 0.02), P(safe) 0.91, predicted safe".
 * Several outputs are named: "θ1: target …, AXNet …; θ2: …". Safe means |error| < bound (eq. 1); the predictor says
 * safe when P(safe) > 0.5.
 */
export function formatSurfaceReadout(values: HoverValues, names: ReadoutNames, bound: number, texts: ReadoutTexts = panels.en.readout): string {
  const several = values.outputs.length > 1;
  const outputs = values.outputs.map((o, k) => {
    const parts = [fillText(texts.target, { value: formatTick(o.target) }), fillText(texts.axnet, { value: formatTick(o.axnet) })];
    if (o.lone !== null) parts.push(fillText(texts.lone, { value: formatTick(o.lone) }));
    return several ? `${names.outputs[k] ?? fillText(texts.output, { index: k + 1 })}: ${parts.join(', ')}` : parts.join(', ');
  });
  const safe = values.error < bound;
  const errorText = fillText(safe ? texts.errorUnder : texts.errorOver, { error: formatTick(values.error), bound: formatTick(bound) });
  const predicted = values.safeProbability > 0.5 ? texts.predictedSafe : texts.predictedUnsafe;
  return `${formatPoint(values, names)}: ${outputs.join('; ')}; ${errorText}, ${fillText(texts.safeProbability, { p: formatTick(values.safeProbability) })}, ${predicted}`;
}

/**
 * "ν = 0.3, x = 0.85: 3 of 16 neurons suppressed (layer 1: 2, 5; layer 2: 7)". Layer numbers are 1-based
 * approximator hidden layers (`layers[i]` is the 0-based layer of entry i, fusion §III-D).
 */
export function formatControlReadout(values: HoverValues, names: ReadoutNames, layers: readonly number[], texts: ReadoutTexts = panels.en.readout): string {
  const total = values.neurons.reduce((sum, layer) => sum + layer.length, 0);
  const groups: string[] = [];
  let count = 0;
  values.neurons.forEach((layer, i) => {
    const off = layer.flatMap((neuron, j) => (neuron.suppressed ? [j + 1] : []));
    count += off.length;
    if (off.length > 0) groups.push(fillText(texts.layer, { layer: (layers[i] ?? i) + 1, neurons: off.join(', ') }));
  });
  const summary = count === 0 ? fillText(texts.noneSuppressed, { total }) : fillText(texts.suppressed, { suppressed: count, total, groups: groups.join('; ') });
  return `${formatPoint(values, names)}: ${summary}`;
}

/**
 * One line saying why a grid view (surfaces, control-vector maps) has nothing to draw for a target, or null
 * when it can draw: "Surfaces need a 2-input target; fft has 1 input — see the scatter below."
 */
export function explainMissingGrid(target: Pick<TargetSpec, 'id' | 'inputDim'>, view: string, instead: string, texts: ReadoutTexts = panels.en.readout): string | null {
  if (target.inputDim === 2) return null;
  const inputs = fillText(target.inputDim === 1 ? texts.oneInput : texts.inputs, { n: target.inputDim });
  return fillText(texts.missing, { view, target: target.id, inputs, instead: instead ? ` — ${instead}` : '' });
}
