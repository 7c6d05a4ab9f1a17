/**
 * Method controls of the config form, in two parts: MethodList (which methods to train: one = lab
 * view, several = compare mode) and MethodOptions (AXNet's fusion, P(x) output and place of ⊙c, the
 * initialization, iterative training's rounds and choose_type, parameter matching). All of it lives in the
 * config slice, so it is part of the share link.
 */
import { controlPlacementDescriptionIn, initializationDescriptionIn, methodTextIn } from '../../core/methods/methodTextZh';
import { formatMessage, message } from '../../core/messages';
import type { LanguageId } from '../../core/language';
import { METHODS, formatStepBudgetGroups, methodLabelIn } from '../../core/methods/registry';
import { CHOOSE_TYPES, CONFIG_LIMITS, CONTROL_PLACEMENTS, FUSION_CHOICES, INITIALIZATIONS, METHOD_IDS, PREDICTION_OUTPUTS, type MethodId } from '../../core/config';
import { CONTROL_PLACEMENT_SPECS } from '../../core/modelChoices';
import { selectConfig } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { useLanguage, useT } from '../i18n';
import { en } from '../i18n/locales/en';
import './compare.css';

/** Catalog keys (controls.methods.*) of the fusion choices, the initializations and the ⊙c placements. */
const FUSION_KEYS = { all: 'fusionAll', first: 'fusionFirst', second: 'fusionSecond' } as const satisfies Record<(typeof FUSION_CHOICES)[number], string>;
const INITIALIZATION_KEYS = { authorsZeroBias: 'initializationZero', 'bias0.1': 'initializationSmall' } as const satisfies Record<(typeof INITIALIZATIONS)[number], string>;
export const PLACEMENT_KEYS = { afterActivation: 'placementAfter', insideActivation: 'placementInside' } as const satisfies Record<(typeof CONTROL_PLACEMENTS)[number], string>;
const CHOOSE_KEYS = { 0: 'choose0', 1: 'choose1', 2: 'choose2', 3: 'choose3', 4: 'choose4' } as const satisfies Record<(typeof CHOOSE_TYPES)[number], string>;

/** Xu et al.'s choose_type: the training subset of the next round (reference §3). */
export const CHOOSE_TYPE_LABELS: Record<(typeof CHOOSE_TYPES)[number], string> = {
  0: en.controls.methods.choose0,
  1: en.controls.methods.choose1,
  2: en.controls.methods.choose2,
  3: en.controls.methods.choose3,
  4: en.controls.methods.choose4,
};

/** Tooltip of a method's checkbox: what it is, what it trains, where the paper describes it (the citation as written). */
function useDescribeMethod(): (method: MethodId) => string {
  const t = useT('controls');
  const language = useLanguage();
  return (method) => t('methods.describe', { ...methodTextIn(method, language), citation: METHODS[method].citation });
}

/** Which methods to train: one = lab view, several = compare mode (an essential of the sidebar). */
export function MethodList() {
  const t = useT('controls');
  const language = useLanguage();
  const describeMethod = useDescribeMethod();
  const budgetRule = formatMessage(message('methodBudgetRule'), language);
  const methods = useLabStore((state) => state.config.methods);
  const toggleMethod = useLabStore((state) => state.toggleMethod);
  const chosen = new Set<MethodId>(methods);
  const compare = methods.length > 1;
  return (
    <fieldset className="method-controls" data-testid="method-controls">
      <legend>
        {t('methods.legend')}{' '}
        {compare ? (
          <span className="method-badge" data-testid="compare-badge">
            {t('methods.compareMode')}
          </span>
        ) : (
          <span className="muted">{t('methods.labView')}</span>
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
            <span>{methodLabelIn(method, language)}</span>
          </label>
        ))}
      </div>
      <p className="muted small" data-testid="method-fairness" title={budgetRule}>
        {t('methods.fairness')}
      </p>
    </fieldset>
  );
}

/** Tooltip of the initialization select: both choices, and which one is the authors' code. */
function initializationTooltip(language: LanguageId): string {
  return formatMessage(message('initializationTooltip', { choices: INITIALIZATIONS.map((id) => initializationDescriptionIn(id, language)).join(' ') }), language);
}

/** Tooltip of the ⊙c placement select: both formulas, and which one is the authors' code. */
function controlPlacementTooltip(language: LanguageId): string {
  const choices = CONTROL_PLACEMENTS.map((id) => `${CONTROL_PLACEMENT_SPECS[id].formula}: ${controlPlacementDescriptionIn(id, language)}`).join(' ');
  return formatMessage(message('placementTooltip', { choices }), language);
}

/**
 * The methods' own options (folded under "Advanced"): AXNet's fusion, P(x) and place of ⊙c, the initialization,
 * iterative's rounds and choose_type, parameter matching.
 */
export function MethodOptions() {
  const t = useT('controls');
  const language = useLanguage();
  const budgetRule = formatMessage(message('methodBudgetRule'), language);
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
      <legend>{t('methods.options')}</legend>
      <p className="muted small" title={budgetRule}>
        {t('methods.budget', { parts: formatStepBudgetGroups(language) })}
      </p>
      <div className="field-grid">
        <label className="field" title={t('methods.fusionTitle')}>
          <span className="field-label">{t('methods.fusion')}</span>
          <select data-testid="config-fusion" value={config.fusion} disabled={!usesAxnet} onChange={(event) => setFusion(event.target.value)}>
            {FUSION_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`methods.${FUSION_KEYS[choice]}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title={t('methods.predictionOutputTitle')}>
          <span className="field-label">{t('methods.predictionOutput')}</span>
          <select data-testid="config-pout" value={config.predictionOutput} disabled={!usesAxnet} onChange={(event) => setPredictionOutput(event.target.value)}>
            {PREDICTION_OUTPUTS.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title={initializationTooltip(language)}>
          <span className="field-label">{t('methods.initialization')}</span>
          <select data-testid="config-init" value={config.initialization} onChange={(event) => setInitialization(event.target.value)}>
            {INITIALIZATIONS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`methods.${INITIALIZATION_KEYS[choice]}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title={controlPlacementTooltip(language)}>
          <span className="field-label">{t('methods.placement')}</span>
          <select data-testid="config-ctrl" value={config.controlPlacement} disabled={!usesAxnet} onChange={(event) => setControlPlacement(event.target.value)}>
            {CONTROL_PLACEMENTS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`methods.${PLACEMENT_KEYS[choice]}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title={t('methods.roundsTitle')}>
          <span className="field-label">{t('methods.rounds')}</span>
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
        <label className="field" title={t('methods.chooseTypeTitle')}>
          <span className="field-label">choose_type</span>
          <select data-testid="config-choose" value={config.chooseType} disabled={!usesIterative} onChange={(event) => setChooseType(Number(event.target.value))}>
            {CHOOSE_TYPES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`methods.${CHOOSE_KEYS[choice]}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small" data-testid="config-faithfulness-note">
        {t('methods.faithfulness')}
      </p>
      <label className="toggle" title={t('methods.matchTitle')}>
        <input type="checkbox" data-testid="config-match" checked={config.matchParameters} onChange={(event) => setMatchParameters(event.target.checked)} />
        <span>{t('methods.match')}</span>
      </label>
    </fieldset>
  );
}
