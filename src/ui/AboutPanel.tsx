/** "About this run": what AXNet is and how to read the panels. */
import { SUPPRESSION_RULE } from '../state/selectors';
import { PARAMETER_RULE } from './MetricsPanel';

export function AboutPanel() {
  return (
    <section className="panel about" aria-labelledby="about-title">
      <h2 id="about-title">About this run</h2>
      <p>
        <strong>AXNet</strong> (ICCAD 2018) fuses two networks for approximate computing: an <em>approximator</em> that imitates the target
        function and a <em>predictor</em> that says whether an input is safe to approximate (error below the bound, eq. 1). The predictor’s
        output layer is split into control vectors c(i), multiplied element-wise into the approximator’s hidden activations (eq. 4), and
        P(x), the safe-to-approximate probability. Both are trained together on J = MSE + cross-entropy (eq. 2).
      </p>
      <p>
        <strong>Reading the panels.</strong> <em>Invocation</em> tracks the §V metrics on the test set while training (Fig. 2b).
        <em> Bessel surface</em> shows J<sub>ν</sub>(x), the two approximations and the safe regions (Fig. 4a–c). <em>Control vectors</em>{' '}
        shows each hidden neuron before and after the predictor’s control (Fig. 4d); a neuron is {SUPPRESSION_RULE}.
      </p>
      <p className="muted small">
        Every number is computed live in your browser by a Web Worker with TensorFlow.js, from the seed and the settings in the link — nothing
        is precomputed. Parameters count {PARAMETER_RULE}.
      </p>
    </section>
  );
}
