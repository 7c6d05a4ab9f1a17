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
import { useT } from './i18n';
import type { en } from './i18n/locales/en';

interface ViewTab {
  /** Its text: a key of the 'nav' namespace (src/ui/i18n/locales). */
  label: Exclude<keyof typeof en.nav, 'label'>;
  /** The tab's test id: `nav-<view>` for the panels of the lab's layouts, `tab-<view>` for the views of their own. */
  testId: string;
  title?: 'axtrainTitle' | 'nasTitle' | 'paperTitle';
}

export const VIEW_TABS: Readonly<Record<ViewId, ViewTab>> = {
  invocation: { label: 'invocation', testId: 'nav-invocation' },
  compare: { label: 'compare', testId: 'nav-compare' },
  sweep: { label: 'sweep', testId: 'nav-sweep' },
  surface: { label: 'surface', testId: 'nav-surface' },
  control: { label: 'control', testId: 'nav-control' },
  npu: { label: 'npu', testId: 'nav-npu' },
  axtrain: { label: 'axtrain', testId: 'tab-axtrain', title: 'axtrainTitle' },
  nas: { label: 'nas', testId: 'tab-nas', title: 'nasTitle' },
  paper: { label: 'paper', testId: 'tab-paper', title: 'paperTitle' },
};

/** The views that scroll to a panel of the page rather than replace the page. */
const SCROLLED_VIEWS: ReadonlySet<ViewId> = new Set(['invocation', 'surface', 'control', 'npu', 'compare', 'sweep']);

export function PanelNav() {
  const t = useT('nav');
  const views = useLabStore(useShallow(listNavViews));
  const current = useLabStore(selectCurrentView);
  const layout = useLabStore(selectLayout);
  const present = useLabStore((state) => state.classroom.present);
  return (
    <nav className="panel-nav" aria-label={t('label')} data-testid="panel-nav" data-view={layout}>
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
            title={tab.title ? t(tab.title) : undefined}
            onClick={(event) => {
              // The hash holds the config, so open the view without touching it.
              event.preventDefault();
              openView(useLabStore.getState(), view);
              if (SCROLLED_VIEWS.has(view)) scrollToView(view);
            }}
          >
            {present ? <kbd className="nav-key">{index + 1}</kbd> : null}
            {t(tab.label)}
          </a>
        );
      })}
    </nav>
  );
}
