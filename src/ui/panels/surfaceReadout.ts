/**
 * Texts the surface and control-vector panels read out at the cursor (hover or keyboard), for the
 * on-screen readout and its aria-live region. Pure: values in, one sentence out.
 */
import type { TargetSpec } from '../../core/targets/types';
import type { HoverValues } from '../../state/selectors';
import { formatTick } from '../charts/colormap';

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
export function formatSurfaceReadout(values: HoverValues, names: ReadoutNames, bound: number): string {
  const several = values.outputs.length > 1;
  const outputs = values.outputs.map((o, k) => {
    const parts = [`target ${formatTick(o.target)}`, `AXNet ${formatTick(o.axnet)}`];
    if (o.lone !== null) parts.push(`lone ${formatTick(o.lone)}`);
    return several ? `${names.outputs[k] ?? `output ${k + 1}`}: ${parts.join(', ')}` : parts.join(', ');
  });
  const safe = values.error < bound;
  const errorText = `|error| ${formatTick(values.error)} (${safe ? 'under' : 'over'} the bound ${formatTick(bound)})`;
  const predicted = values.safeProbability > 0.5 ? 'predicted safe' : 'predicted unsafe';
  return `${formatPoint(values, names)}: ${outputs.join('; ')}; ${errorText}, P(safe) ${formatTick(values.safeProbability)}, ${predicted}`;
}

/**
 * "ν = 0.3, x = 0.85: 3 of 16 neurons suppressed (layer 1: 2, 5; layer 2: 7)". Layer numbers are 1-based
 * approximator hidden layers (`layers[i]` is the 0-based layer of entry i, fusion §III-D).
 */
export function formatControlReadout(values: HoverValues, names: ReadoutNames, layers: readonly number[]): string {
  const total = values.neurons.reduce((sum, layer) => sum + layer.length, 0);
  const groups: string[] = [];
  let count = 0;
  values.neurons.forEach((layer, i) => {
    const off = layer.flatMap((neuron, j) => (neuron.suppressed ? [j + 1] : []));
    count += off.length;
    if (off.length > 0) groups.push(`layer ${(layers[i] ?? i) + 1}: ${off.join(', ')}`);
  });
  const summary = count === 0 ? `no neuron of ${total} suppressed` : `${count} of ${total} neurons suppressed (${groups.join('; ')})`;
  return `${formatPoint(values, names)}: ${summary}`;
}

/**
 * One line saying why a grid view (surfaces, control-vector maps) has nothing to draw for a target, or null
 * when it can draw: "Surfaces need a 2-input target; fft has 1 input — see the scatter below."
 */
export function explainMissingGrid(target: Pick<TargetSpec, 'id' | 'inputDim'>, view: string, instead: string): string | null {
  if (target.inputDim === 2) return null;
  const inputs = `${target.inputDim} input${target.inputDim === 1 ? '' : 's'}`;
  return `${view} need a 2-input target; ${target.id} has ${inputs}${instead ? ` — ${instead}` : ''}.`;
}
