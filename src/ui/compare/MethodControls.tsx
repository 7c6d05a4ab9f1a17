/**
 * Method controls of the config form, in two parts: MethodList (which methods to train: one = lab
 * view, several = compare mode) and MethodOptions (AXNet's fusion, P(x) output and place of ⊙c, the
 * initialization, iterative training's rounds and choose_type, parameter matching). All of it lives in the
 * config slice, so it is part of the share link.
 */
import { METHOD_BUDGET_RULE } from '../../core/methods/budget';
import { METHODS, STEP_BUDGET_SUMMARY } from '../../core/methods/registry';
import { CHOOSE_TYPES, CONFIG_LIMITS, CONTROL_PLACEMENTS, FUSION_CHOICES, INITIALIZATIONS, METHOD_IDS, PREDICTION_OUTPUTS, type MethodId } from '../../core/config';
import { CONTROL_PLACEMENT_SPECS, INITIALIZATION_SPECS } from '../../core/modelChoices';
import { selectConfig } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import './compare.css';

const FUSION_LABELS: Record<(typeof FUSION_CHOICES)[number], string> = {
  all: 'all hidden layers',
  first: '1st hidden layer only',
  second: '2nd hidden layer only',
};

/** Xu et al.'s choose_type: the training subset of the next round (reference §3). */
export const CHOOSE_TYPE_LABELS: Record<(typeof CHOOSE_TYPES)[number], string> = {
  0: '0 — safe by approximator or by classifier',
  1: '1 — safe by classifier',
  2: '2 — safe by approximator',
  3: '3 — safe by both (their default)',
  4: '4 — all data',
};

/** Tooltip of a method's checkbox: what it is, what it trains, where the paper describes it. */
function describeMethod(method: MethodId): string {
  const spec = METHODS[method];
  return `${spec.description}. Trains: ${spec.nets}. ${spec.citation}.`;
}

/** Which methods to train: one = lab view, several = compare mode (an essential of the sidebar). */
export function MethodList() {
  const methods = useLabStore((state) => state.config.methods);
  const toggleMethod = useLabStore((state) => state.toggleMethod);
  const chosen = new Set<MethodId>(methods);
  const compare = methods.length > 1;
  return (
    <fieldset className="method-controls" data-testid="method-controls">
      <legend>
        Methods{' '}
        {compare ? (
          <span className="method-badge" data-testid="compare-badge">
            compare mode
          </span>
        ) : (
          <span className="muted">(lab view)</span>
        )}
      </legend>
      <div className="method-list">
        {METHOD_IDS.map((method) => (
          <label className="toggle" key={method} title={describeMethod(method)}>
            <input
              type="checkbox"
              data-testid={`method-${method}`}
              checked={chosen.has(method)}
              disabled={chosen.has(method) && chosen.size === 1}
              onChange={(event) => toggleMethod(method, event.target.checked)}
            />
            <span>{METHODS[method].label}</span>
          </label>
        ))}
      </div>
      <p className="muted small" data-testid="method-fairness" title={METHOD_BUDGET_RULE}>
        One method: the lab view; several: compare mode, on the same data, seed, Adam, ReLU and losses (§V-A).
      </p>
    </fieldset>
  );
}

/** Tooltip of the initialization select: both choices, and which one is the authors' code. */
export const INITIALIZATION_TOOLTIP = `Initial weights of every method's nets. ${INITIALIZATIONS.map((id) => INITIALIZATION_SPECS[id].description).join(' ')}`;

/** Tooltip of the ⊙c placement select: both formulas, and which one is the authors' code. */
export const CONTROL_PLACEMENT_TOOLTIP = `Where AXNet's control vector multiplies a hidden layer. ${CONTROL_PLACEMENTS.map(
  (id) => `${CONTROL_PLACEMENT_SPECS[id].formula}: ${CONTROL_PLACEMENT_SPECS[id].description}`,
).join(' ')}`;

/**
 * The methods' own options (folded under "Advanced"): AXNet's fusion, P(x) and place of ⊙c, the initialization,
 * iterative's rounds and choose_type, parameter matching.
 */
export function MethodOptions() {
  const config = useLabStore(selectConfig);
  const setFusion = useLabStore((state) => state.setFusion);
  const setPredictionOutput = useLabStore((state) => state.setPredictionOutput);
  const setInitialization = useLabStore((state) => state.setInitialization);
  const setControlPlacement = useLabStore((state) => state.setControlPlacement);
  const setRounds = useLabStore((state) => state.setRounds);
  const setChooseType = useLabStore((state) => state.setChooseType);
  const setMatchParameters = useLabStore((state) => state.setMatchParameters);
  const chosen = new Set<MethodId>(config.methods);
  const usesAxnet = chosen.has('axnet');
  const usesIterative = chosen.has('iterative');

  return (
    <fieldset className="method-controls" data-testid="method-options">
      <legend>Method options</legend>
      <p className="muted small" title={METHOD_BUDGET_RULE}>
        {STEP_BUDGET_SUMMARY.charAt(0).toUpperCase() + STEP_BUDGET_SUMMARY.slice(1)}
      </p>
      <div className="field-grid">
        <label className="field" title="Which approximator hidden layers the control vectors reach (§III-D, Fig. 10c)">
          <span className="field-label">AXNet fusion</span>
          <select data-testid="config-fusion" value={config.fusion} disabled={!usesAxnet} onChange={(event) => setFusion(event.target.value)}>
            {FUSION_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {FUSION_LABELS[choice]}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title="P(x) as 2 softmax logits or 1 sigmoid unit (eq. 3)">
          <span className="field-label">P(x) output</span>
          <select data-testid="config-pout" value={config.predictionOutput} disabled={!usesAxnet} onChange={(event) => setPredictionOutput(event.target.value)}>
            {PREDICTION_OUTPUTS.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title={INITIALIZATION_TOOLTIP}>
          <span className="field-label">Initialization</span>
          <select data-testid="config-init" value={config.initialization} onChange={(event) => setInitialization(event.target.value)}>
            {INITIALIZATIONS.map((choice) => (
              <option key={choice} value={choice}>
                {INITIALIZATION_SPECS[choice].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title={CONTROL_PLACEMENT_TOOLTIP}>
          <span className="field-label">AXNet ⊙c placement</span>
          <select data-testid="config-ctrl" value={config.controlPlacement} disabled={!usesAxnet} onChange={(event) => setControlPlacement(event.target.value)}>
            {CONTROL_PLACEMENTS.map((choice) => (
              <option key={choice} value={choice}>
                {CONTROL_PLACEMENT_SPECS[choice].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title="Rounds of iterative training (onepass is one round)">
          <span className="field-label">Iterative rounds</span>
          <input
            type="number"
            data-testid="config-rounds"
            min={CONFIG_LIMITS.rounds.min}
            max={CONFIG_LIMITS.rounds.max}
            step="1"
            value={config.rounds}
            disabled={!usesIterative}
            onChange={(event) => setRounds(Number(event.target.value))}
          />
        </label>
        <label className="field" title="Training subset of the next round (Xu et al.'s choose_type)">
          <span className="field-label">choose_type</span>
          <select data-testid="config-choose" value={config.chooseType} disabled={!usesIterative} onChange={(event) => setChooseType(Number(event.target.value))}>
            {CHOOSE_TYPES.map((choice) => (
              <option key={choice} value={choice}>
                {CHOOSE_TYPE_LABELS[choice]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small" data-testid="config-faithfulness-note">
        Kernels start N(0, 0.1) either way; the authors’ code starts biases at 0 and applies ⊙c after the activation (eq. 4 as printed puts it inside).
      </p>
      <label className="toggle" title="§V-A: shrink AXNet's nets until its parameter count is within 3% of the baseline's">
        <input type="checkbox" data-testid="config-match" checked={config.matchParameters} onChange={(event) => setMatchParameters(event.target.checked)} />
        <span>Parameter-matched: size AXNet to within 3% of the baseline’s parameter count (§V-A)</span>
      </label>
    </fieldset>
  );
}
