/**
 * The Paper (§V) view: one button runs the study of src/core/study (quick or full size) in two
 * study workers, with progress, ETA and cancel; finished jobs are cached in IndexedDB, so reopening
 * the view or reloading the page shows them without retraining. Each figure (Fig. 2, 6, 7, 8, 9,
 * 10a, 10c) is drawn by the same pure SVG renderer as the CLI (src/core/study/svg.ts), next to what
 * the paper reports and ours computed the same way (src/core/study/claims.ts), whose words are Messages formatted in
 * the language on screen. The figures' own text (titles, captions, axis labels, legends, the numbers tables and the
 * quick watermark) is in the language on screen too (src/core/study/figures.ts, figureMessages.ts); the report and
 * the downloaded Markdown stay English.
 */
import { useEffect, useMemo, useState } from 'react';
import { computeLeadClaims, computeProtocolClaims, formatLeadClaim, formatStudyClaim, type LeadClaim, type StudyClaim } from '../../core/study/claims';
import { STUDY_EARLY_STOP, STUDY_PROTOCOLS, type StudyProtocol } from '../../core/study/protocols';
import { buildStudyFigures, formatSeconds, studyFigureWatermark, type StudyFigure } from '../../core/study/figures';
import { computeJobKey, STUDY_BUDGETS, type StudySize } from '../../core/study/plan';
import { figureFileName, renderStudyReport } from '../../core/study/report';
import { renderChart } from '../../core/study/svg';
import { cancelStudy, clearStudyCache, getStudyPlan, loadCachedStudy, startStudy, STUDY_WORKERS } from '../../state/studyController';
import { useLabStore } from '../../state/store';
import { downloadBlob, downloadText, renderSvgToPng } from '../exports/download';
import { AxtrainStudySection } from './AxtrainStudySection';
import { NasStudySection } from './NasStudySection';
import { buildStudyReport, renderResultsCsv } from './exports';
import { formatEstimate, formatEta } from './format';
import './paper.css';
import { registerCatalog, useLanguage, useT } from '../i18n';
import { paper } from '../i18n/locales/paper';
import { Rich } from '../axtrain/panels/Rich';

// This view's texts in both languages: not part of the first paint (src/ui/i18n/locales/en.ts LazyNamespace).
registerCatalog('paper', paper);

/** Measured in headless Chromium on this project’s 2-core machines (tfjs cpu, two study workers): the quick plan, 12.8k step-equivalents, took 28–58 s (the slower under load). */
const BROWSER_COST_RATE = 300;

function estimateDuration(size: StudySize): string {
  const plan = getStudyPlan(size);
  const cost = plan.jobs.reduce((sum, job) => sum + job.cost, 0);
  return formatEstimate(cost / BROWSER_COST_RATE);
}

/** data-testid suffix of a figure: fig2 → "2", fig10a → "10a". */
function figureTestId(figure: Pick<StudyFigure, 'id'>): string {
  return `paper-fig-${figure.id.replace(/^fig/, '')}`;
}

const VERDICT_CLASS = { agrees: 'verdict-agrees', differs: 'verdict-differs', 'not computed': 'verdict-none' } as const;

function ClaimList({ claims }: { claims: readonly StudyClaim[] }) {
  const t = useT('paper');
  const language = useLanguage();
  if (claims.length === 0) return <p className="muted small">{t('claims.none')}</p>;
  return (
    <ul className="claim-list">
      {claims
        .map((c) => formatStudyClaim(c, language))
        .map((claim) => (
          <li key={claim.id} className={VERDICT_CLASS[claim.verdict]} data-testid={`paper-claim-${claim.id}`} data-verdict={claim.verdict}>
            <p className="claim-statement">{claim.statement}</p>
            <dl>
              <dt>{t('claims.paper')}</dt>
              <dd>{claim.paper}</dd>
              <dt>{t('claims.ours')}</dt>
              <dd>{claim.ours}</dd>
              <dt>{t('claims.how')}</dt>
              <dd className="muted">{claim.formula}</dd>
            </dl>
            <p className="claim-verdict">{claim.verdictText}</p>
          </li>
        ))}
    </ul>
  );
}

function FigureCard({ figure, claims, quick }: { figure: StudyFigure; claims: readonly StudyClaim[]; quick: boolean }) {
  const language = useLanguage();
  const svg = useMemo(() => renderChart(figure.chart, { quick, watermark: studyFigureWatermark(language) }), [figure, quick, language]);
  const baseName = figureFileName(figure).replace(/\.svg$/, '');
  const [pngError, setPngError] = useState<string | null>(null);
  const t = useT('paper');
  return (
    <article className="panel paper-figure" data-testid={figureTestId(figure)} data-missing={figure.missing.length} aria-labelledby={`${figure.id}-title`}>
      <header className="panel-header">
        <h3 id={`${figure.id}-title`}>
          {figure.name} — {figure.title}
        </h3>
        <p className="panel-caption">{figure.caption}</p>
        {quick ? <p className="quick-note">{t('figure.quickNote')}</p> : null}
      </header>
      {/* Small multiples (the bound sweeps of Figs. 6 and 7) take the card's width; their claims go below. */}
      <div className={figure.chart.kind === 'facets' ? 'paper-figure-body wide' : 'paper-figure-body'}>
        {/* The SVG text comes from our own pure renderer, which escapes every label (escapeXml). */}
        <div className="paper-svg" role="img" aria-label={`${figure.name}: ${figure.title}`} dangerouslySetInnerHTML={{ __html: svg }} />
        <div className="paper-claims">
          <h4>{t('claims.paperVsOurs')}</h4>
          <ClaimList claims={claims} />
        </div>
      </div>
      {figure.missing.length > 0 ? <p className="muted small">{t('figure.missing', { jobs: figure.missing.join(', ') })}</p> : null}
      <details className="paper-table">
        <summary>{t('figure.numbers')}</summary>
        <table>
          <thead>
            <tr>
              {figure.table.header.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figure.table.rows.map((row, k) => (
              <tr key={k}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div className="paper-figure-actions">
        <button type="button" className="mini" data-testid={`${figureTestId(figure)}-svg`} onClick={() => downloadText(`${baseName}.svg`, svg, 'image/svg+xml')}>
          SVG
        </button>
        <button
          type="button"
          className="mini"
          data-testid={`${figureTestId(figure)}-png`}
          onClick={() => {
            setPngError(null);
            renderSvgToPng(svg)
              .then((blob) => downloadBlob(`${baseName}.png`, blob))
              .catch((error: unknown) => setPngError(error instanceof Error ? error.message : String(error)));
          }}
        >
          PNG
        </button>
        {pngError ? <span className="run-message small">{pngError}</span> : null}
      </div>
    </article>
  );
}

/** The paper's headline claims, with our number ± spread and the verdict under every protocol (the chosen one marked). */
function LeadClaimsTable({ claims, protocol }: { claims: LeadClaim[]; protocol: StudyProtocol }) {
  const t = useT('paper');
  const language = useLanguage();
  return (
    <div className="paper-lead" data-testid="paper-lead-claims">
      <table className="paper-lead-table">
        <caption>{t('lead.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lead.claim')}</th>
            <th scope="col">{t('lead.paper')}</th>
            {STUDY_PROTOCOLS.map((id) => (
              <th key={id} scope="col" className={id === protocol ? 'selected' : undefined}>
                {t(`protocols.${id}.label`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {claims
            .map((c) => formatLeadClaim(c, language))
            .map((claim) => (
              <tr key={claim.id} data-testid={`paper-lead-${claim.id}`}>
                <th scope="row">{claim.statement}</th>
                <td>{claim.paper}</td>
                {STUDY_PROTOCOLS.map((id) => {
                  const reading = claim.readings.find((r) => r.protocol === id);
                  return (
                    <td key={id} className={id === protocol ? 'selected' : undefined} data-verdict={reading?.verdict ?? 'not computed'} title={reading?.verdictText}>
                      <strong className={VERDICT_CLASS[reading?.verdict ?? 'not computed']}>
                        {reading ? t(reading.verdict === 'not computed' ? 'verdict.notComputed' : `verdict.${reading.verdict}`) : t('verdict.na')}
                      </strong>{' '}
                      {reading?.ours ?? t('verdict.na')}
                    </td>
                  );
                })}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** The plan's budget in the catalog's words (the English statement is plan.budgetStatement, which the CLI reports). */
function describeBudgetZh(plan: ReturnType<typeof getStudyPlan>, t: ReturnType<typeof useT<'paper'>>): string {
  const { budget } = plan;
  return `${plan.size === 'quick' ? t('budget.quick') : t('budget.full')} ${t('budget.statement', {
    protocols: plan.protocols.map((id) => `${t(`protocols.${id}.label`)} —— ${t(`protocols.${id}.rule`)}`).join('；'),
    steps: budget.steps,
    jpegSteps: budget.jpegSteps,
    total: budget.equalTotalSteps,
    jpegTotal: budget.jpegEqualTotalSteps,
    patience: STUDY_EARLY_STOP.patience,
    evalEvery: budget.evalEvery,
    rounds: budget.rounds,
    train: budget.trainSize,
    test: budget.testSize,
    seeds: plan.seeds.join(', '),
    fig2Steps: budget.fig2Steps,
    fig2Every: budget.fig2EvalEvery,
  })}`;
}

export function PaperPanel() {
  const size = useLabStore((state) => state.studySize);
  const status = useLabStore((state) => state.studyStatus);
  const progress = useLabStore((state) => state.studyProgress);
  const results = useLabStore((state) => state.studyResults);
  const errors = useLabStore((state) => state.studyErrors);
  const trained = useLabStore((state) => state.studyTrainedCount);
  const wallMs = useLabStore((state) => state.studyWallMs);
  const message = useLabStore((state) => state.studyMessage);
  const setStudySize = useLabStore((state) => state.setStudySize);
  const protocol = useLabStore((state) => state.studyProtocol);
  const setStudyProtocol = useLabStore((state) => state.setStudyProtocol);
  const t = useT('paper');
  const plan = getStudyPlan(size);
  const language = useLanguage();
  const quick = size === 'quick';
  const running = status === 'running';

  // Opening the view (or switching size) shows what the cache already holds; nothing trains.
  useEffect(() => {
    if (!running) void loadCachedStudy();
  }, [size]);

  // Switching the protocol re-reads the same results (converge reads the equal-steps runs): nothing retrains.
  const figures = useMemo(() => buildStudyFigures(plan, results, protocol, language), [plan, results, protocol, language]);
  const claims = useMemo(() => computeProtocolClaims(plan, results, protocol), [plan, results, protocol]);
  const leadClaims = useMemo(() => computeLeadClaims(plan, results), [plan, results]);
  const resultCount = Object.keys(results).length;
  const cachedCount = Object.values(results).filter((r) => r.cached).length;
  const done = progress?.done ?? resultCount;
  const total = plan.jobs.length;
  // Jobs of equal configs (e.g. Fig. 2 under both schedules) share a cache key and train once.
  const distinct = useMemo(() => new Set(plan.jobs.map((job) => computeJobKey(job))).size, [plan]);
  const fraction = total > 0 ? done / total : 0;
  const agreeCount = claims.filter((c) => c.verdict === 'agrees').length;
  const differCount = claims.filter((c) => c.verdict === 'differs').length;

  const exportJson = () => {
    const report = buildStudyReport(plan, results, wallMs, typeof navigator === 'undefined' ? 'browser' : `browser: ${navigator.userAgent}`);
    downloadText(`axnet-study-${size}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json');
  };
  const exportMarkdown = () => {
    const report = buildStudyReport(plan, results, wallMs, typeof navigator === 'undefined' ? 'browser' : `browser: ${navigator.userAgent}`);
    downloadText(`axnet-study-${size}.md`, renderStudyReport(report), 'text/markdown');
  };

  return (
    <section className="panel paper" data-testid="panel-paper" id="panel-paper" aria-labelledby="paper-title">
      <header className="panel-header">
        <h2 id="paper-title">{t('view.title')}</h2>
        <p className="panel-caption">
          {t('view.caption', { workers: STUDY_WORKERS })} {language === 'en' ? plan.budgetStatement : describeBudgetZh(plan, t)}
        </p>
      </header>

      <div className="paper-controls">
        <fieldset className="paper-size" disabled={running}>
          <legend className="field-label">{t('view.size')}</legend>
          <label className="toggle">
            <input type="radio" name="paper-size" data-testid="paper-size-quick" checked={quick} onChange={() => setStudySize('quick')} />
            <span>{t('view.quick', { jobs: getStudyPlan('quick').jobs.length, steps: STUDY_BUDGETS.quick.steps, duration: estimateDuration('quick') })}</span>
          </label>
          <label className="toggle">
            <input type="radio" name="paper-size" data-testid="paper-size-full" checked={!quick} onChange={() => setStudySize('full')} />
            <span>{t('view.full', { jobs: getStudyPlan('full').jobs.length, steps: STUDY_BUDGETS.full.steps, duration: estimateDuration('full') })}</span>
          </label>
        </fieldset>
        {!quick ? (
          <p className="paper-warning" role="note" data-testid="paper-full-warning">
            <Rich text={t('view.fullWarning', { duration: estimateDuration('full') })} slots={{ cli: <code>axlab reproduce</code> }} />
          </p>
        ) : null}
        <div className="paper-buttons">
          <button type="button" className="action" data-testid="paper-run" disabled={running || status === 'loading'} onClick={() => void startStudy()}>
            {resultCount === total ? t('view.runAgain') : resultCount > 0 ? t('view.runRemaining', { n: total - resultCount }) : t('view.runStudy', { size: t(`sizes.${size}`) })}
          </button>
          <button type="button" className="action secondary" data-testid="paper-cancel" disabled={!running} onClick={cancelStudy}>
            {t('view.cancel')}
          </button>
          <button type="button" className="action secondary" data-testid="paper-clear-cache" disabled={running} onClick={() => void clearStudyCache()}>
            {t('view.clearCache')}
          </button>
        </div>
      </div>

      <div
        className="paper-progress"
        data-testid="paper-progress"
        data-status={status}
        data-done={done}
        data-total={total}
        data-cached={cachedCount}
        data-trained={trained}
        data-distinct={distinct}
        data-failed={errors.length}
        role="status"
        aria-live="polite"
      >
        <div className="progress-bar" aria-hidden="true">
          <span style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
        </div>
        <p className="small">
          {t('progress.jobs', { done, total, cached: cachedCount, trained })}
          {running ? t('progress.eta', { eta: formatEta(progress?.etaMs ?? null) }) : ''}
          {running && progress && progress.running.length > 0 ? t('progress.now', { jobs: progress.running.join('; ') }) : ''}
          {status === 'done' && wallMs > 0 ? t('progress.finished', { time: formatSeconds(wallMs) }) : ''}
          {status === 'cancelled' ? t('progress.cancelled') : ''}
          {status === 'loading' ? t('progress.loading') : ''}
        </p>
        {message ? <p className="small run-message">{message}</p> : null}
        {errors.length > 0 ? (
          <ul className="small run-message">
            {errors.map((e) => (
              <li key={e.id}>
                {e.id}: {e.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {quick && resultCount > 0 ? (
        <p className="quick-banner" data-testid="paper-quick-label">
          {t('view.quickBanner')}
        </p>
      ) : null}

      <div className="paper-exports">
        <span className="field-label">{t('view.export')}</span>
        <button
          type="button"
          className="mini"
          data-testid="paper-export-csv"
          disabled={resultCount === 0}
          onClick={() => downloadText(`axnet-study-${size}.csv`, renderResultsCsv(plan, results), 'text/csv')}
        >
          {t('view.csv')}
        </button>
        <button type="button" className="mini" data-testid="paper-export-json" disabled={resultCount === 0} onClick={exportJson}>
          {t('view.json')}
        </button>
        <button type="button" className="mini" data-testid="paper-export-md" disabled={resultCount === 0} onClick={exportMarkdown}>
          {t('view.md')}
        </button>
        {resultCount > 0 ? (
          <span className="muted small" data-testid="paper-claims-summary">
            {t('view.claimsSummary', { n: claims.length, agree: agreeCount, differ: differCount, none: claims.length - agreeCount - differCount })}
          </span>
        ) : null}
      </div>

      <fieldset className="paper-protocol" data-testid="paper-protocol" data-protocol={protocol}>
        <legend className="field-label">{t('view.protocol')}</legend>
        {STUDY_PROTOCOLS.map((id) => (
          <label key={id} className="toggle" title={t(`protocols.${id}.rule`)}>
            <input type="radio" name="paper-protocol" data-testid={`paper-protocol-${id}`} checked={protocol === id} onChange={() => setStudyProtocol(id)} />
            <span>{t(`protocols.${id}.label`)}</span>
          </label>
        ))}
        <p className="small muted">{t(`protocols.${protocol}.rule`)}.</p>
      </fieldset>

      {resultCount > 0 ? <LeadClaimsTable claims={leadClaims} protocol={protocol} /> : null}

      {resultCount === 0 ? (
        <p className="placeholder">{t('view.noResults', { size: t(`sizes.${size}`), button: t('view.runStudy', { size: t(`sizes.${size}`) }) })}</p>
      ) : (
        <div className="paper-figures">
          {figures.map((figure) => (
            <FigureCard key={figure.id} figure={figure} quick={quick} claims={claims.filter((c) => c.figure === figure.id)} />
          ))}
        </div>
      )}

      <AxtrainStudySection />
      <NasStudySection />
    </section>
  );
}
