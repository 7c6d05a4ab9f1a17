/**
 * Jump links to the figure panels; the selected one is remembered in the ui slice. Each link names
 * the views that have its panel: compare mode shows the comparison, About and NPU panels only, so
 * it offers no link to the lab view's Invocation, Benchmark and Control-vector panels.
 * Two tabs open views of their own: AxTrain (an AxTrain config in the store, so `ax=…` in the link;
 * the tab brings the breast-cancer defaults) and Paper. A panel link leaves the AxTrain view (its
 * config, and so its part of the link, goes); the Paper tab keeps it, so Back to AxTrain finds it.
 */
import { createAxtrainConfig } from '../core/axtrain/config';
import { createNasClassroomConfig } from '../core/nas/config';
import { isCompareMode } from '../state/compareController';
import { selectSelectedPanel } from '../state/selectors';
import { useLabStore, type PanelId } from '../state/store';
import { useT } from './i18n';

type LabView = 'lab' | 'compare';

interface NavLink {
  /** The panel's element is #panel-<anchor>. */
  anchor: string;
  /** The ui slice's selected panel, for the links that have one. */
  panel: PanelId | null;
  /** Its text: a key of the 'nav' namespace (src/ui/i18n/locales). */
  label: 'invocation' | 'compare' | 'surface' | 'control' | 'npu';
  views: readonly LabView[];
}

export const NAV_LINKS: readonly NavLink[] = [
  { anchor: 'invocation', panel: 'invocation', label: 'invocation', views: ['lab'] },
  { anchor: 'compare', panel: null, label: 'compare', views: ['compare'] },
  { anchor: 'surface', panel: 'surface', label: 'surface', views: ['lab'] },
  { anchor: 'control', panel: 'control', label: 'control', views: ['lab'] },
  { anchor: 'npu', panel: 'npu', label: 'npu', views: ['lab', 'compare'] },
];

/** The links a view can serve (every one of them scrolls to a panel that view renders). */
export function linksForView(view: LabView): NavLink[] {
  return NAV_LINKS.filter((link) => link.views.includes(view));
}

export function PanelNav() {
  const t = useT('nav');
  const selected = useLabStore(selectSelectedPanel);
  const selectPanel = useLabStore((state) => state.selectPanel);
  const paperOpen = useLabStore((state) => state.paperOpen);
  const setPaperOpen = useLabStore((state) => state.setPaperOpen);
  const view: LabView = useLabStore((state) => (isCompareMode(state.config) ? 'compare' : 'lab'));
  const axtrainOpen = useLabStore((state) => state.axtrain !== null);
  const setAxtrain = useLabStore((state) => state.setAxtrain);
  const nasOpen = useLabStore((state) => state.nas !== null);
  const setNas = useLabStore((state) => state.setNas);
  const axtrainCurrent = axtrainOpen && !nasOpen && !paperOpen;
  const nasCurrent = nasOpen && !paperOpen;
  return (
    <nav className="panel-nav" aria-label={t('label')} data-testid="panel-nav" data-view={view}>
      {linksForView(view).map((link) => {
        const current = !paperOpen && !axtrainOpen && !nasOpen && link.panel !== null && link.panel === selected;
        return (
          <a
            key={link.anchor}
            href={`#panel-${link.anchor}`}
            data-testid={`nav-${link.anchor}`}
            className={current ? 'active' : undefined}
            aria-current={current ? 'true' : undefined}
            onClick={(event) => {
              // The hash holds the config, so scroll without touching it.
              event.preventDefault();
              if (link.panel !== null) selectPanel(link.panel);
              setPaperOpen(false);
              setAxtrain(null);
              setNas(null);
              // After the lab view is back (when the Paper view was open), scroll to the panel.
              window.requestAnimationFrame(() =>
                (document.getElementById(`panel-${link.anchor}`) ?? document.getElementById('panel-benchmark'))?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
              );
            }}
          >
            {t(link.label)}
          </a>
        );
      })}
      <a
        href="#panel-axtrain"
        data-testid="tab-axtrain"
        className={axtrainCurrent ? 'active' : undefined}
        aria-current={axtrainCurrent ? 'true' : undefined}
        title={t('axtrainTitle')}
        onClick={(event) => {
          event.preventDefault();
          setPaperOpen(false);
          setNas(null);
          if (!useLabStore.getState().axtrain) setAxtrain(createAxtrainConfig('breastcancer'));
        }}
      >
        {t('axtrain')}
      </a>
      <a
        href="#panel-nas"
        data-testid="tab-nas"
        className={nasCurrent ? 'active' : undefined}
        aria-current={nasCurrent ? 'true' : undefined}
        title={t('nasTitle')}
        onClick={(event) => {
          event.preventDefault();
          setPaperOpen(false);
          setAxtrain(null);
          if (!useLabStore.getState().nas) setNas(createNasClassroomConfig());
        }}
      >
        {t('nas')}
      </a>
      <a
        href="#panel-paper"
        data-testid="tab-paper"
        className={paperOpen ? 'active' : undefined}
        aria-current={paperOpen ? 'true' : undefined}
        title={t('paperTitle')}
        onClick={(event) => {
          event.preventDefault();
          setPaperOpen(true);
        }}
      >
        {t('paper')}
      </a>
    </nav>
  );
}
