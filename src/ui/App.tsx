/** App shell: header, configuration sidebar, metrics, and one panel per figure. */
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
import { selectRunMessage, selectStatus } from '../state/selectors';
import { useLabStore } from '../state/store';

// Views in chunks of their own, so first-paint JS stays < 250 kB gzip (bench/bundle.mjs): the Paper and NPU views,
// and the chart panels with their chart library (fetched at once, in parallel with the first render).
const PaperPanel = lazyView('Paper view', () => import('./paper/PaperPanel').then((m) => m.PaperPanel));
const NpuPanel = lazyView('NPU view', () => import('./npu/NpuPanel').then((m) => m.NpuPanel));
const InvocationPanel = lazyView('Invocation chart', () => import('./panels/InvocationPanel').then((m) => m.InvocationPanel), { prefetch: true });
const SweepPanel = lazyView('Sweep view', () => import('./sweep/SweepPanel').then((m) => m.SweepPanel), { prefetch: true });
const ComparePanel = lazyView('Compare view', () => import('./compare/ComparePanel').then((m) => m.ComparePanel), { prefetch: true });
// Not prefetched: only a link with `ax=` or the AxTrain tab opens it.
const AxtrainView = lazyView('AxTrain view', () => import('./axtrain/AxtrainView').then((m) => m.AxtrainView));
// Not prefetched: only a link with `nas=` or the NAS tab opens it.
const NasView = lazyView('NAS view', () => import('./nas/NasView').then((m) => m.NasView));

function RunMessage() {
  const status = useLabStore(selectStatus);
  const message = useLabStore(selectRunMessage);
  if (status !== 'error' || !message) return null;
  return <p className="run-message">{message}</p>;
}

export function App() {
  const compareMode = useLabStore((state) => state.config.methods.length > 1);
  const paperOpen = useLabStore((state) => state.paperOpen);
  const sweepMode = useLabStore((state) => state.sweep !== null);
  const axtrainView = useLabStore((state) => state.axtrain !== null && !state.paperOpen);
  const nasView = useLabStore((state) => state.nas !== null && !state.paperOpen);
  if (nasView || axtrainView) {
    // The NAS and AxTrain views bring their own controls column (a link with both opens NAS).
    return (
      <div className="app">
        <Header />
        <Notice />
        <UpdateNotice />
        <main className="layout layout-single">
          <div className="main-column">
            <PanelNav />
            {nasView ? <NasView /> : <AxtrainView />}
          </div>
        </main>
        <Footer />
      </div>
    );
  }
  return (
    <div className="app">
      <Header />
      <Notice />
      <UpdateNotice />
      <main className="layout">
        <ControlsPanel />
        <div className="main-column">
          <PanelNav />
          {paperOpen ? (
            <PaperPanel />
          ) : sweepMode ? (
            <>
              <SweepPanel />
              <AboutPanel />
            </>
          ) : compareMode ? (
            <>
              <ComparePanel />
              <AboutPanel />
              <NpuPanel />
            </>
          ) : (
            <>
              <MetricsPanel />
              <RunMessage />
              <div className="row">
                <InvocationPanel />
                <AboutPanel />
              </div>
              <BenchmarkView />
              <ControlVectorPanel />
              <NpuPanel />
            </>
          )}
        </div>
      </main>
      <Footer />
    </div>
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
