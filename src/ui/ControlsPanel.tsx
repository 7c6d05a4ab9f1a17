/** The config form: every control writes the config slice (clamped); runChange.ts decides what that does to the run. */
import { BACKEND_CHOICES, CONFIG_LIMITS } from '../core/config';
import { listTargets, resolveTarget } from '../core/targets/index';
import { formatTopology, selectConfig } from '../state/selectors';
import { useLabStore } from '../state/store';
import { MethodList, MethodOptions } from './compare/MethodControls';
import { RunChangePrompt } from './Notice';
import { SweepControls } from './sweep/SweepControls';
import { CommitNumberField } from './CommitNumberField';
import { ClassTarget } from './classroom/ClassTarget';
import { CustomFunctionEditor } from './CustomFunctionEditor';
import { CUSTOM_TARGET_ID } from '../core/targets/types';
import { getExpressionParser, loadExpressionParser } from '../core/targets/expressionParser';
import { boundPresetSourceIn, errorMetricIn, targetDescriptionIn, targetTitleIn } from '../core/targets/targetTextZh';
import { useLanguage, useT } from './i18n';

type NumericField = 'learningRate' | 'batchSize' | 'errorBound' | 'seed' | 'steps' | 'trainSize' | 'testSize' | 'evalEvery';

interface NumberFieldProps {
  field: NumericField;
  label: string;
  testId: string;
  step?: string;
  hint?: string;
}

/** A config number (clamped by the store's setNumber). */
function NumberField({ field, label, testId, step, hint }: NumberFieldProps) {
  const value = useLabStore((state) => state.config[field]);
  const setNumber = useLabStore((state) => state.setNumber);
  const commit = (text: string) => {
    setNumber(field, Number(text));
    return String(useLabStore.getState().config[field]);
  };
  return <CommitNumberField value={String(value)} commit={commit} label={label} testId={testId} step={step} hint={hint} />;
}

interface LayersEditorProps {
  net: 'approximatorHidden' | 'predictorHidden';
  title: string;
}

/** Playground-style editor: add/remove hidden layers, +/− neurons per layer. */
function LayersEditor({ net, title }: LayersEditorProps) {
  const t = useT('controls');
  const widths = useLabStore((state) => state.config[net]);
  const setHidden = useLabStore((state) => state.setHidden);
  const { hiddenLayers, hiddenWidth } = CONFIG_LIMITS;
  const change = (index: number, delta: number) =>
    setHidden(
      net,
      widths.map((w, k) => (k === index ? w + delta : w)),
    );
  return (
    <fieldset className="layers-editor">
      <legend>
        {title}
        <span className="layer-buttons">
          <button
            type="button"
            className="mini"
            aria-label={t('addLayerLabel', { net: title.toLowerCase() })}
            disabled={widths.length >= hiddenLayers.max}
            onClick={() => setHidden(net, [...widths, widths[widths.length - 1] ?? 4])}
          >
            {t('addLayer')}
          </button>
          <button
            type="button"
            className="mini"
            aria-label={t('removeLayerLabel', { net: title.toLowerCase() })}
            disabled={widths.length <= hiddenLayers.min}
            onClick={() => setHidden(net, widths.slice(0, -1))}
          >
            {t('removeLayer')}
          </button>
        </span>
      </legend>
      <div className="layer-columns">
        {widths.map((width, index) => (
          <div className="layer-column" key={index}>
            <button type="button" className="mini" aria-label={t('moreNeurons', { layer: index + 1 })} disabled={width >= hiddenWidth.max} onClick={() => change(index, 1)}>
              +
            </button>
            <span className="layer-width" data-testid={`${net === 'approximatorHidden' ? 'approx' : 'pred'}-width-${index}`}>
              {width}
            </span>
            <button type="button" className="mini" aria-label={t('fewerNeurons', { layer: index + 1 })} disabled={width <= hiddenWidth.min} onClick={() => change(index, -1)}>
              −
            </button>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The sidebar, in three groups so that it fits a 720-px-high screen: the essentials of a run first
 * (target, bound, learning rate, steps, methods), then the topology, then everything else folded
 * into "Advanced". It scrolls on its own (styles.css: .controls), so tabbing inside it never
 * scrolls the page.
 */
export function ControlsPanel() {
  const t = useT('controls');
  const language = useLanguage();
  const config = useLabStore(selectConfig);
  const setTarget = useLabStore((state) => state.setTarget);
  const setBackend = useLabStore((state) => state.setBackend);
  const setTrainLone = useLabStore((state) => state.setTrainLone);
  const setNumber = useLabStore((state) => state.setNumber);
  const target = resolveTarget(config);
  // The custom target's function needs mathjs' parser (loaded on demand, expressionParser.ts) before it enters the store.
  const chooseTarget = (id: string) => {
    if (id === CUSTOM_TARGET_ID && getExpressionParser() === null)
      void loadExpressionParser().then(
        () => setTarget(id),
        () => undefined,
      ); // not loaded (offline, no cache): the target stays
    else setTarget(id);
  };

  return (
    <aside className="panel controls" aria-label={t('label')} data-testid="controls">
      <RunChangePrompt />
      <section className="control-group" aria-labelledby="group-run">
        <h2 id="group-run">{t('run')}</h2>
        <ClassTarget id="target">
          <label className="field" title={targetDescriptionIn(target, language, config.customFunction.ranges)}>
            <span className="field-label">{t('target')}</span>
            <select data-testid="config-target" value={config.target} onChange={(event) => chooseTarget(event.target.value)}>
              {listTargets().map((spec) => (
                <option key={spec.id} value={spec.id} title={targetDescriptionIn(spec, language)}>
                  {spec.id} — {targetTitleIn(spec, language)}
                </option>
              ))}
              <option value={CUSTOM_TARGET_ID} title={t('customOptionTitle')}>
                {CUSTOM_TARGET_ID} — {t('customOption')}
              </option>
            </select>
          </label>
          {config.target === CUSTOM_TARGET_ID ? <CustomFunctionEditor /> : null}
        </ClassTarget>
        <ClassTarget id="bound">
          <NumberField field="errorBound" label={t('errorBound', { metric: errorMetricIn(target.errorMetric, language) })} testId="config-bound" hint={t('errorBoundHint')} />
          <div className="presets" role="group" aria-label={t('boundPresets')}>
            {target.boundPresets.map((preset) => (
              <button
                type="button"
                key={`${preset.value}-${preset.source}`}
                className={`chip${preset.value === config.errorBound ? ' active' : ''}`}
                aria-pressed={preset.value === config.errorBound}
                title={t('presetSource', { source: boundPresetSourceIn(preset.source, language) })}
                onClick={() => setNumber('errorBound', preset.value)}
              >
                {preset.value}
              </button>
            ))}
          </div>
        </ClassTarget>
        <div className="field-grid">
          <ClassTarget id="lr">
            <NumberField field="learningRate" label={t('learningRate')} testId="config-lr" hint={t('learningRateHint')} />
          </ClassTarget>
          <ClassTarget id="steps">
            <NumberField field="steps" label={t('steps')} testId="config-steps" step="1" />
          </ClassTarget>
        </div>
        <ClassTarget id="methods">
          <MethodList />
        </ClassTarget>
      </section>

      <ClassTarget id="topology">
        <section className="control-group" aria-labelledby="group-topology">
          <h2 id="group-topology">{t('topology')}</h2>
          <LayersEditor net="approximatorHidden" title={t('approximator')} />
          <LayersEditor net="predictorHidden" title={t('predictor')} />
          <p className="topology" data-testid="topology" title={t('topologyTitle')}>
            {formatTopology(config, target.inputDim, target.outputDim)}
          </p>
        </section>
      </ClassTarget>

      <ClassTarget id="sweep-controls">
        <SweepControls />
      </ClassTarget>

      <ClassTarget id="advanced">
        <details className="control-group advanced" data-testid="advanced-settings">
          <summary data-testid="advanced-toggle">{t('advanced')}</summary>
          <div className="advanced-body">
            <div className="field-grid">
              <NumberField field="batchSize" label={t('batchSize')} testId="config-batch" step="1" />
              <ClassTarget id="seed">
                <NumberField field="seed" label={t('seed')} testId="config-seed" step="1" hint={t('seedHint')} />
              </ClassTarget>
              <NumberField field="trainSize" label={t('trainSize')} testId="config-train-size" step="1" />
              <NumberField field="testSize" label={t('testSize')} testId="config-test-size" step="1" />
              <NumberField field="evalEvery" label={t('evalEvery')} testId="config-eval" step="1" hint={t('evalEveryHint')} />
            </div>
            <ClassTarget id="backend">
              <label className="field">
                <span className="field-label">{t('backend')}</span>
                <select data-testid="config-backend" value={config.backend} onChange={(event) => setBackend(event.target.value)}>
                  {BACKEND_CHOICES.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice === 'auto' ? t('backendAuto') : choice}
                    </option>
                  ))}
                </select>
              </label>
            </ClassTarget>
            <label className="toggle">
              <input type="checkbox" data-testid="config-lone" checked={config.trainLone} onChange={(event) => setTrainLone(event.target.checked)} />
              <span>{t('trainLone')}</span>
            </label>
            <MethodOptions />
          </div>
        </details>
      </ClassTarget>
    </aside>
  );
}
