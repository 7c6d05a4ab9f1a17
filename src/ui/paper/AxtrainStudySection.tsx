/**
 * The Paper view's AxTrain (ISLPED'18) section: the study of reference Part A.7 as scaled there
 * (src/core/axtrain/study.ts: breast cancer and digits × seeds; bp, act, pas per NTV setting, AxTrain fine-tuned per
 * claim setting; every net on every hardware setting), trained unit by unit in a study worker with progress, ETA and
 * cancel; finished units are cached in IndexedDB, so a reload shows them at once. The claims, Fig. 7 and Fig. 6
 * tables are buildAxtrainStudyTables' cells, the ones `axlab reproduce --paper axtrain` prints, formatted in the language
 * on screen (English: the report's text), and the exports are that command's results.json and report.md (English) for
 * the same rows.
 */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  AXTRAIN_OPEN_CHOICES,
  buildAxtrainStudyTables,
  describeAxtrainStudyRunMessage,
  formatAxtrainStudyCell,
  type AxtrainDatasetTables,
  type AxtrainStudyCell,
  type AxtrainStudyTable,
} from '../../core/axtrain/study';
import type { LanguageId } from '../../core/language';
import { formatMessage, message as coreMessage } from '../../core/messages';
import { AXTRAIN_STUDY_TIMINGS_STATUS, estimateAxtrainStudyMs } from '../../core/axtrain/studyRunner';
import { cancelAxtrainStudy, clearAxtrainStudyCache, getAxtrainStudyPlan, loadCachedAxtrainStudy, startAxtrainStudy } from '../../state/axtrainStudyController';
import type { AxtrainBudget, AxtrainStudySlice } from '../../state/axtrainStudySlice';
import { selectAxtrainStudyView } from '../../state/axtrainStudyView';
import { useLabStore } from '../../state/store';
import { downloadText } from '../exports/download';
import { renderAxtrainExports } from './exports';
import { formatEstimate, formatEta } from './format';
import { useLanguage, useT } from '../i18n';
import { Rich } from '../axtrain/panels/Rich';

/**
 * Browser wall time over the Node-measured estimate (AXTRAIN_STUDY_TIMINGS_MS): the quick plan took 74.4 s in the study
 * worker in headless Chromium on this project's 2-core machine under other jobs' load (e2e/paper.spec.ts, slow test)
 * against the 56 s that `axlab reproduce --paper axtrain --quick` took there — estimate.
 */
const BROWSER_SLOWDOWN = 1.3;

function describeBudget(budget: AxtrainBudget, t: ReturnType<typeof useT<'paper'>>): string {
  const plan = getAxtrainStudyPlan(budget);
  const seeds = t(plan.seeds === 1 ? 'axtrain.seeds1' : 'axtrain.seedsN', { n: plan.seeds });
  const time = formatEstimate((estimateAxtrainStudyMs(plan) * BROWSER_SLOWDOWN) / 1000);
  return budget === 'quick' ? t('axtrain.quick', { units: plan.units.length, seeds, time }) : t('axtrain.full', { units: plan.units.length, seeds, time });
}

/** A table of the study in `language`: caption, column headers, the first cell of each row as its row header. */
function StudyTable({ table, testId, rowIds, language }: { table: AxtrainStudyTable; testId: string; rowIds?: readonly string[]; language: LanguageId }) {
  const say = (cell: AxtrainStudyCell) => formatAxtrainStudyCell(cell, language);
  return (
    <div className="axtrain-table-wrap">
      <table className="axtrain-table" data-testid={testId}>
        <caption>{formatMessage(table.title, language)}</caption>
        <thead>
          <tr>
            {table.header.map((cell, c) => (
              <th key={c} scope="col">
                {say(cell)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={rowIds?.[r] ?? r} data-testid={rowIds ? `${testId}-${rowIds[r]}` : undefined}>
              <th scope="row">{say(row[0])}</th>
              {row.slice(1).map((cell, c) => (
                <td key={c}>{say(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One data set's heading and tables in `language` (exported for the tests: the store's language is 'en' when rendered on its own). */
export function AxtrainDatasetTablesView({ tables, language }: { tables: AxtrainDatasetTables; language: LanguageId }) {
  const id = `paper-axtrain-${tables.dataset}`;
  return (
    <article className="axtrain-dataset" data-testid={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{formatMessage(tables.heading, language)}</h3>
      <StudyTable table={tables.claimsTable} testId={`${id}-claims`} rowIds={tables.claims.map((c) => c.id)} language={language} />
      <StudyTable table={tables.fig7} testId={`${id}-fig7`} language={language} />
      <StudyTable table={tables.fig6} testId={`${id}-fig6`} language={language} />
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
  const t = useT('paper');
  const language = useLanguage();
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
          <Rich text={t('axtrain.caption')} slots={{ cli: <code>axlab reproduce --paper axtrain</code> }} />
        </p>
      </header>

      <div className="paper-controls">
        <fieldset className="paper-size" disabled={running}>
          <legend className="field-label">{t('axtrain.budget')}</legend>
          {(['quick', 'full'] as const).map((b) => (
            <label className="toggle" key={b}>
              <input type="radio" name="axtrain-budget" data-testid={`paper-axtrain-budget-${b}`} checked={budget === b} onChange={() => setBudget(b)} />
              <span>{describeBudget(b, t)}</span>
            </label>
          ))}
        </fieldset>
        <p className="muted small">{t('axtrain.times', { status: language === 'en' ? AXTRAIN_STUDY_TIMINGS_STATUS : t('axtrain.estimate') })}</p>
        {!quick ? (
          <p className="paper-warning" role="note" data-testid="paper-axtrain-full-warning">
            {t('axtrain.fullWarning', { duration: formatEstimate((estimateAxtrainStudyMs(plan) * BROWSER_SLOWDOWN) / 1000) })}
          </p>
        ) : null}
        <div className="paper-buttons">
          <button type="button" className="action" data-testid="paper-axtrain-run" disabled={running || status === 'loading'} onClick={() => void startAxtrainStudy()}>
            {done === total
              ? t('axtrain.runAgain')
              : done > 0
                ? total - done === 1
                  ? t('axtrain.runRemaining1')
                  : t('axtrain.runRemaining', { n: total - done })
                : t('axtrain.run', { budget: t(`sizes.${budget}`) })}
          </button>
          <button type="button" className="action secondary" data-testid="paper-axtrain-cancel" disabled={!running} onClick={cancelAxtrainStudy}>
            {t('axtrain.cancel')}
          </button>
          <button type="button" className="action secondary" data-testid="paper-axtrain-clear-cache" disabled={running} onClick={() => void clearAxtrainStudyCache()}>
            {t('axtrain.clear')}
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
          {t('axtrain.progress', { done, total, cached: cachedCount, trained: trainedCount })}
          {running ? t('progress.eta', { eta: formatEta(progress?.etaMs ?? null) }) : ''}
          {running && progress?.running ? t('progress.now', { jobs: progress.running }) : ''}
          {status === 'cancelled' ? t('axtrain.cancelled') : ''}
          {status === 'loading' ? t('progress.loading') : ''}
        </p>
        {running && progress?.line ? <p className="small muted axtrain-line">{progress.line}</p> : null}
        {message ? <p className="small run-message">{message}</p> : null}
      </div>

      {done > 0 ? (
        <p className="axtrain-budget-line" data-testid="paper-axtrain-budget-line" data-wall-ms={view.wallMs}>
          {formatMessage(
            coreMessage('axtrainStudyRunLine', {
              run: describeAxtrainStudyRunMessage(view.results),
              soFar: done < total ? coreMessage('axtrainStudySoFar', { done, total }) : '',
            }),
            language,
          )}
        </p>
      ) : null}
      {quick && done > 0 ? (
        <p className="quick-banner" data-testid="paper-axtrain-quick-label">
          {t('axtrain.quickBanner')}
        </p>
      ) : null}

      <div className="paper-exports">
        <span className="field-label">{t('view.export')}</span>
        <button type="button" className="mini" data-testid="paper-axtrain-export-json" disabled={done === 0} onClick={() => exportFile('json')}>
          AxTrain results.json
        </button>
        <button type="button" className="mini" data-testid="paper-axtrain-export-md" disabled={done === 0} onClick={() => exportFile('markdown')}>
          AxTrain report.md
        </button>
      </div>

      {done === 0 ? (
        <p className="placeholder">{t('axtrain.noResults', { budget: t(`sizes.${budget}`), button: t('axtrain.run', { budget: t(`sizes.${budget}`) }) })}</p>
      ) : (
        tables.map((table) => <AxtrainDatasetTablesView key={table.dataset} tables={table} language={language} />)
      )}

      <div className="axtrain-choices">
        <h3>{t('axtrain.choices')}</h3>
        <ul data-testid="paper-axtrain-choices">
          {AXTRAIN_OPEN_CHOICES.map((choice, index) => (
            <li key={choice}>{t(`openChoices.c${index}`, { defaultValue: choice })}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
