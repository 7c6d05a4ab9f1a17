/**
 * The Paper view's AxTrain (ISLPED'18) section: the study of reference Part A.7 as scaled there
 * (src/core/axtrain/study.ts: breast cancer and digits × seeds; bp, act, pas per NTV setting, AxTrain fine-tuned per
 * claim setting; every net on every hardware setting), trained unit by unit in a study worker with progress, ETA and
 * cancel; finished units are cached in IndexedDB, so a reload shows them at once. The claims, Fig. 7 and Fig. 6
 * tables are buildAxtrainStudyTables' cells, the ones `axlab reproduce --paper axtrain` prints, and the exports are
 * that command's results.json and report.md for the same rows.
 */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { AXTRAIN_OPEN_CHOICES, buildAxtrainStudyTables, describeAxtrainStudyRun, type AxtrainDatasetTables, type AxtrainStudyTable } from '../../core/axtrain/study';
import { AXTRAIN_STUDY_TIMINGS_STATUS, estimateAxtrainStudyMs } from '../../core/axtrain/studyRunner';
import { cancelAxtrainStudy, clearAxtrainStudyCache, getAxtrainStudyPlan, loadCachedAxtrainStudy, startAxtrainStudy } from '../../state/axtrainStudyController';
import { selectAxtrainStudyView, type AxtrainBudget, type AxtrainStudySlice } from '../../state/axtrainStudySlice';
import { useLabStore } from '../../state/store';
import { downloadText } from '../exports/download';
import { renderAxtrainExports } from './exports';
import { formatEstimate, formatEta } from './format';

/**
 * Browser wall time over the Node-measured estimate (AXTRAIN_STUDY_TIMINGS_MS): the quick plan took 74.4 s in the study
 * worker in headless Chromium on this project's 2-core machine under other jobs' load (e2e/paper.spec.ts, slow test)
 * against the 56 s that `axlab reproduce --paper axtrain --quick` took there — estimate.
 */
const BROWSER_SLOWDOWN = 1.3;

function describeBudget(budget: AxtrainBudget): string {
  const plan = getAxtrainStudyPlan(budget);
  const seeds = `${plan.seeds} seed${plan.seeds === 1 ? '' : 's'}`;
  const time = formatEstimate((estimateAxtrainStudyMs(plan) * BROWSER_SLOWDOWN) / 1000);
  return budget === 'quick'
    ? `quick — ${plan.units.length} units (2 data sets × ${seeds}), CI-sized epochs, ${time} (a smoke test, not the reference’s budget)`
    : `full — ${plan.units.length} units (2 data sets × ${seeds}), the reference’s epochs and 50 NTV masks, ${time}`;
}

/** A table of the study: caption, column headers, the first cell of each row as its row header. */
function StudyTable({ table, testId, rowIds }: { table: AxtrainStudyTable; testId: string; rowIds?: readonly string[] }) {
  return (
    <div className="axtrain-table-wrap">
      <table className="axtrain-table" data-testid={testId}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.header.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={rowIds?.[r] ?? r} data-testid={rowIds ? `${testId}-${rowIds[r]}` : undefined}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DatasetTables({ tables }: { tables: AxtrainDatasetTables }) {
  const id = `paper-axtrain-${tables.dataset}`;
  return (
    <article className="axtrain-dataset" data-testid={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{tables.heading}</h3>
      <StudyTable table={tables.claimsTable} testId={`${id}-claims`} rowIds={tables.claims.map((c) => c.id)} />
      <StudyTable table={tables.fig7} testId={`${id}-fig7`} />
      <StudyTable table={tables.fig6} testId={`${id}-fig6`} />
    </article>
  );
}

/** What the section reads from the store (AxtrainStudySlice). */
export type AxtrainSectionState = Pick<
  AxtrainStudySlice,
  'axtrainBudget' | 'axtrainStatus' | 'axtrainProgress' | 'axtrainRecords' | 'axtrainCachedCount' | 'axtrainTrainedCount' | 'axtrainMessage'
>;

/** The section as the store has it; opening the view (or switching budget) shows what the cache holds, nothing trains. */
export function AxtrainStudySection() {
  const state = useLabStore(
    useShallow(
      (s): AxtrainSectionState => ({
        axtrainBudget: s.axtrainBudget,
        axtrainStatus: s.axtrainStatus,
        axtrainProgress: s.axtrainProgress,
        axtrainRecords: s.axtrainRecords,
        axtrainCachedCount: s.axtrainCachedCount,
        axtrainTrainedCount: s.axtrainTrainedCount,
        axtrainMessage: s.axtrainMessage,
      }),
    ),
  );
  const budget = state.axtrainBudget;
  useEffect(() => {
    if (useLabStore.getState().axtrainStatus !== 'running') void loadCachedAxtrainStudy(budget);
  }, [budget]);
  return <AxtrainStudyBody state={state} />;
}

/** The section for a given state (rendered on its own by the tests). */
export function AxtrainStudyBody({ state }: { state: AxtrainSectionState }) {
  const {
    axtrainBudget: budget,
    axtrainStatus: status,
    axtrainProgress: progress,
    axtrainRecords: records,
    axtrainCachedCount: cachedCount,
    axtrainTrainedCount: trainedCount,
    axtrainMessage: message,
  } = state;
  const setBudget = (b: AxtrainBudget) => useLabStore.getState().setAxtrainBudget(b);
  const plan = getAxtrainStudyPlan(budget);
  const quick = budget === 'quick';
  const running = status === 'running';

  const view = useMemo(() => selectAxtrainStudyView(plan, records), [plan, records]);
  const tables = useMemo(() => buildAxtrainStudyTables(view.results.rows), [view]);
  const { done, total } = view;
  const fraction = total > 0 ? done / total : 0;

  const exportFile = (which: 'json' | 'markdown') => {
    const file = renderAxtrainExports(view.results)[which];
    downloadText(file.name, file.text, which === 'json' ? 'application/json' : 'text/markdown');
  };

  return (
    <section className="paper-axtrain" data-testid="paper-axtrain" aria-labelledby="paper-axtrain-title">
      <header className="panel-header">
        <h2 id="paper-axtrain-title">AxTrain (ISLPED’18)</h2>
        <p className="panel-caption">
          The experiments of the reference’s Part A.7, scaled as it suggests: on breast cancer (the paper’s 30-64-64-2 net) and digits 8×8 (a stand-in for MNIST), per seed, BP and
          AxTrain-act from scratch, AxTrain-pas from scratch at the aggressive and conservative NTV voltages, and AxTrain (the act net, then a few pas epochs) for every setting a
          claim is judged on (DRUM K1–K3, NTV Agg/Con); every net is scored exactly, on DRUM k = 1…8 and on NTV weight memory over seeded masks. Each seed is paired with BP on the
          same data, batches and masks. The same plan and code as <code>axlab reproduce --paper axtrain</code>, one unit (data set × seed) at a time in a study worker.
        </p>
      </header>

      <div className="paper-controls">
        <fieldset className="paper-size" disabled={running}>
          <legend className="field-label">Budget</legend>
          {(['quick', 'full'] as const).map((b) => (
            <label className="toggle" key={b}>
              <input type="radio" name="axtrain-budget" data-testid={`paper-axtrain-budget-${b}`} checked={budget === b} onChange={() => setBudget(b)} />
              <span>{describeBudget(b)}</span>
            </label>
          ))}
        </fieldset>
        <p className="muted small">{`Times are ${AXTRAIN_STUDY_TIMINGS_STATUS}s from the quick plan’s measured step and evaluation times on a 2-core machine; the ETA corrects them as units finish.`}</p>
        {!quick ? (
          <p className="paper-warning" role="note" data-testid="paper-axtrain-full-warning">
            The full study trains for {formatEstimate((estimateAxtrainStudyMs(plan) * BROWSER_SLOWDOWN) / 1000)} in this tab (keep it open and in the foreground). Finished units
            are cached, so you can cancel and resume later.
          </p>
        ) : null}
        <div className="paper-buttons">
          <button type="button" className="action" data-testid="paper-axtrain-run" disabled={running || status === 'loading'} onClick={() => void startAxtrainStudy()}>
            {done === total
              ? 'Run again (all cached)'
              : done > 0
                ? `Run the remaining ${total - done === 1 ? 'unit' : `${total - done} units`}`
                : `Run the ${budget} AxTrain study`}
          </button>
          <button type="button" className="action secondary" data-testid="paper-axtrain-cancel" disabled={!running} onClick={cancelAxtrainStudy}>
            Cancel AxTrain study
          </button>
          <button type="button" className="action secondary" data-testid="paper-axtrain-clear-cache" disabled={running} onClick={() => void clearAxtrainStudyCache()}>
            Clear AxTrain cache
          </button>
        </div>
      </div>

      <div
        className="paper-progress"
        data-testid="paper-axtrain-progress"
        data-status={status}
        data-done={done}
        data-total={total}
        data-cached={cachedCount}
        data-trained={trainedCount}
        role="status"
        aria-live="polite"
      >
        <div className="progress-bar" aria-hidden="true">
          <span style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
        </div>
        <p className="small">
          {done}/{total} units · {cachedCount} from the cache · {trainedCount} trained in this session
          {running ? ` · ETA ${formatEta(progress?.etaMs ?? null)}` : ''}
          {running && progress?.running ? ` · now: ${progress.running}` : ''}
          {status === 'cancelled' ? ' · cancelled (finished units are kept in the cache)' : ''}
          {status === 'loading' ? ' · reading the cache…' : ''}
        </p>
        {running && progress?.line ? <p className="small muted axtrain-line">{progress.line}</p> : null}
        {message ? <p className="small run-message">{message}</p> : null}
      </div>

      {done > 0 ? (
        <p className="axtrain-budget-line" data-testid="paper-axtrain-budget-line" data-wall-ms={view.wallMs}>
          {describeAxtrainStudyRun(view.results)}
          {done < total ? ` (${done} of ${total} units so far)` : ''}. Wall time is the sum of the units’ own times, each measured when it trained.
        </p>
      ) : null}
      {quick && done > 0 ? (
        <p className="quick-banner" data-testid="paper-axtrain-quick-label">
          Quick budget: CI-sized epochs and one seed, a smoke test of the pipeline — not evidence for or against the paper.
        </p>
      ) : null}

      <div className="paper-exports">
        <span className="field-label">Export</span>
        <button type="button" className="mini" data-testid="paper-axtrain-export-json" disabled={done === 0} onClick={() => exportFile('json')}>
          AxTrain results.json
        </button>
        <button type="button" className="mini" data-testid="paper-axtrain-export-md" disabled={done === 0} onClick={() => exportFile('markdown')}>
          AxTrain report.md
        </button>
      </div>

      {done === 0 ? (
        <p className="placeholder">
          No AxTrain results yet for the {budget} budget. Press “Run the {budget} AxTrain study”: the tables appear as units finish.
        </p>
      ) : (
        tables.map((t) => <DatasetTables key={t.dataset} tables={t} />)
      )}

      <div className="axtrain-choices">
        <h3>Choices where the paper is silent</h3>
        <ul data-testid="paper-axtrain-choices">
          {AXTRAIN_OPEN_CHOICES.map((choice) => (
            <li key={choice}>{choice}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
