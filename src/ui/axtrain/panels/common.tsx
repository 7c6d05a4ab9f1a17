/**
 * What every AxTrain figure panel shares: the section frame (heading, caption, test id), the provenance badge
 * (the NPU view's `badge <status>` classes, with 'interpretation' added), method swatches, the "waiting for"
 * line, the paper-beside-ours list and a width hook for the hand-drawn SVG and canvas figures.
 */
import { useId, useRef, type ReactNode, type RefObject } from 'react';
import type { ApproxFactStatus } from '../../../core/approx/status';
import { AXTRAIN_METHOD_LABELS, type AxtrainMethodId } from '../../../core/axtrain/config';
import { AXTRAIN_METHOD_STYLES, type BarFill } from './figureData';
import './axtrainPanels.css';
import { ExportMenu, ExportScope } from '../../exports/ExportMenu';
import { useT } from '../../i18n';
import { useElementWidth } from '../../useElementWidth';

import { Rich } from './Rich';

export { Rich };

export function FigureSection({ id, title, caption, children, wide = false }: { id: string; title: ReactNode; caption: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <ExportScope>
      <section className={`panel axtrain-figure${wide ? ' wide' : ''}`} data-testid={`axtrain-panel-${id}`} id={`axtrain-${id}`} aria-labelledby={`axtrain-${id}-title`}>
        <header className="panel-header">
          <div className="panel-title-row">
            <h3 id={`axtrain-${id}-title`}>{title}</h3>
            <ExportMenu stem={`axtrain-${id}`} testId={`export-axtrain-${id}`} />
          </div>
          <div className="panel-caption axtrain-caption">{caption}</div>
        </header>
        {children}
      </section>
    </ExportScope>
  );
}

/** A fact's status, as the NPU constants table shows it ("paper", "estimate", …); the title carries the citation. */
export function StatusBadge({ status, title }: { status: ApproxFactStatus; title?: string }) {
  const t = useT('axtrain');
  return (
    <span className={`badge ${status}`} title={title} data-status={status}>
      {t(`badge.${status}`)}
    </span>
  );
}

/** The one line a panel shows before its data exists. */
export function Waiting({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="placeholder axtrain-waiting" data-testid={testId}>
      {children}
    </p>
  );
}

/** A short line in the method's colour and dash, as in the uPlot charts. */
export function MethodLineSwatch({ method }: { method: AxtrainMethodId }) {
  const { color, dash } = AXTRAIN_METHOD_STYLES[method];
  return (
    <svg className="axtrain-swatch" width="34" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="33" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dash ? dash.join(' ') : undefined} />
    </svg>
  );
}

/** id of a method's bar fill pattern in one SVG (BarPatterns); `scope` (a useId) keeps ids unique on the page. */
export function barFillId(scope: string, method: AxtrainMethodId): string {
  return `axtrain-fill-${scope.replace(/[^a-zA-Z0-9_-]/g, '')}-${method}`;
}

function patternBody(fill: BarFill, color: string): ReactNode {
  switch (fill) {
    case 'solid':
      return <rect width="8" height="8" fill={color} />;
    case 'hatch':
      return (
        <>
          <rect width="8" height="8" fill="#fff" />
          <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={color} strokeWidth="2.2" />
        </>
      );
    case 'dots':
      return (
        <>
          <rect width="8" height="8" fill="#fff" />
          <circle cx="2" cy="2" r="1.6" fill={color} />
          <circle cx="6" cy="6" r="1.6" fill={color} />
        </>
      );
    case 'cross':
      return (
        <>
          <rect width="8" height="8" fill="#fff" />
          <path d="M0,4 h8 M4,0 v8" stroke={color} strokeWidth="2" />
        </>
      );
    default: {
      const unknown: never = fill;
      throw new Error(`Unsupported bar fill: ${String(unknown)}`);
    }
  }
}

/** SVG <defs> with one fill pattern per method (solid, hatched, dotted, crossed): bars differ without colour. */
export function BarPatterns({ methods, scope }: { methods: readonly AxtrainMethodId[]; scope: string }) {
  return (
    <defs>
      {methods.map((method) => (
        <pattern key={method} id={barFillId(scope, method)} width="8" height="8" patternUnits="userSpaceOnUse">
          {patternBody(AXTRAIN_METHOD_STYLES[method].fill, AXTRAIN_METHOD_STYLES[method].color)}
        </pattern>
      ))}
    </defs>
  );
}

/** A small bar-fill square (legend of the bar charts). */
export function MethodBarSwatch({ method }: { method: AxtrainMethodId }) {
  const { color } = AXTRAIN_METHOD_STYLES[method];
  const scope = useId();
  return (
    <svg className="axtrain-swatch" width="18" height="14" aria-hidden="true">
      <BarPatterns methods={[method]} scope={scope} />
      <rect x="1" y="1" width="16" height="12" fill={`url(#${barFillId(scope, method)})`} stroke={color} strokeWidth="1.5" />
    </svg>
  );
}

export function MethodLegend({ methods, kind, testId }: { methods: readonly AxtrainMethodId[]; kind: 'line' | 'bar'; testId?: string }) {
  const t = useT('axtrain');
  return (
    <ul className="axtrain-legend" aria-label={t('view.methods')} data-testid={testId}>
      {methods.map((method) => (
        <li key={method} data-method={method}>
          {kind === 'line' ? <MethodLineSwatch method={method} /> : <MethodBarSwatch method={method} />}
          {AXTRAIN_METHOD_LABELS[method]}
        </li>
      ))}
    </ul>
  );
}

export interface PaperBesideRow {
  id: string;
  claim: ReactNode;
  paper: string;
  /** Ours, or "not computed: …" (its <sub> markup renders). */
  ours: string;
  computed: boolean;
  /** How ours is computed (its <sub> markup renders). */
  reading: string;
}

/** The paper's number beside ours, one row per claim; "not computed: …" rows say why (the Paper view's claim-list look). */
export function PaperBeside({ rows, testId, empty }: { rows: readonly PaperBesideRow[]; testId: string; empty?: ReactNode }) {
  const t = useT('axtrain');
  if (rows.length === 0) return <p className="small muted">{empty ?? t('panels.noPaperNumber')}</p>;
  return (
    <div className="axtrain-paper-beside" data-testid={testId}>
      <h4>{t('panels.paperVsOurs')}</h4>
      <ul className="claim-list">
        {rows.map((row) => (
          <li key={row.id} className={row.computed ? 'verdict-computed' : 'verdict-none'} data-testid={`${testId}-${row.id}`} data-computed={row.computed}>
            <p className="claim-statement">{row.claim}</p>
            <dl>
              <dt>{t('panels.paper')}</dt>
              <dd>{row.paper}</dd>
              <dt>{t('panels.ours')}</dt>
              <dd>
                <Rich text={row.ours} />
              </dd>
              {row.computed ? (
                <>
                  <dt>{t('panels.how')}</dt>
                  <dd className="muted">
                    <Rich text={row.reading} />
                  </dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function useMeasuredBox(fallback: number): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  return [ref, useElementWidth(ref, fallback)];
}
