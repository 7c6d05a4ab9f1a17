/**
 * One "Export" menu per panel (issue 13): the PNG and SVG of every figure the panel shows, plus the panel's own
 * files (the run's CSV/JSON, the weights). Figures register themselves with the panel they sit in through an
 * ExportScope (useFigureExport: LiveChart, Heatmap, the NPU diagram), so a panel lists whatever it draws now.
 * The menu is a <details> disclosure: a focusable summary, then plain buttons (keyboard reachable, no ARIA menu
 * pattern to get wrong); a failed export says why in a role=alert line.
 */
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useT } from '../i18n';
import { downloadBlob, downloadText, renderSvgToPng, serializeStyledSvg } from './download';

export interface FigureExporter {
  /** File-name part and test id: "invocation-chart". */
  id: string;
  /** What the menu calls it: "Invocation chart". */
  label: string;
  png: () => Promise<Blob>;
  svg: () => string;
}

export interface ExportAction {
  label: string;
  testId: string;
  run: () => void | Promise<void>;
  disabled?: boolean;
}

class FigureRegistry {
  private figures = new Map<string, FigureExporter>();
  private list: FigureExporter[] = [];
  private listeners = new Set<() => void>();
  add(exporter: FigureExporter): () => void {
    this.figures.set(exporter.id, exporter);
    this.publish();
    return () => {
      if (this.figures.get(exporter.id) === exporter) this.figures.delete(exporter.id);
      this.publish();
    };
  }
  private publish(): void {
    this.list = [...this.figures.values()];
    for (const listener of this.listeners) listener();
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  snapshot = (): FigureExporter[] => this.list;
}

const RegistryContext = createContext<FigureRegistry | null>(null);

/** The figures of one panel: wrap the panel's content; its ExportMenu lists what registered inside. */
export function ExportScope({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new FigureRegistry());
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/**
 * Registers a figure with the enclosing ExportScope while it is mounted (no scope: nothing). The callbacks are
 * read when the menu runs them, so they see the latest drawing.
 */
export function useFigureExport(id: string | undefined, label: string, png: () => Promise<Blob>, svg: () => string): void {
  const registry = useContext(RegistryContext);
  const latest = useRef({ label, png, svg });
  latest.current = { label, png, svg };
  useEffect(() => {
    if (!registry || !id) return;
    return registry.add({ id, label: latest.current.label, png: () => latest.current.png(), svg: () => latest.current.svg() });
  }, [registry, id]);
}

/**
 * Registers an on-page <svg> figure (the NPU diagram, the NAS and AxTrain charts): its SVG with the page's CSS
 * inlined as attributes (serializeStyledSvg), its PNG rendered from that at the on-screen size × devicePixelRatio.
 */
export function useSvgElementExport(id: string | undefined, label: string, ref: { readonly current: SVGSVGElement | null }): void {
  const readSvg = () => {
    if (!ref.current) throw new Error('The figure is not drawn yet.');
    return serializeStyledSvg(ref.current).svg;
  };
  useFigureExport(id, label, () => renderSvgToPng(readSvg(), window.devicePixelRatio || 1), readSvg);
}

const EMPTY: FigureExporter[] = [];
const noSubscribe = () => () => {};
const emptySnapshot = () => EMPTY;

export interface ExportMenuProps {
  /** File-name stem: "axnet-bessel_Jnu-seed1-step300". */
  stem: string;
  testId: string;
  actions?: readonly ExportAction[];
  /** Extra content at the end of the menu (the "Reproduce this" block). */
  children?: ReactNode;
}

export function ExportMenu({ stem, testId, actions = [], children }: ExportMenuProps) {
  const t = useT('panels');
  const registry = useContext(RegistryContext);
  const snapshot = registry?.snapshot ?? emptySnapshot;
  // Server rendering (the panels' unit tests render to a string) sees the same, empty-at-first, registry.
  const figures = useSyncExternalStore(registry?.subscribe ?? noSubscribe, snapshot, snapshot);
  const [error, setError] = useState<string | null>(null);
  const run = (task: () => void | Promise<void>) => {
    setError(null);
    Promise.resolve()
      .then(task)
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };
  // A panel with nothing drawn yet (or only tables) shows no menu.
  if (figures.length === 0 && actions.length === 0 && children === undefined) return null;
  return (
    <details
      className="export-menu"
      data-testid={testId}
      onKeyDown={(event) => {
        // Escape closes the menu and gives the focus back to its toggle.
        if (event.key !== 'Escape' || !event.currentTarget.open) return;
        event.currentTarget.open = false;
        event.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary className="export-menu-toggle" data-testid={`${testId}-toggle`}>
        {t('exports.export')}
      </summary>
      <div className="export-menu-body">
        {figures.map((figure) => (
          <div className="export-row" key={figure.id} role="group" aria-label={t('exports.exportFigure', { figure: figure.label })}>
            <span className="export-row-label">{figure.label}</span>
            <button
              type="button"
              className="mini"
              data-testid={`export-${figure.id}-png`}
              onClick={() => run(async () => downloadBlob(`${stem}-${figure.id}.png`, await figure.png()))}
            >
              PNG
            </button>
            <button
              type="button"
              className="mini"
              data-testid={`export-${figure.id}-svg`}
              onClick={() => run(() => downloadText(`${stem}-${figure.id}.svg`, figure.svg(), 'image/svg+xml'))}
            >
              SVG
            </button>
          </div>
        ))}
        {actions.length > 0 ? (
          <div className="export-row" role="group" aria-label={t('exports.exportRun')}>
            {actions.map((action) => (
              <button type="button" className="mini" key={action.testId} data-testid={action.testId} disabled={action.disabled} onClick={() => run(action.run)}>
                {action.label}
              </button>
            ))}
          </div>
        ) : null}
        {children}
        <p role="alert" className="export-error">
          {error ?? ''}
        </p>
      </div>
    </details>
  );
}
