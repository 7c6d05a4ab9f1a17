/**
 * The AxTrain view (an AxTrain config in the store, `ax=<dataset>` in the link): a controls column (data set,
 * methods, epochs, the hardware pas trains for, NTV evaluation runs, seed, Play / Pause / Reset), a status line
 * (backend, epoch per method, steps/s) and the figure panels (./panels). Every control writes the store's AxTrain
 * config, clamped as a link is, and so the link; a change stops the run and keeps its results until Play
 * (src/state/axtrainController.ts), which this view says beside the buttons and above the panels.
 * It loads in a chunk of its own (App.tsx: lazyView), like the Sweep and Paper views.
 */
import { RunFailureLine } from '../RunFailureLine';
import { AXTRAIN_LIMITS, AXTRAIN_METHOD_IDS, AXTRAIN_METHOD_LABELS, CLASSIFICATION_DATASET_IDS, type AxtrainConfig } from '../../core/axtrain/config';
import { NTV_VOLTAGE_PRESETS } from '../../core/approx/ntv';
import { getTarget } from '../../core/targets/index';
import { TARGET_IDS } from '../../core/targets/types';
import { pauseAxtrain, playAxtrain, resetAxtrain } from '../../state/axtrainController';
import { selectAxtrainRunning, selectAxtrainStale, type AxtrainNumberField, type AxtrainRun } from '../../state/axtrainSlice';
import { formatTrainingTime } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { AxtrainPanels } from './panels';
import { CommitNumberField } from '../CommitNumberField';
import './axtrain.css';
import { ClassTarget } from '../classroom/ClassTarget';
import { registerCatalog, useT } from '../i18n';
import { axtrain } from '../i18n/locales/axtrain';
import { describeAxtrainData, describeAxtrainPhase, useDescribeProgress } from './progressText';

// This view's texts in both languages: not part of the first paint (src/ui/i18n/locales/en.ts LazyNamespace).
registerCatalog('axtrain', axtrain);

interface NumberFieldProps {
  field: AxtrainNumberField;
  label: string;
  testId: string;
  hint?: string;
  /** A decimal field (learning rate, γ settings): any step, decimal keyboard. Default: whole numbers. */
  decimal?: boolean;
}

/** An AxTrain number (clamped into AXTRAIN_LIMITS by the store). */
function NumberField({ field, label, testId, hint, decimal = false }: NumberFieldProps) {
  const value = useLabStore((state) => state.axtrain?.[field] ?? 0);
  const setNumber = useLabStore((state) => state.setAxtrainNumber);
  const { min, max } = AXTRAIN_LIMITS[field];
  const commit = (text: string) => {
    setNumber(field, Number(text));
    return String(useLabStore.getState().axtrain?.[field] ?? value);
  };
  return <CommitNumberField value={String(value)} commit={commit} label={label} testId={testId} hint={hint} min={min} max={max} integer={!decimal} />;
}

function DatasetSelect({ config }: { config: AxtrainConfig }) {
  const t = useT('axtrain');
  const setDataset = useLabStore((state) => state.setAxtrainDataset);
  return (
    <label className="field">
      <span className="field-label">{t('view.dataset')}</span>
      <select data-testid="axtrain-dataset" value={config.dataset} onChange={(event) => setDataset(event.target.value)}>
        <optgroup label={t('view.classificationSets')}>
          {CLASSIFICATION_DATASET_IDS.map((id) => (
            <option key={id} value={id} title={t(`datasets.${id}.description`)}>
              {t(`datasets.${id}.title`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('view.regressionTargets')}>
          {TARGET_IDS.map((id) => (
            <option key={id} value={id}>
              {id} — {t(`targets.${id}`, { defaultValue: getTarget(id).title })}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

function MethodChecks({ config }: { config: AxtrainConfig }) {
  const toggle = useLabStore((state) => state.toggleAxtrainMethod);
  const only = config.methods.length === 1;
  const t = useT('axtrain');
  return (
    <fieldset className="axtrain-fieldset" data-testid="axtrain-methods">
      <legend>{t('view.methods')}</legend>
      {AXTRAIN_METHOD_IDS.map((method) => {
        const checked = config.methods.includes(method);
        return (
          <label className="toggle" key={method} title={t(`methodHints.${method}`)}>
            <input
              type="checkbox"
              data-testid={`axtrain-method-${method}`}
              checked={checked}
              disabled={checked && only}
              onChange={(event) => toggle(method, event.target.checked)}
            />
            <span>{AXTRAIN_METHOD_LABELS[method]}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** The hardware pas (and actpas's pas epochs) trains against; evaluation always covers every setting. */
function HardwareChoice({ config }: { config: AxtrainConfig }) {
  const setHardware = useLabStore((state) => state.setAxtrainHardware);
  const setVoltage = useLabStore((state) => state.setAxtrainVoltage);
  const setNumber = useLabStore((state) => state.setAxtrainNumber);
  const t = useT('axtrain');
  return (
    <fieldset className="axtrain-fieldset" data-testid="axtrain-hardware">
      <legend>{t('view.hardware')}</legend>
      <div className="axtrain-radios">
        <label className="toggle">
          <input type="radio" name="axtrain-hardware" value="ntv" data-testid="axtrain-hw-ntv" checked={config.hardware === 'ntv'} onChange={() => setHardware('ntv')} />
          <span>{t('view.ntvMemory')}</span>
        </label>
        <label className="toggle">
          <input type="radio" name="axtrain-hardware" value="drum" data-testid="axtrain-hw-drum" checked={config.hardware === 'drum'} onChange={() => setHardware('drum')} />
          <span>{t('view.drumMultiplier')}</span>
        </label>
      </div>
      {config.hardware === 'ntv' ? (
        <label className="field" title={t('view.voltageHint')}>
          <span className="field-label">{t('view.voltage')}</span>
          <select data-testid="axtrain-voltage" value={config.ntvVoltageMv} onChange={(event) => setVoltage(Number(event.target.value))}>
            {NTV_VOLTAGE_PRESETS.map((preset) => (
              <option key={preset.voltageMv} value={preset.voltageMv}>
                {preset.voltageMv} mV (p = {preset.flipRate * 100} %)
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="field" title={t('view.drumHint')}>
          <span className="field-label">{t('view.drumK')}</span>
          <select data-testid="axtrain-drum-k" value={config.drumK} onChange={(event) => setNumber('drumK', Number(event.target.value))}>
            {Array.from({ length: AXTRAIN_LIMITS.drumK.max - AXTRAIN_LIMITS.drumK.min + 1 }, (_, i) => AXTRAIN_LIMITS.drumK.min + i).map((k) => (
              <option key={k} value={k}>
                k = {k}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}

function Transport({ run }: { run: AxtrainRun | null }) {
  const running = useLabStore(selectAxtrainRunning);
  const failed = run?.status === 'error';
  const t = useT('axtrain');
  return (
    <div className="axtrain-transport">
      <button
        type="button"
        className={`axtrain-button primary${running ? ' playing' : ''}`}
        data-testid="axtrain-play"
        onClick={running ? pauseAxtrain : playAxtrain}
        disabled={failed}
        title={running ? t('view.pauseTitle') : run?.status === 'done' ? t('view.playAgainTitle') : t('view.playTitle')}
      >
        {running ? t('view.pause') : t('view.play')}
      </button>
      <button type="button" className="axtrain-button" data-testid="axtrain-reset" onClick={resetAxtrain} title={t('view.resetTitle')}>
        {t('view.reset')}
      </button>
    </div>
  );
}

function AxtrainControls({ config, run }: { config: AxtrainConfig; run: AxtrainRun | null }) {
  const t = useT('axtrain');
  return (
    <aside className="panel axtrain-controls" aria-label={t('view.settings')} data-testid="axtrain-controls">
      <h2>AxTrain</h2>
      <p className="muted small axtrain-intro">{t('view.intro')}</p>
      <Transport run={run} />
      <p className="muted small axtrain-policy" data-testid="axtrain-change-policy">
        {t('view.changePolicy')}
      </p>
      <DatasetSelect config={config} />
      <MethodChecks config={config} />
      <div className="field-grid">
        <NumberField field="epochs" label={t('view.epochs')} testId="axtrain-epochs" hint={t('view.epochsHint')} />
        <NumberField field="pasEpochs" label={t('view.pasEpochs')} testId="axtrain-pas-epochs" hint={t('view.pasEpochsHint')} />
      </div>
      <HardwareChoice config={config} />
      <div className="field-grid">
        <NumberField field="evalRuns" label={t('view.evalRuns')} testId="axtrain-runs" hint={t('view.evalRunsHint')} />
        <NumberField field="seed" label={t('view.seed')} testId="axtrain-seed" hint={t('view.seedHint')} />
      </div>
      <details className="axtrain-advanced" data-testid="axtrain-advanced">
        <summary>{t('view.advanced')}</summary>
        <div className="field-grid">
          <NumberField field="learningRate" label={t('view.learningRate')} testId="axtrain-lr" hint={t('view.learningRateHint')} decimal />
          <NumberField field="batchSize" label={t('view.batch')} testId="axtrain-batch" hint={t('view.batchHint')} />
          <NumberField field="gamma0" label="γ0" testId="axtrain-gamma0" hint={t('view.gamma0Hint')} decimal />
          <NumberField field="deltaGammaScale" label={t('view.deltaGamma')} testId="axtrain-dgamma" hint={t('view.deltaGammaHint')} decimal />
          <NumberField field="gammaBound" label={t('view.gammaBound')} testId="axtrain-gamma-bound" hint={t('view.gammaBoundHint')} decimal />
          <NumberField field="steThreshold" label={t('view.ste')} testId="axtrain-ste" hint={t('view.steHint')} decimal />
        </div>
      </details>
    </aside>
  );
}

/** actpas names its part (act, then pas); every method names its scoring once it has trained. */
function showsPhase(snapshot: AxtrainRun['snapshots'][number]): boolean {
  if (!snapshot.phase || snapshot.hardware || snapshot.totalSteps === 0) return false;
  return snapshot.method === 'actpas' || snapshot.step >= snapshot.totalSteps || snapshot.diverged !== null;
}

function formatRate(rate: number): string {
  return rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toPrecision(2);
}

function AxtrainStatus({ run }: { run: AxtrainRun | null }) {
  const t = useT('axtrain');
  const describeProgress = useDescribeProgress();
  if (!run) {
    return (
      <p className="axtrain-status" data-testid="axtrain-status" data-status="idle">
        <strong>{t('status.idle')}</strong> · {t('status.idleHint')}
      </p>
    );
  }
  const chosen = run.backendReport.find((attempt) => attempt.ok);
  return (
    <div className="axtrain-status" data-testid="axtrain-status" data-status={run.status}>
      <p className="axtrain-status-line">
        <strong>{t(`status.${run.status}`)}</strong>
        <span data-testid="axtrain-backend" title={chosen?.reason}>
          {` · ${t('status.backend')} `}
          {run.backend ?? '…'}
        </span>
        {run.status === 'running' && run.stepsPerSecond > 0 ? ` · ${t('status.rate', { rate: formatRate(run.stepsPerSecond) })}` : ''}
        {` · ${t('status.trainingTime', { time: formatTrainingTime(run.trainingMs) })}`}
        {run.description ? <span className="muted"> · {describeAxtrainData(run.description, t)}</span> : null}
      </p>
      <ul className="axtrain-progress" aria-label={t('status.progressPerMethod')}>
        {run.snapshots.map((snapshot) => (
          <li
            key={snapshot.method}
            data-testid={`axtrain-progress-${snapshot.method}`}
            data-step={snapshot.step}
            data-total={snapshot.totalSteps}
            data-finished={snapshot.hardware ? 'true' : 'false'}
            className={snapshot.diverged ? 'axtrain-diverged' : undefined}
          >
            <span className="axtrain-progress-name">{AXTRAIN_METHOD_LABELS[snapshot.method]}</span>{' '}
            <span className="axtrain-progress-epoch">{describeProgress(snapshot, run.config)}</span>
            {showsPhase(snapshot) ? <span className="muted"> · {describeAxtrainPhase(snapshot.phase, t)}</span> : null}
            <progress max={Math.max(1, snapshot.totalSteps)} value={snapshot.step} aria-label={t('status.methodProgress', { method: AXTRAIN_METHOD_LABELS[snapshot.method] })} />
          </li>
        ))}
      </ul>
      <RunFailureLine message={run.message} localized={run.localizedMessage} />
    </div>
  );
}

/** Why the results on screen are not (or no longer) a live run of the settings on the left. */
function StaleNote({ run, stale }: { run: AxtrainRun | null; stale: boolean }) {
  const t = useT('axtrain');
  if (!run || (!stale && !run.interrupted)) return null;
  const text = stale ? t('status.stale') : t('status.interrupted');
  return (
    <p className="axtrain-stale" data-testid="axtrain-stale" role="status">
      {text}
    </p>
  );
}

export function AxtrainView() {
  const config = useLabStore((state) => state.axtrain);
  const run = useLabStore((state) => state.axtrainRun);
  const stale = useLabStore(selectAxtrainStale);
  const running = useLabStore(selectAxtrainRunning);
  const t = useT('axtrain');
  if (!config) return null;
  return (
    <div className="axtrain-layout" data-testid="axtrain-view">
      <ClassTarget id="axtrain-controls">
        <AxtrainControls config={config} run={run} />
      </ClassTarget>
      <div className="axtrain-main">
        <section className="panel axtrain-run" aria-label={t('status.run')}>
          <AxtrainStatus run={run} />
          <StaleNote run={run} stale={stale} />
        </section>
        <AxtrainPanels config={run?.config ?? config} snapshots={run?.snapshots ?? []} running={running} />
      </div>
    </div>
  );
}
