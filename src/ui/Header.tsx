/**
 * Top bar: title, backend badge, play/pause, step, reset, share (ShareDialog.tsx). Space toggles play. The AxTrain view has its own
 * transport and status (src/ui/axtrain/AxtrainView.tsx): there the lab's transport and badge step aside, and Space
 * toggles AxTrain's run.
 */
import { Suspense, lazy, useEffect, useRef, useState, type RefObject } from 'react';
import './backend.css';
import { toggleAxtrain } from '../state/axtrainController';
import { playRun, pauseRun, resetRun, stepRun, togglePlay } from '../state/trainingController';
import {
  formatBackendAttempt,
  selectBackendReport,
  selectBackendFallback,
  selectBackendTooltip,
  selectCanStep,
  selectConfig,
  selectIsRunning,
  selectStatus,
  selectStep,
  selectStepsPerSecond,
} from '../state/selectors';
import { useLabStore } from '../state/store';
import { LANGUAGES, type LanguageId } from '../core/language';
import { formatNumber, useLanguage, useT } from './i18n';
import { getShareUrl } from '../state/urlSync';
import { ClassTarget } from './classroom/ClassTarget';
import { isHidden, isLocked } from '../state/classroomSlice';
import { LessonMenu } from './classroom/LessonMenu';
import { PresentButton } from './classroom/Presentation';

/** Small inline icons (no icon font needed). */
function Icon({ name }: { name: 'play' | 'pause' | 'step' | 'reset' }) {
  const paths = {
    play: 'M8 5v14l11-7z',
    pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
    step: 'M6 5v14l9-7zM16 5h3v14h-3z',
    reset: 'M12 5a7 7 0 1 0 7 7h-2a5 5 0 1 1-5-5v3l4-4-4-4z',
  } as const;
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}

/**
 * Elements that own the Space key: form controls (Space ticks a checkbox), buttons and summaries
 * (Space activates them), links, and anything made interactive with a role or a tabindex (the NPU
 * diagram's PEs are SVG elements, not HTML ones).
 */
const SPACE_OWNERS = 'input, select, textarea, button, summary, a[href], [contenteditable], [role], [tabindex]';

export function ownsSpaceKey(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target === document.body || target === document.documentElement) return false;
  return target.closest(SPACE_OWNERS) !== null;
}

/** Space toggles play, except while the focus is on a control that uses Space itself. */
function useSpaceToTogglePlay(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'Space' && event.key !== ' ') return;
      if (event.repeat || event.ctrlKey || event.metaKey || event.altKey || ownsSpaceKey(event.target)) return;
      const state = useLabStore.getState();
      // A class link that hides or locks the transport takes its key too.
      if (isHidden(state.classroom, 'transport') || isLocked(state.classroom, 'transport')) return;
      event.preventDefault();
      if (state.axtrain !== null && !state.paperOpen) toggleAxtrain();
      else togglePlay();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

const ShareDialog = lazy(() => import('./ShareDialog'));

/** The Share button; it opens the Share dialog (link, QR code, copy) and gets the focus back when it closes. */
function ShareControl() {
  const t = useT('header');
  const [url, setUrl] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setUrl(null);
    buttonRef.current?.focus();
  };
  return (
    <div className="share">
      <button ref={buttonRef} type="button" className="button" data-testid="share-button" aria-haspopup="dialog" onClick={() => setUrl(getShareUrl())} title={t('shareTitle')}>
        {t('share')}
      </button>
      {url ? (
        <Suspense fallback={null}>
          <ShareDialog url={url} onClose={close} />
        </Suspense>
      ) : null}
    </div>
  );
}

/** English / 中文, at any time: the store's language (remembered, and in the link when not English). */
function LanguageSwitch() {
  const t = useT('common');
  const language = useLanguage();
  const setLanguage = useLabStore((state) => state.setLanguage);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('languageLabel')}</span>
      <select data-testid="language-select" value={language} onChange={(event) => setLanguage(event.target.value as LanguageId)} title={t('languageLabel')}>
        {LANGUAGES.map((l) => (
          <option key={l.id} value={l.id} lang={l.htmlLang}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Publishes the header's height as --header-h, so the sticky sidebar fits under it however the header wraps. */
function useHeaderHeightVariable(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--header-h', `${Math.ceil(element.getBoundingClientRect().height)}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
}

/** "412 steps/s" with 3 significant digits below 100 (software backends run at 1–10 steps/s). */
function formatStepsPerSecond(rate: number | undefined, language: LanguageId, t: ReturnType<typeof useT<'header'>>): string {
  if (rate === undefined || !Number.isFinite(rate)) return '–';
  return t('stepsPerSecond', { rate: rate >= 100 ? formatNumber(Math.round(rate), language) : rate.toPrecision(2) });
}

/**
 * The backend in use; opening it lists every candidate with its measured steps/s and why it was or was not
 * used (chosen, slower, software adapter, failed self-test, from cache), as the worker reported it.
 */
function BackendBadge({ label, tooltip }: { label: string; tooltip: string }) {
  const t = useT('header');
  const language = useLanguage();
  const report = useLabStore(selectBackendReport);
  const requested = useLabStore((state) => state.config.backend);
  const status = useLabStore(selectStatus);
  return (
    <details className="backend-badge">
      <summary title={tooltip}>
        {t('backend')} <strong data-testid="backend-name">{label}</strong>
      </summary>
      <div className="backend-details" data-testid="backend-details">
        <p className="backend-details-title">{requested === 'auto' ? t('backendAuto') : t('backendForced', { backend: requested })}</p>
        {report.length === 0 ? (
          <p>{status === 'idle' ? t('backendIdle') : t('backendNoReport')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('backendColumn')}</th>
                <th scope="col">{t('measuredColumn')}</th>
                <th scope="col">{t('outcomeColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {report.map((attempt) => (
                <tr key={attempt.name} data-testid={`backend-row-${attempt.name}`} className={attempt.ok ? 'backend-chosen' : undefined}>
                  <th scope="row">{attempt.name}</th>
                  <td className="backend-rate">{formatStepsPerSecond(attempt.stepsPerSecond, language, t)}</td>
                  <td>{formatBackendAttempt(attempt).slice(attempt.name.length + 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </details>
  );
}

export function Header() {
  const headerRef = useRef<HTMLElement>(null);
  useHeaderHeightVariable(headerRef);
  const isRunning = useLabStore(selectIsRunning);
  const canStep = useLabStore(selectCanStep);
  const status = useLabStore(selectStatus);
  const step = useLabStore(selectStep);
  const config = useLabStore(selectConfig);
  const backendInUse = useLabStore((state) => state.backend);

  const stepsPerSecond = useLabStore(selectStepsPerSecond);
  const sweepMode = useLabStore((state) => state.sweep !== null);
  const axtrainView = useLabStore((state) => state.axtrain !== null && !state.paperOpen);
  const t = useT('header');
  const tc = useT('common');
  const language = useLanguage();
  const backendTooltip = useLabStore((state) => selectBackendTooltip(state, language));
  const backendFallback = useLabStore((state) => selectBackendFallback(state, language));
  useSpaceToTogglePlay();

  return (
    <header className="app-header" ref={headerRef}>
      <div className="brand">
        <h1>{tc('appTitle')}</h1>
        <span className="tagline">{axtrainView ? t('taglineAxtrain') : t('taglineLab')}</span>
      </div>
      <ClassTarget id="transport" className="transport-target">
        <div className="transport" hidden={axtrainView}>
          <button type="button" className="icon-button" data-testid="reset-button" aria-label={t('reset')} title={t('resetTitle')} onClick={resetRun}>
            <Icon name="reset" />
          </button>
          <button
            type="button"
            className={`play-button${isRunning ? ' playing' : ''}`}
            data-testid="play-button"
            aria-label={isRunning ? t('pause') : t('play')}
            title={isRunning ? t('pauseTitle') : t('playTitle')}
            onClick={isRunning ? pauseRun : playRun}
            disabled={status === 'error'}
          >
            <Icon name={isRunning ? 'pause' : 'play'} />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="step-button"
            aria-label={t('stepLabel', { steps: config.evalEvery })}
            title={sweepMode ? t('stepSweepTitle') : t('stepTitle', { steps: config.evalEvery })}
            onClick={() => stepRun(config.evalEvery)}
            disabled={!canStep || sweepMode}
          >
            <Icon name="step" />
          </button>
          <div className="run-state">
            <span className="run-step">
              {t('stepCounter')} <strong>{formatNumber(step, language)}</strong> / {formatNumber(config.steps, language)}
            </span>
            <span className={`run-status status-${status}`}>
              {t(`status.${status}`)}
              {status === 'running' && stepsPerSecond > 0 ? ` · ${t('stepsPerSecond', { rate: Math.round(stepsPerSecond) })}` : ''}
            </span>
          </div>
        </div>
      </ClassTarget>
      <div className="header-right">
        {axtrainView ? null : <BackendBadge label={backendInUse ?? (status === 'initializing' ? t('backendStarting') : t('backendNotStarted'))} tooltip={backendTooltip} />}
        {axtrainView || backendFallback === null ? null : (
          <p className="backend-fallback" role="alert" data-testid="backend-fallback">
            {backendFallback}
          </p>
        )}
        <LessonMenu />
        <PresentButton />
        <LanguageSwitch />
        <ClassTarget id="share">
          <ShareControl />
        </ClassTarget>
      </div>
    </header>
  );
}
