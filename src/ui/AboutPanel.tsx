/** "About this run": what AXNet is and how to read the panels, in the words of the chosen target. */
import { resolveTarget } from '../core/targets/index';
import { isImageTarget } from '../core/imageViews';
import type { TargetSpec } from '../core/targets/types';
import { isCompareMode } from '../state/compareController';
import { SUPPRESSION_RULE } from '../core/axnetMath';
import { describeControlPlacement } from '../core/modelChoices';
import { useLabStore } from '../state/store';
import { PARAMETER_RULE } from './MetricsPanel';

/** "ν (order) and x", "S (spot), K (strike) and 4 more": the target's inputs, short enough for a sentence. */
export function listInputs(names: readonly string[], limit = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= limit) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, limit - 1).join(', ')} and ${names.length - limit + 1} more`;
}

/** What the benchmark view shows for this target (the same three cases BenchmarkView.tsx draws). */
export function describeBenchmarkView(spec: Pick<TargetSpec, 'id' | 'title' | 'inputDim' | 'inputNames' | 'outputNames'>): string {
  if (spec.inputDim === 2 && !isImageTarget(spec.id)) {
    return `shows ${spec.title} over the (${spec.inputNames.join(', ')}) plane, AXNet's and the lone approximator's versions of it, and the safe regions (Fig. 4a–c)`;
  }
  if (isImageTarget(spec.id)) {
    return `shows a test photograph, the image AXNet computes from it, and which tiles went to the CPU (Fig. 4a–c for an image benchmark)`;
  }
  return `plots, for test samples of ${spec.title} (inputs ${listInputs(spec.inputNames)}), the network's ${spec.outputNames.length > 1 ? 'outputs' : 'output'} against the exact ${spec.outputNames.length > 1 ? 'ones' : 'one'}, marking the samples sent to the CPU`;
}

export function AboutPanel() {
  const targetId = useLabStore((state) => state.config.target);
  const customFunction = useLabStore((state) => state.config.customFunction);
  const controlPlacement = useLabStore((state) => state.config.controlPlacement);
  const compare = useLabStore((state) => isCompareMode(state.config));
  const spec = resolveTarget({ target: targetId, customFunction });
  return (
    <section className="panel about" aria-labelledby="about-title" data-testid="about" data-target={spec.id}>
      <h2 id="about-title">About this run</h2>
      <p>
        <strong>AXNet</strong> (ICCAD 2018) fuses two networks for approximate computing: an <em>approximator</em> that imitates the target function and a <em>predictor</em> that
        says whether an input is safe to approximate (error below the bound, eq. 1). The predictor’s output layer is split into control vectors c(i), multiplied element-wise into
        the approximator’s hidden layers (eq. 4), and P(x), the safe-to-approximate probability. Both are trained together on J = MSE + cross-entropy (eq. 2). This run computes{' '}
        <span data-testid="about-placement">{describeControlPlacement(controlPlacement)}</span>.
      </p>
      <p data-testid="about-target">
        <strong>This target: {spec.title}.</strong> {spec.description} Inputs: {listInputs(spec.inputNames)}; error metric: {spec.errorMetric}.
      </p>
      {compare ? (
        <p>
          <strong>Reading the panels.</strong> <em>Compare methods</em> tracks each method’s true and predicted invocation on the same test set (Fig. 2); the table gives their §V
          metrics and parameter counts. <em>NPU</em> runs AXNet’s trained nets on the NPU model (Fig. 5) and compares the methods’ energy. Tick a single method for the lab view’s
          other panels.
        </p>
      ) : (
        <p>
          <strong>Reading the panels.</strong> <em>Invocation</em> tracks the §V metrics on the test set while training (Fig. 2b). <em>Benchmark view</em>{' '}
          {describeBenchmarkView(spec)}. <em>Control vectors</em> shows each hidden neuron before and after the predictor’s control (Fig. 4d); a neuron is {SUPPRESSION_RULE}.
        </p>
      )}
      <p className="muted small">
        Every number is computed live in your browser by a Web Worker with TensorFlow.js, from the seed and the settings in the link — nothing is precomputed. Parameters count{' '}
        {PARAMETER_RULE}.
      </p>
    </section>
  );
}
