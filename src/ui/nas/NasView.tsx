/**
 * The NAS view (a NAS config in the store, `nas=<target>` in the link): a search of the approximator's topology
 * (Chen et al., DATE'20) by SMAC beside random search and the MICRO'12 enumeration at one budget. A controls
 * column (target, budget, steps, weights, bound group, batch, seed; SMAC's knobs folded), a status line, and the
 * figures: the live Pareto scatter with the constraint lines and the three online picks (Table 1, eq. 6), whose
 * θ slider and constraints move the picks at once (selection settings never restart the run), the histories, the
 * parallel coordinates, the surrogate's importance and Table 3's timing. A candidate opens in the lab and the NPU
 * view. Every control writes the link, validated as a link is (src/state/nasSlice.ts).
 */
import { RunFailureLine } from '../RunFailureLine';
import { downloadText } from '../exports/download';
import { useDeferredValue, useMemo, useState } from 'react';
import {
  NAS_CONFIG_LIMITS,
  NAS_METHODS,
  NAS_TABLE2_BOUNDS,
  NAS_WEIGHT_CHOICES,
  hasNasPredictor,
  nasAccuracyLabel,
  resolveNasErrorBound,
  resolveNasWeights,
  type NasRunConfig,
} from '../../core/nas/config';
import {
  buildRunJson,
  computeFront,
  computeHistories,
  computePicks,
  computeRoundTimings,
  isFeasible,
  readAccuracy,
  recordsOf,
  summarizeSearches,
  formatRecordsCsv,
  type NasConstraints,
  type NasSplit,
} from '../../core/nas/analysis';
import { NAS_NORMALIZATIONS, NAS_NORMALIZATION_NOTES, NAS_WEIGHT_PRESETS } from '../../core/nas/objective';
import { NAS_SEARCH_IDS, type NasRecord, type NasSearchId } from '../../core/nas/run';
import { NAS_SELECTION_MODES } from '../../core/nas/select';
import { DEFAULT_NAS_PREDICTOR_SPACE, countConfigurations, createNasSpace } from '../../core/nas/space';
import { NAS_ACTIVATIONS } from '../../core/nas/types';
import { TARGET_IDS } from '../../core/targets/types';
import { joinProblems } from '../../core/link';
import { formatMessage } from '../../core/messages';
import { pauseNas, playNas, resetNas } from '../../state/nasController';
import { selectNasRunning, selectNasStale, type NasRun } from '../../state/nasSlice';
import { useLabStore } from '../../state/store';
import {
  HistoryCharts,
  ImportanceBars,
  ParallelCoordinates,
  ParetoScatter,
  TimingTable,
  formatNasActivation,
  formatNasConfig,
  formatNasFeatureNames,
  formatNasPickReason,
  type NasT,
} from './NasFigures';
import { CommitNumberField } from '../CommitNumberField';
import '../axtrain/axtrain.css';
import '../axtrain/panels/axtrainPanels.css';
import './nas.css';
import { ClassTarget } from '../classroom/ClassTarget';
import { ExportMenu, ExportScope } from '../exports/ExportMenu';
import { registerCatalog, formatNumber, useLanguage, useT } from '../i18n';
import { nas } from '../i18n/locales/nas';
import { axtrain } from '../i18n/locales/axtrain';
import { npu } from '../i18n/locales/npu';

// This view's texts in both languages: not part of the first paint (src/ui/i18n/locales/en.ts LazyNamespace).
registerCatalog('nas', nas);
registerCatalog('axtrain', axtrain);
registerCatalog('npu', npu);

const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)}%`);
const times = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}×`);

/** Where the run's bound comes from (resolveNasErrorBound's source, in the catalog's words; its registry notes by id). */
function describeBoundSource(config: NasRunConfig, t: NasT): string {
  if (config.target === 'jmeint') return t('boundText.jmeint');
  const row = NAS_TABLE2_BOUNDS[config.target];
  if (config.boundGroup === 'custom' || !row) return t('boundText.custom');
  const status = t(`statusWords.${row.status === 'paper' ? 'paperFact' : 'interpretation'}`);
  const note =
    row.note === undefined ? '' : row.note.startsWith('not in Table 2') ? t('boundText.labBound') : row.note.startsWith('Table 2 calls fft') ? t('boundText.fftNote') : row.note;
  return `${t('boundText.table2', { group: config.boundGroup, status })}${note ? `; ${note}` : ''}`;
}

/** A NAS number, read through the link's field table (clamped as a link is; a clamp says so in a notice). */
function Field({ field, label, testId, hint, step = 'any' }: { field: keyof NasRunConfig; label: string; testId: string; hint?: string; step?: string }) {
  const value = useLabStore((state) => (state.nas ? String(state.nas[field]) : ''));
  const setField = useLabStore((state) => state.setNasField);
  const showNotice = useLabStore((state) => state.showNotice);
  const commit = (text: string) => {
    const problems = setField(field, text);
    const shown = joinProblems(problems);
    if (shown !== '') showNotice({ kind: 'link', text: formatMessage(shown, 'en'), message: shown });
    return String(useLabStore.getState().nas?.[field] ?? value);
  };
  return <CommitNumberField value={value} commit={commit} label={label} testId={testId} hint={hint} step={step} integer={step === '1'} />;
}

function Select({
  field,
  label,
  testId,
  options,
  hint,
}: {
  field: keyof NasRunConfig;
  label: string;
  testId: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
}) {
  const value = useLabStore((state) => (state.nas ? String(state.nas[field]) : ''));
  const setField = useLabStore((state) => state.setNasField);
  return (
    <label className="field" title={hint}>
      <span className="field-label">{label}</span>
      <select data-testid={testId} value={value} onChange={(event) => setField(field, event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Controls({ config, run }: { config: NasRunConfig; run: NasRun | null }) {
  const t = useT('nas');
  const tAxtrain = useT('axtrain');
  const language = useLanguage();
  const running = useLabStore(selectNasRunning);
  const setField = useLabStore((state) => state.setNasField);
  const bound = resolveNasErrorBound(config);
  const table2 = NAS_TABLE2_BOUNDS[config.target];
  const weights = resolveNasWeights(config);
  const twoNets = hasNasPredictor(config.method);
  // The session's space (src/ml/nas/session.ts resolveNasSessionSettings): with the predictor for AXNet-NAS.
  const space = createNasSpace({ maxWidth: config.maxWidth, sharedActivation: config.sharedActivation, predictor: twoNets ? DEFAULT_NAS_PREDICTOR_SPACE : null });
  return (
    <aside className="panel axtrain-controls" aria-label={t('view.settings')} data-testid="nas-controls">
      <h2>NAS</h2>
      <p className="muted small axtrain-intro">{t('view.intro')}</p>
      <div className="axtrain-transport">
        <button
          type="button"
          className={`axtrain-button primary${running ? ' playing' : ''}`}
          data-testid="nas-play"
          onClick={running ? pauseNas : playNas}
          disabled={run?.status === 'error'}
        >
          {running ? t('view.pause') : t('view.play')}
        </button>
        <button type="button" className="axtrain-button" data-testid="nas-reset" onClick={resetNas}>
          {t('view.reset')}
        </button>
      </div>
      <label className="field">
        <span className="field-label">{t('view.benchmark')}</span>
        <select data-testid="nas-target" value={config.target} onChange={(event) => setField('target', event.target.value)}>
          {TARGET_IDS.map((id) => (
            <option key={id} value={id}>
              {id} — {tAxtrain(`targets.${id}`)}
            </option>
          ))}
        </select>
      </label>
      <Select field="method" label={t('view.search')} testId="nas-method" options={NAS_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))} hint={t('view.searchHint')} />
      {twoNets ? (
        <p className="small muted" data-testid="nas-method-note">
          {t('view.methodNote', { layers: DEFAULT_NAS_PREDICTOR_SPACE.maxHiddenLayers, width: DEFAULT_NAS_PREDICTOR_SPACE.maxWidth, method: config.method })}
        </p>
      ) : null}
      <div className="field-grid">
        <Field field="budget" label={t('view.budget')} testId="nas-budget" step="1" hint={t('view.budgetHint')} />
        <Field field="stepsPerCandidate" label={t('view.steps')} testId="nas-steps" step="1" hint={t('view.stepsHint')} />
      </div>
      <Select
        field="weights"
        label={t('view.weights')}
        testId="nas-weights"
        options={NAS_WEIGHT_CHOICES.map((id) => ({
          value: id,
          label: id === 'custom' ? t('view.customWeights') : `${t(`presets.${id}`)} (${NAS_WEIGHT_PRESETS[id].source})`,
        }))}
      />
      {config.weights === 'custom' ? (
        <div className="field-grid three">
          <Field field="alpha" label="α" testId="nas-alpha" />
          <Field field="beta" label="β" testId="nas-beta" />
          <Field field="eps" label="ε" testId="nas-eps" />
        </div>
      ) : (
        <p className="small muted" data-testid="nas-weights-values">
          α {weights.alpha} · β {weights.beta} · ε {weights.eps}
        </p>
      )}
      <Select
        field="boundGroup"
        label={t('view.bound')}
        testId="nas-bound-group"
        options={[
          { value: '1', label: `${t('view.group', { n: 1 })}${table2 ? ` (${table2.group1})` : ''}` },
          { value: '2', label: `${t('view.group', { n: 2 })}${table2 ? ` (${table2.group2})` : ''}` },
          { value: 'custom', label: t('view.custom') },
        ]}
      />
      {config.boundGroup === 'custom' ? <Field field="errorBound" label={t('view.boundField')} testId="nas-bound" /> : null}
      <p className="small muted" data-testid="nas-bound-source">
        {t('view.boundSource', { bound: bound.bound ?? t('view.none'), source: language === 'en' ? bound.source : describeBoundSource(config, t) })}
      </p>
      <div className="field-grid">
        <Field field="batch" label={t('view.batch')} testId="nas-batch" step="1" hint={t('view.batchHint')} />
        <Field field="seed" label={t('view.seed')} testId="nas-seed" step="1" hint={t('view.seedHint')} />
      </div>
      <details className="axtrain-advanced" data-testid="nas-advanced">
        <summary>{t('view.advanced')}</summary>
        <div className="field-grid">
          <Field field="maxWidth" label={t('view.maxWidth')} testId="nas-max-width" step="1" />
          <Field field="challengers" label={t('view.challengers')} testId="nas-challengers" step="1" hint={t('view.challengersHint')} />
          <Field field="initFraction" label={t('view.init')} testId="nas-init" hint={t('view.initHint')} />
          <Field field="interleave" label={t('view.interleave')} testId="nas-interleave" hint={t('view.interleaveHint')} />
        </div>
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="nas-shared"
            checked={config.sharedActivation}
            disabled={twoNets}
            onChange={(event) => setField('sharedActivation', event.target.checked ? '1' : '0')}
          />
          <span>{t('view.shared')}</span>
        </label>
        {twoNets ? (
          <p className="small muted">{t('view.enumNote')}</p>
        ) : (
          <Select
            field="enumerationActivation"
            label={t('view.enumAct')}
            testId="nas-enum-act"
            options={NAS_ACTIVATIONS.map((a) => ({ value: a, label: a === 'sigmoid' ? t('view.sigmoidNote') : formatNasActivation(a, language) }))}
          />
        )}
        <Select
          field="normalization"
          label="P_speed, P_energy"
          testId="nas-norm"
          options={NAS_NORMALIZATIONS.map((n) => ({
            value: n,
            label: `${t(`normalizations.${n}`)} (${language === 'en' ? NAS_NORMALIZATION_NOTES[n].status : t('statusWords.interpretation')})`,
          }))}
        />
        <p className="small muted">{t('view.spaceSize', { size: formatNumber(countConfigurations(space), language) })}</p>
      </details>
    </aside>
  );
}

function Status({ run, config }: { run: NasRun | null; config: NasRunConfig }) {
  const t = useT('nas');
  if (!run) {
    return (
      <p className="axtrain-status" data-testid="nas-status" data-status="idle">
        <strong>{t('status.idle')}</strong> · {t('status.idleHint', { budget: config.budget })}
      </p>
    );
  }
  const counts = NAS_SEARCH_IDS.map((id) => `${t(`searches.${id}`)} ${recordsOf(run.records, id).length} / ${run.config.budget}`).join(' · ');
  return (
    <div className="axtrain-status" data-testid="nas-status" data-status={run.status} data-records={run.records.length}>
      <p className="axtrain-status-line">
        <strong>{t(`status.${run.status}`)}</strong>
        <span data-testid="nas-backend">
          {` · ${t('status.backend')} `}
          {run.backend ?? '…'}
        </span>
        {run.data ? (
          <span className="muted" data-testid="nas-data">
            {' · '}
            {t('data', { target: run.data.target, train: run.data.train, validation: run.data.validation, test: run.data.test })}
          </span>
        ) : null}
      </p>
      <p className="axtrain-status-line" data-testid="nas-counts">
        {counts}
      </p>
      {run.training ? (
        <p className="axtrain-status-line" data-testid="nas-training">
          {t('status.training', { candidates: run.training.candidates, step: run.training.step, total: run.training.totalSteps })}
          <progress max={Math.max(1, run.training.totalSteps)} value={run.training.step} aria-label={t('status.batchProgress')} />
        </p>
      ) : null}
      <RunFailureLine message={run.message} localized={run.localizedMessage} />
    </div>
  );
}

/**
 * Opens a candidate's topology in the lab: a link with its benchmark and its hidden widths as AXNet's approximator
 * (`approx=`; the lab's nets are ReLU, the view says so), then, for 'npu', the NPU panel (its Fig. 5 inference).
 */
/** The lab's link of a candidate: its approximator widths; an AXNet-NAS candidate's predictor widths and method too. */
function openInLab(target: string, record: NasRecord, panel: 'lab' | 'npu', method: NasRunConfig['method']): void {
  const predictor = record.config.predictor ? `&pred=${record.config.predictor.join('-')}&methods=${method}` : '';
  window.location.hash = `#v=1&target=${encodeURIComponent(target)}&approx=${record.config.layers.map((l) => l.width).join('-')}${predictor}`;
  if (panel === 'npu') {
    useLabStore.getState().selectPanel('npu');
    requestAnimationFrame(() => document.getElementById('panel-npu')?.scrollIntoView({ block: 'start' }));
  }
}

/** Per record: whether it is on its own search's front on `split`. */
function markFronts(records: readonly NasRecord[], split: NasSplit): boolean[] {
  const onFront = new Array<boolean>(records.length).fill(false);
  for (const search of NAS_SEARCH_IDS) {
    const indices = records.map((r, i) => (r.search === search ? i : -1)).filter((i) => i >= 0);
    for (const k of computeFront(
      indices.map((i) => records[i]),
      split,
    ))
      onFront[indices[k]] = true;
  }
  return onFront;
}

interface SelectionProps {
  config: NasRunConfig;
  records: readonly NasRecord[];
  onFront: readonly boolean[];
  split: NasSplit;
  onSplit(split: NasSplit): void;
  selected: number | null;
  onSelect(record: number | null): void;
}

function Selection({ config, records, onFront, split, onSplit, selected, onSelect: setSelected }: SelectionProps) {
  const [pickFrom, setPickFrom] = useState<NasSearchId>('smac');
  const t = useT('nas');
  const language = useLanguage();
  const setField = useLabStore((state) => state.setNasField);
  const constraints = useMemo<NasConstraints>(
    () => ({ cAcc: config.cAcc, cEnergy: config.cEnergy, cSpeed: config.cSpeed > 0 ? config.cSpeed : undefined, theta: config.theta }),
    [config.cAcc, config.cEnergy, config.cSpeed, config.theta],
  );
  const analysis = useMemo(() => {
    const feasible = records.map((r) => isFeasible(r, split, constraints));
    const own = records.map((r, i) => (r.search === pickFrom ? i : -1)).filter((i) => i >= 0);
    const picks = computePicks(
      own.map((i) => records[i]),
      split,
      constraints,
    ).map((p) => ({ ...p, record: p.record === null ? null : own[p.record] }));
    return { feasible, picks };
  }, [records, split, constraints, pickFrom]);
  const chosen = selected !== null ? records[selected] : null;
  const frontSize = records.filter((r, i) => r.search === pickFrom && onFront[i]).length;
  const acc = config.method === 'lone' ? nasAccuracyLabel('lone') : t('accuracy.system');
  return (
    <ExportScope>
      <section className="panel nas-figure wide" data-testid="nas-panel-pareto" aria-labelledby="nas-pareto-title">
        <header className="panel-header">
          <div className="panel-title-row">
            <h3 id="nas-pareto-title">{t('pareto.title')}</h3>
            <ExportMenu stem={`nas-${config.target}-seed${config.seed}`} testId="export-nas-pareto" />
          </div>
          <div className="panel-caption">{t('pareto.caption', { acc })}</div>
        </header>
        <div className="nas-selection-controls">
          <label className="field">
            <span className="field-label">{t('pareto.split')}</span>
            <select data-testid="nas-split" value={split} onChange={(event) => onSplit(event.target.value as NasSplit)}>
              <option value="test">{t('pareto.test')}</option>
              <option value="validation">{t('pareto.validation')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('pareto.pickFrom')}</span>
            <select data-testid="nas-pick-from" value={pickFrom} onChange={(event) => setPickFrom(event.target.value as NasSearchId)}>
              {NAS_SEARCH_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(`searches.${id}`)}
                </option>
              ))}
            </select>
          </label>
          <Select
            field="mode"
            label={t('pareto.mode')}
            testId="nas-mode"
            options={NAS_SELECTION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
            hint={t('pareto.modeHint')}
          />
          <Field field="cAcc" label={`C_acc (${acc} ≥)`} testId="nas-cacc" step="0.01" />
          <Field field="cEnergy" label="C_energy (× ≥)" testId="nas-cenergy" step="0.1" />
          <Field field="cSpeed" label={t('pareto.cSpeed')} testId="nas-cspeed" step="0.1" />
          <label className="field nas-theta">
            <span className="field-label">{t('theta', { theta: config.theta.toFixed(2) })}</span>
            <input
              type="range"
              min={NAS_CONFIG_LIMITS.theta.min}
              max={NAS_CONFIG_LIMITS.theta.max}
              step={0.05}
              value={config.theta}
              data-testid="nas-theta"
              onChange={(event) => setField('theta', event.target.value)}
            />
          </label>
        </div>
        <ParetoScatter
          records={records}
          split={split}
          onFront={onFront}
          feasible={analysis.feasible}
          picks={analysis.picks}
          cAcc={config.cAcc}
          cEnergy={config.cEnergy}
          selected={selected}
          onSelect={setSelected}
          accuracyLabel={acc}
        />
        <ul className="nas-picks" data-testid="nas-picks">
          {analysis.picks.map((pick) => {
            const record = pick.record === null ? null : records[pick.record];
            return (
              <li key={pick.mode} data-testid={`nas-pick-${pick.mode}`} data-record={record ? record.index : ''} data-current={config.mode === pick.mode}>
                <strong>{t(`modes.${pick.mode}`)}</strong>
                {record ? (
                  <>
                    {' '}
                    #{record.index} {formatNasConfig(record.config, t, language)} · {acc} {pct(readAccuracy(record, split))} · {t('pareto.energy')}{' '}
                    {times(record.measure.energyReduction)} · {t('pareto.speedup')} {times(record.measure.speedup)}{' '}
                    <button type="button" className="nas-link-button" onClick={() => setSelected(pick.record)}>
                      {t('pareto.select')}
                    </button>
                  </>
                ) : (
                  <span className="muted"> · {formatNasPickReason(pick, frontSize, constraints, t, language)}</span>
                )}
              </li>
            );
          })}
        </ul>
        <details className="nas-front-table" data-testid="nas-front-table">
          <summary>{t('pareto.frontTable', { search: t(`searches.${pickFrom}`), n: frontSize })}</summary>
          <table className="axtrain-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('pareto.topology')}</th>
                <th>{acc}</th>
                <th>{t('pareto.energyRed')}</th>
                <th>{t('pareto.speedup')}</th>
                <th>f_perf</th>
                <th>
                  <span className="visually-hidden">{t('pareto.select')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records
                .map((r, i) => ({ r, i }))
                .filter(({ r, i }) => r.search === pickFrom && onFront[i])
                .sort((a, b) => readAccuracy(b.r, split) - readAccuracy(a.r, split))
                .map(({ r, i }) => (
                  <tr key={r.index} className={selected === i ? 'current' : undefined}>
                    <th scope="row">{r.index}</th>
                    <td>{formatNasConfig(r.config, t, language)}</td>
                    <td>{pct(readAccuracy(r, split))}</td>
                    <td>{times(r.measure.energyReduction)}</td>
                    <td>{times(r.measure.speedup)}</td>
                    <td>{r.fperf.toFixed(4)}</td>
                    <td>
                      <button type="button" className="nas-link-button" onClick={() => setSelected(i)} aria-label={t('pareto.selectRecord', { index: r.index })}>
                        {t('pareto.select')}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
        {chosen ? (
          <div className="nas-chosen" data-testid="nas-chosen" data-record={chosen.index}>
            <strong>
              #{chosen.index} {formatNasConfig(chosen.config, t, language)}
            </strong>{' '}
            {t('pareto.chosen', {
              search: t(`searches.${chosen.search}`),
              proposer: t(`proposers.${chosen.proposer}`),
              acc,
              test: pct(chosen.measure.testAccuracy),
              validation: pct(chosen.measure.valAccuracy),
              energy: times(chosen.measure.energyReduction),
              speedup: times(chosen.measure.speedup),
              fperf: chosen.fperf.toFixed(4),
            })}
            <button type="button" className="axtrain-button" data-testid="nas-open-lab" onClick={() => openInLab(config.target, chosen, 'lab', config.method)}>
              {t('pareto.openLab')}
            </button>
            <button type="button" className="axtrain-button" data-testid="nas-open-npu" onClick={() => openInLab(config.target, chosen, 'npu', config.method)}>
              {t('pareto.openNpu')}
            </button>
            <p className="small muted">
              {chosen.config.predictor
                ? t('pareto.opensPredictor', {
                    method: config.method,
                    approximator: chosen.config.layers.map((l) => l.width).join('-'),
                    predictor: chosen.config.predictor.join('-'),
                  })
                : t('pareto.opensApprox', { activations: chosen.config.layers.map((l) => formatNasActivation(l.activation, language)).join(', ') })}
            </p>
          </div>
        ) : null}
      </section>
    </ExportScope>
  );
}

function Summary({ config, records }: { config: NasRunConfig; records: readonly NasRecord[] }) {
  const summaries = summarizeSearches(records, 'test', config.cAcc);
  const t = useT('nas');
  const language = useLanguage();
  const acc = config.method === 'lone' ? nasAccuracyLabel('lone') : t('accuracy.system');
  const constraints: NasConstraints = { cAcc: config.cAcc, cEnergy: config.cEnergy, cSpeed: config.cSpeed > 0 ? config.cSpeed : undefined, theta: config.theta };
  return (
    <section className="panel nas-figure wide" data-testid="nas-panel-summary" aria-labelledby="nas-summary-title">
      <header className="panel-header">
        <h3 id="nas-summary-title">{t('summary.title')}</h3>
      </header>
      <table className="axtrain-table" data-testid="nas-summary">
        <thead>
          <tr>
            <th>{t('summary.search')}</th>
            <th>{t('summary.evaluations')}</th>
            <th>{t('summary.bestFperf')}</th>
            <th>{t('summary.itsTopology')}</th>
            <th>{t('summary.best', { acc })}</th>
            <th>{t('summary.front')}</th>
            <th>{t('summary.hypervolume')}</th>
            <th>{t('summary.energyAt', { acc, value: pct(config.cAcc) })}</th>
            <th>{t('summary.speedupThere')}</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.search} data-search={s.search}>
              <th scope="row">{t(`searches.${s.search}`)}</th>
              <td>{s.evaluations}</td>
              <td>{s.bestFperf.toFixed(4)}</td>
              <td>{s.best ? formatNasConfig(s.best.config, t, language) : '—'}</td>
              <td>{pct(s.bestTestAccuracy)}</td>
              <td>{s.frontSize}</td>
              <td>{s.hypervolume.toFixed(3)}</td>
              <td>{times(s.energyAtAccuracy)}</td>
              <td>{times(s.speedupAtAccuracy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">{t('summary.paper')}</p>
      <div className="nas-exports">
        <button
          type="button"
          className="axtrain-button"
          data-testid="nas-export-csv"
          onClick={() => downloadText(`nas-${config.target}-seed${config.seed}.csv`, formatRecordsCsv(records), 'text/csv')}
        >
          {t('summary.csv')}
        </button>
        <button
          type="button"
          className="axtrain-button"
          data-testid="nas-export-json"
          onClick={() =>
            downloadText(`nas-${config.target}-seed${config.seed}.json`, `${JSON.stringify({ config, ...buildRunJson(records, constraints) }, null, 2)}\n`, 'application/json')
          }
        >
          {t('summary.json')}
        </button>
        <code className="small" lang="en">
          npx axlab nas '{typeof window !== 'undefined' ? window.location.hash : ''}' --json
        </code>
      </div>
    </section>
  );
}

export function NasView() {
  const config = useLabStore((state) => state.nas);
  const run = useLabStore((state) => state.nasRun);
  const stale = useLabStore(selectNasStale);
  const [split, setSplit] = useState<NasSplit>('test');
  const t = useT('nas');
  const language = useLanguage();
  const [selected, setSelected] = useState<number | null>(null);
  // Figures render at deferred priority (interruptible), after the status line and the controls.
  const records = useDeferredValue(run?.records ?? EMPTY);
  const histories = useMemo(() => computeHistories(records), [records]);
  const timings = useMemo(() => computeRoundTimings(records), [records]);
  const onFront = useMemo(() => markFronts(records, split), [records, split]);
  if (!config) return null;
  const shownConfig = { ...(run?.config ?? config), cAcc: config.cAcc, cEnergy: config.cEnergy, cSpeed: config.cSpeed, theta: config.theta, mode: config.mode };
  return (
    <div className="axtrain-layout" data-testid="nas-view">
      <ClassTarget id="nas-controls">
        <Controls config={config} run={run} />
      </ClassTarget>
      <div className="axtrain-main">
        <section className="panel axtrain-run" aria-label={t('view.run')}>
          <Status run={run} config={config} />
          {run && (stale || run.interrupted) ? (
            <p className="axtrain-stale" data-testid="nas-stale" role="status">
              {stale ? t('status.stale') : t('status.interrupted')}
            </p>
          ) : null}
        </section>
        <Selection config={shownConfig} records={records} onFront={onFront} split={split} onSplit={setSplit} selected={selected} onSelect={setSelected} />
        <ExportScope>
          <section className="panel nas-figure" data-testid="nas-panel-history" aria-labelledby="nas-history-title">
            <header className="panel-header">
              <div className="panel-title-row">
                <h3 id="nas-history-title">{t('history.title')}</h3>
                <ExportMenu stem={`nas-${config.target}-seed${config.seed}`} testId="export-nas-history" />
              </div>
              <div className="panel-caption">{t('history.caption')}</div>
            </header>
            <HistoryCharts histories={histories} accuracyLabel={shownConfig.method === 'lone' ? nasAccuracyLabel('lone') : t('accuracy.system')} />
          </section>
        </ExportScope>
        <ExportScope>
          <section className="panel nas-figure" data-testid="nas-panel-parallel" aria-labelledby="nas-parallel-title">
            <header className="panel-header">
              <div className="panel-title-row">
                <h3 id="nas-parallel-title">{t('parallel.title')}</h3>
                <ExportMenu stem={`nas-${config.target}-seed${config.seed}`} testId="export-nas-parallel" />
              </div>
              <div className="panel-caption">{hasNasPredictor(shownConfig.method) ? t('parallel.captionPredictor') : t('parallel.caption')}</div>
            </header>
            <ParallelCoordinates
              records={records}
              split={split}
              onFront={onFront}
              selected={selected}
              accuracyLabel={shownConfig.method === 'lone' ? nasAccuracyLabel('lone') : t('accuracy.system')}
              predictor={hasNasPredictor(shownConfig.method) ? DEFAULT_NAS_PREDICTOR_SPACE : null}
            />
          </section>
        </ExportScope>
        <section className="panel nas-figure" data-testid="nas-panel-importance" aria-labelledby="nas-importance-title">
          <header className="panel-header">
            <h3 id="nas-importance-title">{t('importance.title')}</h3>
          </header>
          <ImportanceBars
            importance={run?.importance ?? null}
            names={formatNasFeatureNames(2, hasNasPredictor(shownConfig.method) ? DEFAULT_NAS_PREDICTOR_SPACE.maxHiddenLayers : 0, t, language)}
          />
        </section>
        <section className="panel nas-figure" data-testid="nas-panel-timing" aria-labelledby="nas-timing-title">
          <header className="panel-header">
            <h3 id="nas-timing-title">{t('timing.title')}</h3>
          </header>
          <TimingTable timings={timings} />
        </section>
        <Summary config={shownConfig} records={records} />
      </div>
    </div>
  );
}

const EMPTY: NasRecord[] = [];
