/**
 * The panel nav: the views the current config offers (src/state/views.ts listNavViews: the lab view's panels, or the
 * compare or sweep view's, then AxTrain, NAS and Paper), without those a class link hides. A click opens the view
 * through openView, the one path the lesson steps, a link's `open=` and presentation mode's digit keys take too; a
 * lab panel is also scrolled to. The selected panel is remembered in the ui slice.
 */
import type { ViewId } from '../core/classroom/classIds';
import { useLabStore } from '../state/store';
import { listNavViews, openView, selectCurrentView, selectLayout } from '../state/views';
import { scrollToView } from './classroom/Presentation';
import { useShallow } from 'zustand/react/shallow';

interface ViewTab {
  label: string;
  /** The tab's test id: `nav-<view>` for the panels of the lab's layouts, `tab-<view>` for the views of their own. */
  testId: string;
  title?: string;
}

export const VIEW_TABS: Readonly<Record<ViewId, ViewTab>> = {
  invocation: { label: 'Invocation (Fig. 2b)', testId: 'nav-invocation' },
  compare: { label: 'Compare methods (Fig. 2)', testId: 'nav-compare' },
  sweep: { label: 'Sweep', testId: 'nav-sweep' },
  surface: { label: 'Benchmark view (Fig. 4a–c)', testId: 'nav-surface' },
  control: { label: 'Control vectors (Fig. 4d)', testId: 'nav-control' },
  npu: { label: 'NPU (Fig. 5)', testId: 'nav-npu' },
  axtrain: {
    label: 'AxTrain',
    testId: 'tab-axtrain',
    title: 'AxTrain (He et al., ISLPED’18): train nets that stay accurate on approximate hardware (DRUM-k multipliers, NTV weight memory)',
  },
  nas: { label: 'NAS', testId: 'tab-nas', title: 'NAS (Chen et al., DATE’20): search the approximator’s topology with SMAC, against random search and the MICRO’12 enumeration' },
  paper: { label: 'Paper (§V)', testId: 'tab-paper', title: 'Reproduce the paper’s §V figures: a study of every benchmark × method, run in the browser' },
};

/** The views that scroll to a panel of the page rather than replace the page. */
const SCROLLED_VIEWS: ReadonlySet<ViewId> = new Set(['invocation', 'surface', 'control', 'npu', 'compare', 'sweep']);

export function PanelNav() {
  const views = useLabStore(useShallow(listNavViews));
  const current = useLabStore(selectCurrentView);
  const layout = useLabStore(selectLayout);
  const present = useLabStore((state) => state.classroom.present);
  return (
    <nav className="panel-nav" aria-label="Panels" data-testid="panel-nav" data-view={layout}>
      {views.map((view, index) => {
        const tab = VIEW_TABS[view];
        const active = view === current;
        return (
          <a
            key={view}
            href={`#panel-${view}`}
            data-testid={tab.testId}
            data-view={view}
            className={active ? 'active' : undefined}
            aria-current={active ? 'true' : undefined}
            title={tab.title}
            onClick={(event) => {
              // The hash holds the config, so open the view without touching it.
              event.preventDefault();
              openView(useLabStore.getState(), view);
              if (SCROLLED_VIEWS.has(view)) scrollToView(view);
            }}
          >
            {present ? <kbd className="nav-key">{index + 1}</kbd> : null}
            {tab.label}
          </a>
        );
      })}
    </nav>
  );
}
