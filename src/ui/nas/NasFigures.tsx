/**
 * The NAS view's figures (DATE'20 Figs. 3–4, Table 3, and what Optuna's dashboard taught users to expect): the
 * Pareto scatter with the constraint lines and the three picks, the best-so-far and hypervolume histories of SMAC,
 * random search and the enumeration, the parallel coordinates (inactive parameters on an "n/a" tick), the
 * surrogate's feature importance, and the per-round timing. Pure presentation over the run's records. Texts: the
 * 'nas' catalog; what core formats (a topology, the features' names, a pick's reason) reads as core writes it in
 * English and from the catalog's patterns in 中文 (the helpers below, which NasView uses too).
 */
import { useId, useMemo, useRef } from 'react';
import type { LanguageId } from '../../core/language';
import type { NasConstraints, NasPick, NasRoundTiming, NasSearchHistory, NasSplit } from '../../core/nas/analysis';
import { listEncodedFeatureNames, readAccuracy } from '../../core/nas/analysis';
import type { NasRecord } from '../../core/nas/run';
import { describeConfig, type NasPredictorSpace } from '../../core/nas/space';
import type { FeatureImportance } from '../../core/nas/surrogate';
import { NAS_ACTIVATIONS as NAS_ACTIVATION_IDS, type NasConfig } from '../../core/nas/types';
import { LiveChart, type LiveSeries } from '../charts/LiveChart';
import { useMeasuredBox } from '../axtrain/panels/common';
import { Rich } from '../axtrain/panels/Rich';
import { NAS_SEARCH_STYLES, layoutParallel, layoutScatter, markerPath } from './figureData';
import { useSvgElementExport } from '../exports/ExportMenu';
import { useLanguage, useT } from '../i18n';

const MODE_COLORS: Readonly<Record<NasPick['mode'], string>> = {
  quality: '#6a1b9a',
  energy: '#c62828',
  integrated: '#111',
};

export type NasT = ReturnType<typeof useT<'nas'>>;

/** An activation's name: the registry's id in English; in 中文 as the lab writes the names it keeps (ReLU, sigmoid, tanh). */
export function formatNasActivation(activation: string, language: LanguageId): string {
  return language !== 'en' && activation === 'relu' ? 'ReLU' : activation;
}

/** A candidate's topology: describeConfig's words in English, the catalog's pattern in 中文 (relu as ReLU). */
export function formatNasConfig(config: NasConfig, t: NasT, language: LanguageId): string {
  if (language === 'en') return describeConfig(config);
  const n = config.layers.length;
  const layers = config.layers.map((l) => `${l.width} ${formatNasActivation(l.activation, language)}`).join(' → ');
  const approximator = t(n === 1 ? 'formats.layer' : 'formats.layers', { n, layers });
  return config.predictor ? t('formats.withPredictor', { approximator, predictor: config.predictor.join(' → ') }) : approximator;
}

/** The surrogate's encoded features' names: listEncodedFeatureNames in English, the catalog's in 中文. */
export function formatNasFeatureNames(maxHiddenLayers: number, predictorMaxHiddenLayers: number, t: NasT, language: LanguageId): string[] {
  if (language === 'en') return listEncodedFeatureNames(maxHiddenLayers, predictorMaxHiddenLayers);
  const names: string[] = [t('formats.featureL')];
  for (let i = 1; i <= maxHiddenLayers; i++) names.push(t('formats.featureN', { i }), t('formats.featureA', { i }));
  if (predictorMaxHiddenLayers > 0) names.push(t('formats.featureLp'));
  for (let i = 1; i <= predictorMaxHiddenLayers; i++) names.push(t('formats.featureP', { i }));
  return names;
}

/** Why a mode has no pick: selectOnline's reason in English; in 中文 the same constraints (as selectOnline writes them) in the catalog's words. */
export function formatNasPickReason(pick: NasPick, frontSize: number, constraints: NasConstraints, t: NasT, language: LanguageId): string {
  if (language === 'en') return pick.reason;
  if (frontSize === 0) return t('formats.reasonEmpty');
  const ratio = (v: number) => `${Number(v.toPrecision(3))}×`;
  const accuracy = t('formats.accuracyAtLeast', { value: `${(100 * constraints.cAcc).toFixed(1)}%` });
  const energy = t('formats.energyAtLeast', { value: ratio(constraints.cEnergy) });
  const parts: string[] = pick.mode === 'quality' ? [energy] : pick.mode === 'energy' ? [accuracy] : [accuracy, energy];
  if (constraints.cSpeed !== undefined) parts.push(t('formats.speedupAtLeast', { value: ratio(constraints.cSpeed) }));
  return t('formats.reasonNone', { constraints: parts.join(t('formats.and')) });
}

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '—');
const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '—');

export interface ParetoScatterProps {
  records: readonly NasRecord[];
  split: NasSplit;
  onFront: readonly boolean[];
  feasible: readonly boolean[];
  picks: readonly NasPick[];
  cAcc: number;
  cEnergy: number;
  selected: number | null;
  onSelect(record: number): void;
  /** The accuracy axis's name (nasAccuracyLabel: P_acc, or AXNet-NAS's safe & approximated); default P_acc. */
  accuracyLabel?: string;
}

export function ParetoScatter({ records, split, onFront, feasible, picks, cAcc, cEnergy, selected, onSelect, accuracyLabel = 'P_acc' }: ParetoScatterProps) {
  const [boxRef, width] = useMeasuredBox(720);
  const height = Math.round(Math.min(520, Math.max(340, width * 0.56)));
  const layout = useMemo(
    () => layoutScatter({ records, split, onFront, feasible, cAcc, cEnergy, width, height }),
    [records, split, onFront, feasible, cAcc, cEnergy, width, height],
  );
  const { plot } = layout;
  const bottom = plot.top + plot.height;
  const t = useT('nas');
  const language = useLanguage();
  const svgRef = useRef<SVGSVGElement>(null);
  useSvgElementExport('nas-scatter', t('scatter.export'), svgRef);
  const splitText = split === 'test' ? t('scatter.testSplit') : t('scatter.validationSplit');
  const clip = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  // Dominated and infeasible points first, the front and the picks on top.
  const order = [...layout.points].sort((a, b) => Number(a.onFront) - Number(b.onFront) || Number(a.feasible) - Number(b.feasible));
  return (
    <div ref={boxRef} className="nas-scatter">
      <svg
        ref={svgRef}
        width={width}
        height={height}
        role="img"
        aria-label={t('scatter.aria', { n: records.length, split: split === 'test' ? t('pareto.test') : t('pareto.validation') })}
        data-testid="nas-scatter"
        data-points={records.length}
        data-front={onFront.filter(Boolean).length}
      >
        <defs>
          <clipPath id={`nas-clip-${clip}`}>
            <rect x={plot.left} y={plot.top} width={plot.width} height={plot.height} />
          </clipPath>
        </defs>
        {layout.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line x1={plot.left} x2={plot.left + plot.width} y1={tick.at} y2={tick.at} stroke="#e6e8ec" />
            <text x={plot.left - 6} y={tick.at + 4} fontSize="13" textAnchor="end" fill="#333">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick) => (
          <g key={`x${tick.value}`}>
            <line x1={tick.at} x2={tick.at} y1={plot.top} y2={bottom} stroke="#eef0f3" />
            <text x={tick.at} y={bottom + 18} fontSize="13" textAnchor="middle" fill="#333">
              {tick.label}
            </text>
          </g>
        ))}
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} stroke="#333" />
        <line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} stroke="#333" />
        <text x={plot.left + plot.width / 2} y={height - 8} fontSize="14" textAnchor="middle" fill="#1f2933">
          {accuracyLabel === 'P_acc' ? t('scatter.xLone', { split: splitText }) : t('scatter.xSystem', { acc: accuracyLabel, split: splitText })}
        </text>
        <text x={14} y={plot.top + plot.height / 2} fontSize="14" textAnchor="middle" fill="#1f2933" transform={`rotate(-90 14 ${plot.top + plot.height / 2})`}>
          {t('scatter.y')}
        </text>
        <g clipPath={`url(#nas-clip-${clip})`}>
          {layout.cAccX !== null ? (
            <g data-testid="nas-cacc-line">
              <line x1={layout.cAccX} x2={layout.cAccX} y1={plot.top} y2={bottom} stroke="#333" strokeDasharray="5 4" strokeWidth="1.5" />
              <text x={layout.cAccX + 4} y={plot.top + 14} fontSize="13" fill="#111">
                C_acc {pct(cAcc)}
              </text>
            </g>
          ) : null}
          {layout.cEnergyY !== null ? (
            <g data-testid="nas-cenergy-line">
              <line x1={plot.left} x2={plot.left + plot.width} y1={layout.cEnergyY} y2={layout.cEnergyY} stroke="#333" strokeDasharray="5 4" strokeWidth="1.5" />
              <text x={plot.left + plot.width - 4} y={layout.cEnergyY - 5} fontSize="13" textAnchor="end" fill="#111">
                C_energy {times(cEnergy)}
              </text>
            </g>
          ) : null}
          {layout.fronts.map((front) => (
            <path key={front.search} d={front.path} fill="none" stroke={NAS_SEARCH_STYLES[front.search].color} strokeWidth="2" strokeOpacity="0.7" />
          ))}
          {order.map((point) => {
            const style = NAS_SEARCH_STYLES[point.search];
            const record = records[point.record];
            const r = point.onFront ? 7 : 5;
            const grey = !point.feasible;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the front table below the scatter selects by keyboard
              <path
                key={point.record}
                d={markerPath(style.marker, point.x, point.y, r)}
                fill={grey ? '#c3c8cf' : point.onFront ? style.color : '#fff'}
                stroke={grey ? '#8a929b' : style.color}
                strokeWidth={point.record === selected ? 3.5 : 1.6}
                className="nas-point"
                data-search={point.search}
                data-front={point.onFront}
                data-feasible={point.feasible}
                onClick={() => onSelect(point.record)}
              >
                <title>{`${t('scatter.point', {
                  search: t(`searches.${point.search}`),
                  index: record.index,
                  config: formatNasConfig(record.config, t, language),
                  acc: accuracyLabel,
                  value: pct(readAccuracy(record, split)),
                  energy: times(record.measure.energyReduction),
                  speedup: times(record.measure.speedup),
                })}${point.onFront ? t('scatter.onFront') : ''}${grey ? t('scatter.outside') : ''}`}</title>
              </path>
            );
          })}
          {picks.map((pick, k) => {
            if (pick.record === null) return null;
            const point = layout.points[pick.record];
            if (!point) return null;
            return (
              <g key={pick.mode} data-testid={`nas-pick-marker-${pick.mode}`} data-record={records[pick.record].index}>
                <path d={markerPath('pentagon', point.x, point.y, 12 + 3 * k)} fill="none" stroke={MODE_COLORS[pick.mode]} strokeWidth="2.5" />
              </g>
            );
          })}
        </g>
      </svg>
      <ul className="nas-legend" aria-label={t('scatter.legend')}>
        {(['smac', 'random', 'enumeration'] as const).map((search) => (
          <li key={search}>
            <svg width="18" height="18" aria-hidden="true">
              <path d={markerPath(NAS_SEARCH_STYLES[search].marker, 9, 9, 6)} fill={NAS_SEARCH_STYLES[search].color} stroke={NAS_SEARCH_STYLES[search].color} />
            </svg>
            {t(`searches.${search}`)}
          </li>
        ))}
        <li>
          <svg width="18" height="18" aria-hidden="true">
            <circle cx="9" cy="9" r="5" fill="#fff" stroke="#444" strokeWidth="1.6" />
          </svg>
          {t('scatter.dominated')}
        </li>
        <li>
          <svg width="18" height="18" aria-hidden="true">
            <circle cx="9" cy="9" r="5" fill="#c3c8cf" stroke="#8a929b" />
          </svg>
          {t('scatter.infeasible')}
        </li>
        {picks.map((pick) => (
          <li key={pick.mode}>
            <svg width="22" height="22" aria-hidden="true">
              <path d={markerPath('pentagon', 11, 11, 9)} fill="none" stroke={MODE_COLORS[pick.mode]} strokeWidth="2.5" />
            </svg>
            {t('scatter.pick', { mode: t(`modes.${pick.mode}`) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One x (evaluations 1…n) and one column per search, null past a search's last evaluation. */
function padHistories(histories: readonly NasSearchHistory[], read: (h: NasSearchHistory) => readonly number[]) {
  const longest = Math.max(0, ...histories.map((h) => read(h).length));
  const x = Array.from({ length: longest }, (_, i) => i + 1);
  return { x, ys: histories.map((h) => x.map((_, i) => (i < read(h).length ? read(h)[i] : null))) };
}

export function HistoryCharts({ histories, accuracyLabel = 'P_acc' }: { histories: readonly NasSearchHistory[]; accuracyLabel?: string }) {
  const t = useT('nas');
  const longest = Math.max(0, ...histories.map((h) => h.bestFperf.length));
  const series: LiveSeries[] = histories.map((h) => ({
    label: t(`searches.${h.search}`),
    color: NAS_SEARCH_STYLES[h.search].color,
    dash: h.search === 'random' ? [6, 4] : h.search === 'enumeration' ? [2, 3] : undefined,
    endLabel: h.search === 'smac' ? NAS_SEARCH_STYLES.smac.short : t(`searchShort.${h.search}`),
  }));
  const fperfTable = useMemo(() => padHistories(histories, (h) => h.bestFperf), [histories]);
  const hvTable = useMemo(() => padHistories(histories, (h) => h.hypervolume), [histories]);
  if (longest === 0) return <p className="placeholder">{t('historyChart.waiting')}</p>;
  return (
    <div className="nas-history-grid">
      <figure className="nas-history">
        <figcaption>{t('historyChart.fperf')}</figcaption>
        <LiveChart
          table={fperfTable}
          series={series}
          x={{ label: t('historyChart.evaluations') }}
          y={{ label: t('historyChart.bestFperf') }}
          height={240}
          ariaLabel={t('historyChart.fperfAria', {
            n: longest,
            values: histories.map((h) => `${t(`searches.${h.search}`)} ${h.bestFperf.at(-1)?.toFixed(4)}`).join(', '),
          })}
          testId="nas-history-fperf"
          exportLabel={t('historyChart.fperfExport')}
        />
      </figure>
      <figure className="nas-history">
        <figcaption>{t('historyChart.hv', { acc: accuracyLabel })}</figcaption>
        <LiveChart
          table={hvTable}
          series={series}
          x={{ label: t('historyChart.evaluations') }}
          y={{ label: t('historyChart.hypervolume') }}
          height={240}
          ariaLabel={t('historyChart.hvAria', {
            n: longest,
            values: histories.map((h) => `${t(`searches.${h.search}`)} ${h.hypervolume.at(-1)?.toFixed(3)}`).join(', '),
          })}
          testId="nas-history-hv"
          exportLabel={t('historyChart.hvExport')}
          formatValue={(v) => v.toFixed(3)}
        />
      </figure>
    </div>
  );
}

export function ParallelCoordinates({
  records,
  split,
  onFront,
  selected,
  accuracyLabel = 'P_acc',
  predictor = null,
}: {
  records: readonly NasRecord[];
  split: NasSplit;
  onFront: readonly boolean[];
  selected: number | null;
  accuracyLabel?: string;
  /** The predictor space of an AXNet-NAS / onepass / iterative run: its axes join the approximator's. */
  predictor?: Readonly<NasPredictorSpace> | null;
}) {
  const [boxRef, width] = useMeasuredBox(720);
  const height = 300;
  const layout = useMemo(() => layoutParallel(records, split, onFront, width, height, 2, accuracyLabel, predictor), [records, split, onFront, width, accuracyLabel, predictor]);
  const t = useT('nas');
  const language = useLanguage();
  const svgRef = useRef<SVGSVGElement>(null);
  useSvgElementExport('nas-parallel', t('parallelChart.export'), svgRef);
  /** An axis's name: figureData's in English, the catalog's in 中文 (by the axis's id). */
  const axisLabel = (id: string, label: string): string => {
    if (language === 'en') return label;
    const numbered = /^([nap])(\d)$/.exec(id);
    if (numbered) return t(`parallelChart.${numbered[1] as 'n' | 'a' | 'p'}`, { i: numbered[2] });
    if (id === 'L' || id === 'Lp' || id === 'energy' || id === 'speed') return t(`parallelChart.${id}`);
    return label;
  };
  const tickLabel = (label: string): string => ((NAS_ACTIVATION_IDS as readonly string[]).includes(label) ? formatNasActivation(label, language) : label);
  return (
    <div ref={boxRef} className="nas-parallel">
      <svg
        ref={svgRef}
        width={width}
        height={height}
        role="img"
        aria-label={t('parallelChart.aria', { n: records.length })}
        data-testid="nas-parallel"
        data-lines={layout.lines.length}
        data-axes={layout.axes.map((axis) => axis.id).join(' ')}
      >
        {layout.lines
          .slice()
          .sort((a, b) => Number(a.onFront) - Number(b.onFront))
          .map((line) => (
            <polyline
              key={line.record}
              points={line.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
              fill="none"
              stroke={NAS_SEARCH_STYLES[line.search].color}
              strokeOpacity={line.record === selected ? 1 : line.onFront ? 0.75 : 0.2}
              strokeWidth={line.record === selected ? 3 : line.onFront ? 1.8 : 1}
            />
          ))}
        {layout.axes.map((axis) => (
          <g key={axis.id} data-axis={axis.id}>
            <line x1={axis.x} x2={axis.x} y1={layout.top} y2={layout.bottom} stroke="#333" />
            <text x={axis.x} y={16 + 16 * axis.labelRow} fontSize="13" textAnchor="middle" fontWeight="600" fill="#1f2933">
              {axisLabel(axis.id, axis.label)}
            </text>
            {axis.ticks.map((tick) => (
              <text key={tick.label} x={axis.x + 4} y={tick.y + 4} fontSize="12" fill={tick.label === 'n/a' ? '#a84300' : '#333'}>
                {tickLabel(tick.label)}
              </text>
            ))}
          </g>
        ))}
      </svg>
    </div>
  );
}

export function ImportanceBars({ importance, names }: { importance: FeatureImportance | null; names: readonly string[] }) {
  const t = useT('nas');
  if (!importance) return <p className="placeholder">{t('importanceChart.waiting')}</p>;
  const max = Math.max(1e-12, ...importance.values);
  return (
    <div data-testid="nas-importance" data-method={importance.method}>
      <p className="small muted">
        <Rich
          text={t('importanceChart.bias', { label: t(`importanceLabels.${importance.method}`, { defaultValue: importance.label }) })}
          slots={{ optuna: <span lang="en">Optuna</span> }}
        />
      </p>
      <table className="axtrain-table nas-importance-table">
        <tbody>
          {importance.values.map((value, i) => (
            <tr key={names[i] ?? i}>
              <th scope="row">{names[i] ?? t('importanceChart.feature', { i })}</th>
              <td className="nas-bar-cell">
                <span className="nas-bar" style={{ width: `${(100 * value) / max}%` }} />
              </td>
              <td>{(100 * value).toFixed(1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TimingTable({ timings }: { timings: readonly NasRoundTiming[] }) {
  const t = useT('nas');
  const total = timings.reduce(
    (t, r) => ({ trainMs: t.trainMs + r.trainMs, hardwareMs: t.hardwareMs + r.hardwareMs, searchMs: t.searchMs + r.searchMs, candidates: t.candidates + r.candidates }),
    { trainMs: 0, hardwareMs: 0, searchMs: 0, candidates: 0 },
  );
  const per = (ms: number) => (total.candidates > 0 ? t('timingTable.ms', { value: (ms / total.candidates).toFixed(ms / total.candidates < 10 ? 2 : 0) }) : '—');
  const shown = timings.slice(-8);
  return (
    <table className="axtrain-table" data-testid="nas-timing" data-rounds={timings.length}>
      <caption className="small muted">{t('timingTable.caption', { shown: shown.length, rounds: timings.length })}</caption>
      <thead>
        <tr>
          <th>{t('timingTable.round')}</th>
          <th>{t('timingTable.candidates')}</th>
          <th>{t('timingTable.training')}</th>
          <th>{t('timingTable.hardware')}</th>
          <th>{t('timingTable.search')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr key={row.round}>
            <th scope="row">{row.round}</th>
            <td>{row.candidates}</td>
            <td>{t('timingTable.seconds', { value: (row.trainMs / 1000).toFixed(2) })}</td>
            <td>{t('timingTable.ms', { value: row.hardwareMs.toFixed(2) })}</td>
            <td>{t('timingTable.ms', { value: row.searchMs.toFixed(1) })}</td>
          </tr>
        ))}
        <tr className="current">
          <th scope="row">{t('timingTable.perCandidate')}</th>
          <td>{total.candidates}</td>
          <td>{per(total.trainMs)}</td>
          <td>{per(total.hardwareMs)}</td>
          <td>{per(total.searchMs)}</td>
        </tr>
        <tr>
          <th scope="row">{t('timingTable.paper')}</th>
          <td>—</td>
          <td>{t('timingTable.seconds', { value: '52–400' })}</td>
          <td>{t('timingTable.seconds', { value: '0.5–6' })}</td>
          <td>{t('timingTable.seconds', { value: '0.2–5' })}</td>
        </tr>
      </tbody>
    </table>
  );
}
