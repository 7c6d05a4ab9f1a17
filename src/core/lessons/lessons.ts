/**
 * The guided lessons (issue 13). Each step's claim was checked against what the lab shows at the step's config, with
 * `axlab train|npu|axtrain` on the cpu backend (the numbers the browser shows at that step on the same backend); the
 * measurements are in src/core/lessons/README.md. A step states only what held there, and asks rather than tells
 * where the outcome depends on the run.
 */
import type { Lesson } from './types';

/** The Fig. 2 comparison of the §V study (src/core/study/plan.ts): AXNet and weight-sharing, A 2-4-4-1, C 2-4, bound 0.05, lr 0.01, authors' zero biases. */
const FIG2 = 'methods=axnet,weightsharing&pred=4&bound=0.05&lr=0.01&init=authorsZeroBias&steps=4000&eval=50';

export const LESSONS: readonly Lesson[] = [
  {
    id: 'bound',
    title: 'What approximate computing trades: Bessel and the error bound',
    steps: [
      {
        text: 'A small network replaces the Bessel function J_ν(x) on ν, x ∈ [0, 1]. An input is safe to approximate when the network’s error there stays under the error bound (eq. 1).',
        fragment: 'target=bessel_Jnu',
        view: 'surface',
        highlight: 'bound',
        question: 'Press Play. Where on the error map are the unsafe inputs, the ones that must still run on the CPU?',
      },
      {
        text: 'The bound is loosened from 0.015 to 0.05. True invocation, the share of test inputs whose error is under the bound, ends higher than with 0.015.',
        fragment: 'target=bessel_Jnu&bound=0.05',
        view: 'invocation',
        highlight: 'bound',
        question: 'More inputs run on the cheap network now. What does the application give up for that?',
      },
      {
        text: 'With a tight bound of 0.005 few inputs are safe, and after the same training the predictor sends far fewer inputs to the network than with 0.015.',
        fragment: 'target=bessel_Jnu&bound=0.005',
        view: 'invocation',
        highlight: 'bound',
        question: 'If almost every input goes to the CPU, is the approximation still worth its cost?',
      },
    ],
  },
  {
    id: 'disagree',
    title: 'Why two separately trained nets disagree: onepass and iterative',
    steps: [
      {
        text: 'Onepass trains the approximator first, then a separate predictor on its errors. The predictor never sees the approximator change, so the inputs it calls safe differ from the inputs that are safe.',
        fragment: 'target=bessel_Jnu&methods=onepass',
        view: 'invocation',
        highlight: 'methods',
        question: 'Press Play. How far apart do the true and the predicted invocation end?',
      },
      {
        text: 'Onepass and iterative side by side. Iterative retrains both nets in rounds, removing the inputs the predictor rejects; its predicted invocation ends closer to its true invocation than onepass’s.',
        fragment: 'target=bessel_Jnu&methods=onepass,iterative',
        view: 'compare',
        highlight: 'methods',
        question: 'Prediction accuracy counts inputs that are safe and predicted safe. Why is it lower than both invocations?',
      },
      {
        text: 'AXNet joins them: one network, approximator and predictor trained together on one loss (eq. 2), so the safe label is recomputed from the current approximator at every step.',
        fragment: 'target=bessel_Jnu&methods=axnet,onepass,iterative',
        view: 'compare',
        highlight: 'methods',
        question: 'Which method sends the most inputs to the network, and at what overall error?',
      },
    ],
  },
  {
    id: 'control-vectors',
    title: 'AXNet’s control vectors switch neurons off (Fig. 4)',
    steps: [
      {
        text: 'In AXNet the predictor also outputs control vectors c(1)…c(l): every hidden activation of the approximator is multiplied by its control value (eq. 3, 4).',
        fragment: 'target=bessel_Jnu',
        view: 'control',
        highlight: 'topology',
        question: 'Press Play and wait for the run to end. How many control values does a 2-4-4-1 approximator need per input?',
      },
      {
        text: 'The control-vector panel shows, for each hidden neuron, its activation before ⊙c, the control value c and the activation after ⊙c. A control value of 0 switches its neuron off for that input.',
        fragment: 'target=bessel_Jnu',
        view: 'control',
        highlight: 'control',
        question: 'Hover over the surface plot. For which inputs are neurons switched off, and which ones?',
      },
      {
        text: 'Compare AXNet’s output with the lone approximator’s (Fig. 4a–c): the same topology, trained on the same batches without a predictor.',
        fragment: 'target=bessel_Jnu',
        view: 'surface',
        highlight: 'surface',
        question: 'Where does the lone approximator miss the target that AXNet fits?',
      },
    ],
  },
  {
    id: 'weight-sharing',
    title: 'Weight-sharing’s oscillation against AXNet’s climb (Fig. 2)',
    steps: [
      {
        text: 'Weight-sharing (§III-A) gives the approximator and the predictor one shared first hidden layer, trained on the sum of both losses, so the two tasks pull the shared weights in different directions. This is the paper’s Fig. 2 setting.',
        fragment: FIG2,
        view: 'compare',
        highlight: 'methods',
        question: 'Press Play. Which curve rises, and which one stays low?',
      },
      {
        text: 'In the lab’s run weight-sharing’s true invocation stays near where it started and its predictor marks hardly any input safe, while AXNet climbs to almost every input. The paper’s Fig. 2a shows weight-sharing oscillating; here its swings are small, and AXNet’s curve has the larger dips on its way up.',
        fragment: FIG2,
        view: 'compare',
        highlight: 'compare',
        question: 'Why can two losses pulling on one shared layer leave the net stuck?',
      },
    ],
  },
  {
    id: 'npu-energy',
    title: 'An inference through the NPU, and where the energy goes (Fig. 5)',
    steps: [
      {
        text: 'The NPU view steps one inference of the trained AXNet through the five stages of §IV on tiles of processing elements (PEs).',
        fragment: 'target=bessel_Jnu',
        view: 'npu',
        highlight: 'npu',
        question: 'Train first, then step the inference: in which stage do the control vectors act?',
      },
      {
        text: 'An input on the approximator costs far less energy than the same input on the CPU path; for this network the buffers, memories and the bus take more of it than the multiply-accumulates.',
        fragment: 'target=bessel_Jnu',
        view: 'npu',
        highlight: 'npu',
        question: 'Why does moving data cost more than computing with it?',
      },
      {
        text: 'The energy gain over CPU-only is the CPU-only energy divided by the average: the more inputs the predictor sends to the network, the higher the gain.',
        fragment: 'target=bessel_Jnu&bound=0.05',
        view: 'npu',
        highlight: 'bound',
        question: 'With the looser bound of 0.05, does the energy gain rise or fall, and why?',
      },
    ],
  },
  {
    id: 'axtrain',
    title: 'AxTrain: training for approximate hardware',
    steps: [
      {
        text: 'AxTrain trains a classifier that will run on approximate multipliers (DRUM-k) or on weight memory at near-threshold voltage. Plain backpropagation (bp) ignores the hardware.',
        fragment: 'ax=breastcancer',
        view: 'axtrain',
        highlight: 'axtrain',
        question: 'Press Play. Which method loses the most accuracy on the approximate hardware settings?',
      },
      {
        text: 'AxTrain-act adds the sensitivity S(w), how much the output moves when the weights are disturbed, to the loss; AxTrain-pas trains with the hardware’s noise. At 400 mV, where each bit of a stored weight flips with probability 10 %, every AxTrain method keeps more accuracy than BP in this run.',
        fragment: 'ax=breastcancer',
        view: 'axtrain',
        highlight: 'axtrain',
        question: 'Does a lower sensitivity go with a smaller accuracy loss on the approximate hardware?',
      },
    ],
  },
  {
    id: 'nas',
    title: 'Searching the approximator’s topology (NAS)',
    steps: [
      {
        text: 'NAS searches the approximator’s layers and widths for jpeg: SMAC proposes topologies from what it learned, random search draws them blindly, and the enumeration tries a fixed list.',
        fragment: 'nas=jpeg&nas.group=2&nas.budget=12&nas.steps=600&nas.maxWidth=64&nas.batch=4',
        view: 'nas',
        highlight: 'nas',
        question: 'Press Play. Which search finds an accurate topology with the fewest candidates?',
      },
      {
        text: 'Each candidate is a point of accuracy against energy; the front joins the points no other candidate beats on both.',
        fragment: 'nas=jpeg&nas.group=2&nas.budget=12&nas.steps=600&nas.maxWidth=64&nas.batch=4',
        view: 'nas',
        highlight: 'nas',
        question: 'Would you pick the most accurate candidate, or one on the front that spends less energy?',
      },
    ],
  },
];
