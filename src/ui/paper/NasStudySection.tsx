/**
 * The Paper view's NAS (DATE'20) section: the study of reference B.9 as scaled there (src/core/nas/study.ts): Fig. 3
 * (enumeration vs the accuracy-focused and the trade-off search on blackscholes), Fig. 4a/4b (online selection and
 * the fronts, beside 93.7% vs 90.3%), Fig. 5 (NAS against the enumeration per benchmark and bound group, beside 1.43×
 * and 1.74×), SMAC against random search over seeds, and AXNet-NAS against onepass and iterative. The same plan, tables and SVGs as `axlab reproduce --paper
 * nas`, one run at a time in a NAS worker; finished runs are cached in IndexedDB. The tables, the run line and the
 * figures' words are core's messages (src/core/nas/studyMessages.ts) in the language on screen; report.md and
 * results.json stay the CLI's English files.
 */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LanguageId } from '../../core/language';
import { formatMessage } from '../../core/messages';
import {
  assembleNasStudyResults,
  buildNasStudyTables,
  describeNasStudyRun,
  formatNasResultsJson,
  formatNasStudyCell,
  renderNasStudyFigures,
  renderNasStudyReport,
  type NasStudyCell,
  type NasStudyTable,
} from '../../core/nas/study';
import { NAS_STUDY_DIFFERENCES } from '../../core/nas/texts';
import { cancelNasStudy, clearNasStudyCache, getNasStudyPlan, loadCachedNasStudy, startNasStudy } from '../../state/nasStudyController';
import type { NasStudyBudget } from '../../state/nasStudySlice';
import { useLabStore } from '../../state/store';
import { downloadText } from '../exports/download';
import { useLanguage, useT } from '../i18n';
import { Rich } from '../axtrain/panels/Rich';

function describeBudget(budget: NasStudyBudget, t: ReturnType<typeof useT<'paper'>>): string {
  const plan = getNasStudyPlan(budget);
  const first = plan.units[0].config;
  const axnetUnits = plan.units.filter((u) => u.role === 'axnet');
  const axnetTargets = [...new Set(axnetUnits.map((u) => u.config.target))].join(', ');
  const axnet = axnetUnits.length
    ? t('nas.axnetRuns', { targets: axnetTargets, runs: axnetUnits.length, budget: axnetUnits[0].config.budget, steps: axnetUnits[0].config.stepsPerCandidate })
    : '';
  return budget === 'quick'
    ? t('nas.quick', { runs: plan.units.length, budget: first.budget, steps: first.stepsPerCandidate, width: first.maxWidth, axnet })
    : t('nas.full', { runs: plan.units.length, axnet });
}

/** A cell in `language`; an identifier (a run's cache key) as code, as written. */
function Cell({ cell, language }: { cell: NasStudyCell; language: LanguageId }) {
  return typeof cell === 'object' && 'code' in cell ? <code lang="en">{cell.code}</code> : formatNasStudyCell(cell, language);
}

/** One table of the study in `language` (exported for its test: the section itself reads the store). */
export function NasStudyTableView({ table, language }: { table: NasStudyTable; language: LanguageId }) {
  const say = (m: NasStudyTable['title']) => formatMessage(m, language);
  return (
    // The study's tables are core's (src/core/nas/study.ts: the report `axlab reproduce --paper nas` writes, in English), here in the language on screen.
    <article className="nas-study-table" data-testid={`paper-nas-${table.id}`}>
      <h3>{say(table.title)}</h3>
      {table.intro.map((p) => (
        <p key={p.id} className="small">
          {say(p)}
        </p>
      ))}
      <div className="axtrain-table-wrap">
        <table className="axtrain-table">
          <thead>
            <tr>
              {/* Keyed by column: Fig. 5 has two "ratio" columns. */}
              {table.header.map((cell, c) => (
                <th key={c} scope="col">
                  {say(cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.map((cell) => formatNasStudyCell(cell, 'en')).join('|')}>
                <th scope="row">
                  <Cell cell={row[0]} language={language} />
                </th>
                {row.slice(1).map((cell, c) => (
                  <td key={c}>
                    <Cell cell={cell} language={language} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.outro.map((p) => (
        <p key={p.id} className="small" data-testid={`paper-nas-${table.id}-claim`}>
          {say(p)}
        </p>
      ))}
    </article>
  );
}

export function NasStudySection() {
  const { budget, status, progress, records, message } = useLabStore(
    useShallow((s) => ({ budget: s.nasStudyBudget, status: s.nasStudyStatus, progress: s.nasStudyProgress, records: s.nasStudyRecords, message: s.nasStudyMessage })),
  );
  useEffect(() => {
    if (useLabStore.getState().nasStudyStatus !== 'running') void loadCachedNasStudy(budget);
  }, [budget]);
  const t = useT('paper');
  const language = useLanguage();
  const plan = getNasStudyPlan(budget);
  const running = status === 'running';
  const results = useMemo(() => {
    const present = plan.units.filter((u) => Object.hasOwn(records, u.key));
    return assembleNasStudyResults(
      plan,
      records,
      present.reduce((sum, u) => sum + records[u.key].wallMs, 0),
    );
  }, [plan, records]);
  const done = plan.units.filter((u) => Object.hasOwn(records, u.key)).length;
  const total = plan.units.length;
  const tables = useMemo(() => buildNasStudyTables(results), [results]);
  const figures = useMemo(() => Object.entries(renderNasStudyFigures(results, language)), [results, language]);
  return (
    <section className="paper-axtrain" data-testid="paper-nas" aria-labelledby="paper-nas-title">
      <header className="panel-header">
        <h2 id="paper-nas-title">{t('nas.title')}</h2>
        <p className="panel-caption">
          <Rich text={t('nas.caption')} slots={{ cli: <code>axlab reproduce --paper nas</code> }} />
        </p>
      </header>
      <div className="paper-controls">
        <fieldset className="paper-size" disabled={running}>
          <legend className="field-label">{t('axtrain.budget')}</legend>
          {(['quick', 'full'] as const).map((b) => (
            <label className="toggle" key={b}>
              <input
                type="radio"
                name="nas-study-budget"
                data-testid={`paper-nas-budget-${b}`}
                checked={budget === b}
                onChange={() => useLabStore.getState().setNasStudyBudget(b)}
              />
              <span>{describeBudget(b, t)}</span>
            </label>
          ))}
        </fieldset>
        <div className="paper-buttons">
          <button type="button" className="action" data-testid="paper-nas-run" disabled={running || status === 'loading'} onClick={() => void startNasStudy()}>
            {done === total ? t('axtrain.runAgain') : done > 0 ? t('nas.runRemaining', { n: total - done }) : t('nas.run', { budget: t(`sizes.${budget}`) })}
          </button>
          <button type="button" className="action secondary" data-testid="paper-nas-cancel" disabled={!running} onClick={cancelNasStudy}>
            {t('nas.cancel')}
          </button>
          <button type="button" className="action secondary" data-testid="paper-nas-clear-cache" disabled={running} onClick={() => void clearNasStudyCache()}>
            {t('nas.clear')}
          </button>
        </div>
      </div>
      <div className="paper-progress" data-testid="paper-nas-progress" data-status={status} data-done={done} data-total={total} role="status" aria-live="polite">
        <div className="progress-bar" aria-hidden="true">
          <span style={{ width: `${((100 * done) / Math.max(1, total)).toFixed(1)}%` }} />
        </div>
        <p className="small">
          {t('nas.progress', { done, total })}
          {running && progress?.running ? t('nas.now', { run: progress.running, evaluations: progress.evaluations }) : ''}
          {status === 'cancelled' ? t('nas.cancelled') : ''}
          {status === 'loading' ? t('progress.loading') : ''}
        </p>
        {message ? <p className="small run-message">{message}</p> : null}
      </div>
      {done > 0 ? (
        <>
          <p className="axtrain-budget-line" data-testid="paper-nas-budget-line">
            {formatMessage(describeNasStudyRun(results), language)}
          </p>
          {plan.quick ? (
            <p className="quick-banner" data-testid="paper-nas-quick-label">
              {t('nas.quickBanner')}
            </p>
          ) : null}
          <div className="paper-exports">
            <span className="field-label">{t('view.export')}</span>
            <button
              type="button"
              className="mini"
              data-testid="paper-nas-export-json"
              onClick={() => downloadText('nas-results.json', formatNasResultsJson(results), 'application/json')}
            >
              NAS results.json
            </button>
            <button type="button" className="mini" data-testid="paper-nas-export-md" onClick={() => downloadText('nas-report.md', renderNasStudyReport(results), 'text/markdown')}>
              NAS report.md
            </button>
          </div>
          <div className="paper-figures">
            {figures.map(([name, svg]) => (
              <figure key={name} className="paper-figure" data-testid={`paper-nas-figure-${name.replace(/\.svg$/, '')}`}>
                {/* The study's own SVG renderer (src/core/study/svg.ts): escaped text, no script; its words in the language on screen. */}
                <div className="paper-svg" role="img" aria-label={name} dangerouslySetInnerHTML={{ __html: svg }} />
                {/* The file's name, as written (the download is the figure on screen). */}
                <button type="button" className="mini" lang="en" onClick={() => downloadText(name, svg, 'image/svg+xml')}>
                  {name}
                </button>
              </figure>
            ))}
          </div>
          {tables.map((table) => (
            <NasStudyTableView key={`${table.id}-${formatMessage(table.title, 'en')}`} table={table} language={language} />
          ))}
        </>
      ) : (
        <p className="placeholder">{t('nas.noResults', { budget: t(`sizes.${budget}`), button: t('nas.run', { budget: t(`sizes.${budget}`) }) })}</p>
      )}
      <div className="axtrain-choices">
        <h3>{t('nas.differences')}</h3>
        <ul data-testid="paper-nas-differences">
          {NAS_STUDY_DIFFERENCES.map((d, index) => (
            <li key={d}>{t(`nasDifferences.d${index}`, { defaultValue: d })}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
