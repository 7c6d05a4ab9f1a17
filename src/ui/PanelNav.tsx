/** Jump links to the figure panels; the selected one is remembered in the ui slice. */
import { selectSelectedPanel } from '../state/selectors';
import { useLabStore, type PanelId } from '../state/store';

const PANELS: { id: PanelId; label: string }[] = [
  { id: 'invocation', label: 'Invocation (Fig. 2b)' },
  { id: 'surface', label: 'Bessel surface (Fig. 4a–c)' },
  { id: 'control', label: 'Control vectors (Fig. 4d)' },
];

export function PanelNav() {
  const selected = useLabStore(selectSelectedPanel);
  const selectPanel = useLabStore((state) => state.selectPanel);
  return (
    <nav className="panel-nav" aria-label="Panels">
      {PANELS.map((panel) => (
        <a key={panel.id} href={`#panel-${panel.id}`} className={panel.id === selected ? 'active' : undefined} aria-current={panel.id === selected ? 'true' : undefined}
          onClick={(event) => {
            // The hash holds the config, so scroll without touching it.
            event.preventDefault();
            selectPanel(panel.id);
            document.getElementById(`panel-${panel.id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}>
          {panel.label}
        </a>
      ))}
    </nav>
  );
}
