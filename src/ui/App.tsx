/**
 * App shell: header, configuration sidebar, metrics, and one panel per figure. Every view is wrapped in its classroom
 * id (ClassTarget: a class link may hide it, a lesson step rings it); presentation mode shows only the current view,
 * and the sidebar only while the lesson step points at one of its controls.
 */
import { useT } from './i18n';
import { AboutPanel } from './AboutPanel';
import { ControlsPanel } from './ControlsPanel';
import { Header } from './Header';
import { MetricsPanel } from './MetricsPanel';
import { Notice } from './Notice';
import { OfflineReadyNote, UpdateNotice } from './UpdateNotice';
import { PanelNav } from './PanelNav';
import { ControlVectorPanel } from './panels/ControlVectorPanel';
import { BenchmarkView } from './benchmarks/BenchmarkView';
import { lazyView } from './lazyView';
import { useRunMessageText } from './RunFailureLine';
import { selectRunMessage, selectStatus } from '../state/selectors';
import { useLabStore } from '../state/store';
import { selectCurrentView } from '../state/views';
import { currentLessonStep } from '../core/classroom/classLink';
import { CLASS_ID_SPECS, type ViewId } from '../core/classroom/classIds';
import { ClassTarget } from './classroom/ClassTarget';
import { ClassBanner } from './classroom/ClassBanner';
import { LessonCard } from './classroom/LessonCard';
import { PresentBar, PresentQr, usePresentationKeys } from './classroom/Presentation';
import type { ReactNode } from 'react';
import { ChartEmphasisContext, NORMAL_CHART_EMPHASIS, PRESENT_CHART_EMPHASIS } from './charts/chartEmphasis';

// Views in chunks of their own, so first-paint JS stays < 250 kB gzip (bench/bundle.mjs): the Paper and NPU views,
// and the chart panels with their chart library (fetched at once, in parallel with the first render).
const PaperPanel = lazyView('paper', () => import('./paper/PaperPanel').then((m) => m.PaperPanel));
const NpuPanel = lazyView('npu', () => import('./npu/NpuPanel').then((m) => m.NpuPanel));
const InvocationPanel = lazyView('invocation', () => import('./panels/InvocationPanel').then((m) => m.InvocationPanel), { prefetch: true });
const SweepPanel = lazyView('sweep', () => import('./sweep/SweepPanel').then((m) => m.SweepPanel), { prefetch: true });
const ComparePanel = lazyView('compare', () => import('./compare/ComparePanel').then((m) => m.ComparePanel), { prefetch: true });
// Not prefetched: only a link with `ax=` or the AxTrain tab opens it.
const AxtrainView = lazyView('axtrain', () => import('./axtrain/AxtrainView').then((m) => m.AxtrainView));
// Not prefetched: only a link with `nas=` or the NAS tab opens it.
const NasView = lazyView('nas', () => import('./nas/NasView').then((m) => m.NasView));

/** The run's error line (useRunMessageText: the page's words in the language on screen, else the worker's own). */
function RunMessage() {
  const status = useLabStore(selectStatus);
  const text = useRunMessageText(
    useLabStore(selectRunMessage),
    useLabStore((state) => state.localizedMessage),
  );
  if (status !== 'error' || !text) return null;
  return <p className="run-message">{text}</p>;
}

/** Whether the sidebar shows: always, except in presentation mode when the lesson step points at no control. */
function useSidebarShown(): boolean {
  return useLabStore((state) => {
    if (!state.classroom.present) return true;
    const highlight = currentLessonStep(state.classroom)?.highlight;
    return CLASS_ID_SPECS.some((spec) => spec.id === highlight && spec.kind === 'control');
  });
}

/**
 * Presentation mode with a lesson: the lesson card in a column of its own beside the view (never over a chart), and
 * under it the control the step points at (styles.css shows only that group of the sidebar).
 */
function PresentSide({ withControls }: { withControls: boolean }) {
  return (
    <aside className="present-side" aria-label="Lesson">
      <LessonCard />
      {withControls ? <ControlsPanel /> : null}
    </aside>
  );
}

/** The layout class: the lab's sidebar and views; one column; or presentation mode's lesson column and the view. */
function useLayoutClass(): 'layout' | 'layout layout-single' | 'layout present-layout' {
  return useLabStore((state) => {
    if (!state.classroom.present) return 'layout';
    return state.classroom.lesson !== null ? 'layout present-layout' : 'layout layout-single';
  });
}

/**
 * Outside presentation mode an open lesson's card takes a column of its own at the right of the views (never over a
 * chart's end labels or legend); on a narrow screen it floats at the bottom (styles.css).
 */
function useLessonDock(present: boolean): { dockClass: string; dock: ReactNode } {
  const hasLesson = useLabStore((state) => state.classroom.lesson !== null);
  if (present || !hasLesson) return { dockClass: '', dock: null };
  return { dockClass: ' with-lesson', dock: <LessonCard /> };
}

/** A view of the page: its classroom wrapper, and in presentation mode only while it is the current view. */
function View({ id, children }: { id: ViewId; children: ReactNode }) {
  const shown = useLabStore((state) => !state.classroom.present || selectCurrentView(state) === id);
  return shown ? <ClassTarget id={id}>{children}</ClassTarget> : null;
}

/** Header, notices, the teacher's banner; the lesson card and presentation mode's bar and QR code. */
function Shell({ children }: { children: ReactNode }) {
  const present = useLabStore((state) => state.classroom.present);
  const hasLesson = useLabStore((state) => state.classroom.lesson !== null);
  usePresentationKeys();
  return (
    <div className={`app${present ? ' present' : ''}${hasLesson ? ' has-lesson' : ''}`} data-testid="app" data-present={present ? 'true' : undefined}>
      <Header />
      <PresentBar />
      <Notice />
      <UpdateNotice />
      <ClassBanner />
      <ChartEmphasisContext.Provider value={present ? PRESENT_CHART_EMPHASIS : NORMAL_CHART_EMPHASIS}>{children}</ChartEmphasisContext.Provider>
      <Footer />
      <PresentQr />
    </div>
  );
}

export function App() {
  const compareMode = useLabStore((state) => state.config.methods.length > 1);
  const paperOpen = useLabStore((state) => state.paperOpen);
  const sweepMode = useLabStore((state) => state.sweep !== null);
  const axtrainView = useLabStore((state) => state.axtrain !== null && !state.paperOpen);
  const nasView = useLabStore((state) => state.nas !== null && !state.paperOpen);
  const present = useLabStore((state) => state.classroom.present);
  const sidebarShown = useSidebarShown();
  const layoutClass = useLayoutClass();
  const presentSide = layoutClass === 'layout present-layout';
  const { dockClass, dock } = useLessonDock(present);
  if (nasView || axtrainView) {
    // The NAS and AxTrain views bring their own controls column (a link with both opens NAS).
    return (
      <Shell>
        <main className={`${presentSide ? layoutClass : 'layout layout-single'}${dockClass}`}>
          {presentSide ? <PresentSide withControls={false} /> : null}
          <div className="main-column">
            <PanelNav />
            {nasView ? (
              <ClassTarget id="nas">
                <NasView />
              </ClassTarget>
            ) : (
              <ClassTarget id="axtrain">
                <AxtrainView />
              </ClassTarget>
            )}
          </div>
          {dock}
        </main>
      </Shell>
    );
  }
  const about = present ? null : <AboutPanel />;
  return (
    <Shell>
      <main className={`${layoutClass}${dockClass}`}>
        {presentSide ? <PresentSide withControls={sidebarShown} /> : present ? null : <ControlsPanel />}
        <div className="main-column">
          <PanelNav />
          {paperOpen ? (
            <ClassTarget id="paper">
              <PaperPanel />
            </ClassTarget>
          ) : sweepMode ? (
            <>
              <ClassTarget id="sweep">
                <SweepPanel />
              </ClassTarget>
              {about}
            </>
          ) : compareMode ? (
            <>
              <View id="compare">
                <ComparePanel />
              </View>
              {about}
              <View id="npu">
                <NpuPanel />
              </View>
            </>
          ) : (
            <>
              <MetricsPanel />
              <RunMessage />
              <div className="row">
                <View id="invocation">
                  <InvocationPanel />
                </View>
                {about}
              </div>
              <View id="surface">
                <BenchmarkView />
              </View>
              <View id="control">
                <ControlVectorPanel />
              </View>
              <View id="npu">
                <NpuPanel />
              </View>
            </>
          )}
        </div>
        {dock}
      </main>
    </Shell>
  );
}

function Footer() {
  const t = useT('common');
  return (
    <footer className="app-footer muted small">
      {t('footer')}
      <OfflineReadyNote />
    </footer>
  );
}
