/**
 * The AxTrain view (an AxTrain config in the store, `ax=<dataset>` in the link): a controls column (data set,
 * methods, epochs, the hardware pas trains for, NTV evaluation runs, seed, Play / Pause / Reset), a status line
 * (backend, epoch per method, steps/s) and the figure panels (./panels). Every control writes the store's AxTrain
 * config, clamped as a link is, and so the link; a change stops the run and keeps its results until Play
 * (src/state/axtrainController.ts), which this view says beside the buttons and above the panels.
 * It loads in a chunk of its own (App.tsx: lazyView), like the Sweep and Paper views.
 */
import { AXTRAIN_LIMITS, AXTRAIN_METHOD_IDS, AXTRAIN_METHOD_LABELS, CLASSIFICATION_DATASET_IDS, type AxtrainConfig, type AxtrainMethodId } from '../../core/axtrain/config';
import { CLASSIFICATION_DATASETS } from '../../core/axtrain/datasets';
import { NTV_VOLTAGE_PRESETS } from '../../core/approx/ntv';
import { getTarget } from '../../core/targets/index';
import { TARGET_IDS } from '../../core/targets/types';
import { pauseAxtrain, playAxtrain, resetAxtrain } from '../../state/axtrainController';
import { describeMethodProgress, selectAxtrainRunning, selectAxtrainStale, type AxtrainNumberField, type AxtrainRun } from '../../state/axtrainSlice';
import { formatTrainingTime } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { AxtrainPanels } from './panels';
import { CommitNumberField } from '../CommitNumberField';
import './axtrain.css';
import { ClassTarget } from '../classroom/ClassTarget';

const STATUS_TEXT = { idle: 'ready', initializing: 'starting…', running: 'training', paused: 'paused', done: 'done', error: 'failed' } as const;

const METHOD_HINTS: Readonly<Record<AxtrainMethodId, string>> = {
  bp: 'Plain back-propagation of E (AxTrain §2.2)',
  act: 'E + γ·S(w): the sensitivity regularizer of eq. 4–5 with the adaptive γ of §3.1.3',
  pas: 'E of the net run on the approximate hardware, with the eq. 12 straight-through estimator (§3.2)',
  actpas: 'AxTrain: act for the epochs, then pas for the pas epochs (§4)',
};

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
  const setDataset = useLabStore((state) => state.setAxtrainDataset);
  return (
    <label className="field">
      <span className="field-label">Data set</span>
      <select data-testid="axtrain-dataset" value={config.dataset} onChange={(event) => setDataset(event.target.value)}>
        <optgroup label="AxTrain classification sets">
          {CLASSIFICATION_DATASET_IDS.map((id) => (
            <option key={id} value={id} title={CLASSIFICATION_DATASETS[id].description}>
              {CLASSIFICATION_DATASETS[id].title}
            </option>
          ))}
        </optgroup>
        <optgroup label="AxBench targets (regression, a lab extension)">
          {TARGET_IDS.map((id) => (
            <option key={id} value={id}>
              {id} — {getTarget(id).title}
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
  return (
    <fieldset className="axtrain-fieldset" data-testid="axtrain-methods">
      <legend>Methods</legend>
      {AXTRAIN_METHOD_IDS.map((method) => {
        const checked = config.methods.includes(method);
        return (
          <label className="toggle" key={method} title={METHOD_HINTS[method]}>
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
  return (
    <fieldset className="axtrain-fieldset" data-testid="axtrain-hardware">
      <legend>Hardware pas trains for</legend>
      <div className="axtrain-radios">
        <label className="toggle">
          <input type="radio" name="axtrain-hardware" value="ntv" data-testid="axtrain-hw-ntv" checked={config.hardware === 'ntv'} onChange={() => setHardware('ntv')} />
          <span>NTV weight memory</span>
        </label>
        <label className="toggle">
          <input type="radio" name="axtrain-hardware" value="drum" data-testid="axtrain-hw-drum" checked={config.hardware === 'drum'} onChange={() => setHardware('drum')} />
          <span>DRUM-k multiplier</span>
        </label>
      </div>
      {config.hardware === 'ntv' ? (
        <label className="field" title="Bit-flip rate of the SRAM at each supply voltage: AxTrain §4, citing Dreslinski et al. [8]">
          <span className="field-label">NTV voltage (bit-flip rate)</span>
          <select data-testid="axtrain-voltage" value={config.ntvVoltageMv} onChange={(event) => setVoltage(Number(event.target.value))}>
            {NTV_VOLTAGE_PRESETS.map((preset) => (
              <option key={preset.voltageMv} value={preset.voltageMv}>
                {preset.voltageMv} mV (p = {preset.flipRate * 100} %)
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label
          className="field"
          title="DRUM keeps the k bits from each operand's leading one and forces the lowest kept bit to 1 (Hashemi et al.); smaller k = cheaper and less exact"
        >
          <span className="field-label">DRUM k (kept bits)</span>
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
  return (
    <div className="axtrain-transport">
      <button
        type="button"
        className={`axtrain-button primary${running ? ' playing' : ''}`}
        data-testid="axtrain-play"
        onClick={running ? pauseAxtrain : playAxtrain}
        disabled={failed}
        title={running ? 'Pause (Space)' : run?.status === 'done' ? 'Play: a new run with these settings' : 'Play (Space)'}
      >
        {running ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="axtrain-button" data-testid="axtrain-reset" onClick={resetAxtrain} title="Reset: stop and clear the results">
        Reset
      </button>
    </div>
  );
}

function AxtrainControls({ config, run }: { config: AxtrainConfig; run: AxtrainRun | null }) {
  return (
    <aside className="panel axtrain-controls" aria-label="AxTrain settings" data-testid="axtrain-controls">
      <h2>AxTrain</h2>
      <p className="muted small axtrain-intro">Nets that stay accurate on approximate hardware (He et al., ISLPED’18): every method on the same data and seed.</p>
      <Transport run={run} />
      <p className="muted small axtrain-policy" data-testid="axtrain-change-policy">
        A settings change stops the run; its results stay until Play trains the new settings.
      </p>
      <DatasetSelect config={config} />
      <MethodChecks config={config} />
      <div className="field-grid">
        <NumberField field="epochs" label="Epochs" testId="axtrain-epochs" hint="Epochs of bp, act and pas; actpas trains act for these, then pas" />
        <NumberField field="pasEpochs" label="pas epochs" testId="axtrain-pas-epochs" hint="AxTrain (act + pas): the epochs of pas after act (§4)" />
      </div>
      <HardwareChoice config={config} />
      <div className="field-grid">
        <NumberField field="evalRuns" label="NTV eval runs" testId="axtrain-runs" hint="Flip masks per NTV voltage in the final evaluation (the paper: 50)" />
        <NumberField field="seed" label="Seed" testId="axtrain-seed" hint="Seeds the split, the initialisation, the batches and the masks: same seed ⇒ same numbers" />
      </div>
      <details className="axtrain-advanced" data-testid="axtrain-advanced">
        <summary>Advanced: optimizer, γ and the straight-through estimator</summary>
        <div className="field-grid">
          <NumberField field="learningRate" label="Learning rate" testId="axtrain-lr" hint="Adam's step size for every method" decimal />
          <NumberField field="batchSize" label="Batch" testId="axtrain-batch" hint="Rows per step; an epoch is ⌈train rows / batch⌉ steps" />
          <NumberField field="gamma0" label="γ0" testId="axtrain-gamma0" hint="γ at the start (§3.1.3; the paper gives none: lab default 0)" decimal />
          <NumberField field="deltaGammaScale" label="Δγ scale" testId="axtrain-dgamma" hint="Δγ = scale · Ē/S̄ of the first epoch (the paper gives no Δγ)" decimal />
          <NumberField
            field="gammaBound"
            label="D (γ bound)"
            testId="axtrain-gamma-bound"
            hint="γ rises while the epoch's E is below D or below its weighted past (§3.1.3)"
            decimal
          />
          <NumberField
            field="steThreshold"
            label="STE threshold"
            testId="axtrain-ste"
            hint="Eq. 12: the gradient passes where |dy| < threshold (the paper: 1); 0 passes every gradient unmasked"
            decimal
          />
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
  if (!run) {
    return (
      <p className="axtrain-status" data-testid="axtrain-status" data-status="idle">
        <strong>{STATUS_TEXT.idle}</strong> · press Play to train every chosen method; their curves grow together, epoch by epoch.
      </p>
    );
  }
  const chosen = run.backendReport.find((attempt) => attempt.ok);
  return (
    <div className="axtrain-status" data-testid="axtrain-status" data-status={run.status}>
      <p className="axtrain-status-line">
        <strong>{STATUS_TEXT[run.status]}</strong>
        <span data-testid="axtrain-backend" title={chosen?.reason}>
          {' · backend '}
          {run.backend ?? '…'}
        </span>
        {run.status === 'running' && run.stepsPerSecond > 0 ? ` · ${formatRate(run.stepsPerSecond)} steps/s (all methods)` : ''}
        {` · ${formatTrainingTime(run.trainingMs)} training`}
        {run.description ? <span className="muted"> · {run.description}</span> : null}
      </p>
      <ul className="axtrain-progress" aria-label="Progress per method">
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
            <span className="axtrain-progress-epoch">{describeMethodProgress(snapshot, run.config)}</span>
            {showsPhase(snapshot) ? <span className="muted"> · {snapshot.phase}</span> : null}
            <progress max={Math.max(1, snapshot.totalSteps)} value={snapshot.step} aria-label={`${AXTRAIN_METHOD_LABELS[snapshot.method]} progress`} />
          </li>
        ))}
      </ul>
      {run.message ? (
        <p className="axtrain-problem" role="alert">
          {run.message}
        </p>
      ) : null}
    </div>
  );
}

/** Why the results on screen are not (or no longer) a live run of the settings on the left. */
function StaleNote({ run, stale }: { run: AxtrainRun | null; stale: boolean }) {
  if (!run || (!stale && !run.interrupted)) return null;
  const text = stale
    ? 'The settings changed: the results below are from the earlier settings, and the run was stopped. Press Play to train the new settings.'
    : 'A settings change stopped this run; its results stay. Press Play to train again from epoch 0.';
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
  if (!config) return null;
  return (
    <div className="axtrain-layout" data-testid="axtrain-view">
      <ClassTarget id="axtrain-controls">
        <AxtrainControls config={config} run={run} />
      </ClassTarget>
      <div className="axtrain-main">
        <section className="panel axtrain-run" aria-label="AxTrain run">
          <AxtrainStatus run={run} />
          <StaleNote run={run} stale={stale} />
        </section>
        <AxtrainPanels config={run?.config ?? config} snapshots={run?.snapshots ?? []} running={running} />
      </div>
    </div>
  );
}
