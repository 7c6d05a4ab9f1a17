/** Jump links to the figure panels; the selected one is remembered in the ui slice. */
import { selectSelectedPanel } from '../state/selectors';
import { useLabStore, type PanelId } from '../state/store';

const PANELS: { id: PanelId; label: string }[] = [
  { id: 'invocation', label: 'Invocation (Fig. 2b)' },
  { id: 'surface', label: 'Benchmark view (Fig. 4a–c)' },
  { id: 'control', label: 'Control vectors (Fig. 4d)' },
  { id: 'npu', label: 'NPU (Fig. 5)' },
];

export function PanelNav() {
  const selected = useLabStore(selectSelectedPanel);
  const selectPanel = useLabStore((state) => state.selectPanel);
  const paperOpen = useLabStore((state) => state.paperOpen);
  const setPaperOpen = useLabStore((state) => state.setPaperOpen);
  return (
    <nav className="panel-nav" aria-label="Panels">
      {PANELS.map((panel) => (
        <a key={panel.id} href={`#panel-${panel.id}`} className={!paperOpen && panel.id === selected ? 'active' : undefined} aria-current={!paperOpen && panel.id === selected ? 'true' : undefined}
          onClick={(event) => {
            // The hash holds the config, so scroll without touching it.
            event.preventDefault();
            selectPanel(panel.id);
            setPaperOpen(false);
            // After the lab view is back (when the Paper view was open), scroll to the panel.
            window.requestAnimationFrame(() =>
              (document.getElementById(`panel-${panel.id}`) ?? document.getElementById('panel-benchmark'))?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
            );
          }}>
          {panel.label}
        </a>
      ))}
      <a href="#panel-paper" data-testid="tab-paper" className={paperOpen ? 'active' : undefined} aria-current={paperOpen ? 'true' : undefined}
        title="Reproduce the paper's §V figures: a study of every benchmark × method, run in the browser"
        onClick={(event) => {
          event.preventDefault();
          setPaperOpen(true);
        }}>
        Paper (§V)
      </a>
    </nav>
  );
}
