/**
 * Grouped bars with optional ±1 std error bars on a linear or log y axis, drawn as SVG from layoutGroupedBars
 * (figureData.ts). Hand-drawn rather than recharts: recharts 3 renders an empty wrapper under react-dom/server (so a
 * test could not see a bar), and uPlot has no grouped bars or error bars. Same idea as the Paper view's figures
 * (src/core/study/svg.ts), at the lab's projector sizes (ticks 13 px, labels 14 px). Each bar has a <title>
 * (hover text); the panels give the numbers in a table too.
 */
import { useId, useRef } from 'react';
import { AXTRAIN_METHOD_LABELS, type AxtrainMethodId } from '../../../core/axtrain/config';
import { AXTRAIN_METHOD_STYLES, formatNumber, layoutGroupedBars, type BarGroup, type GroupedBarOptions } from './figureData';
import { BarPatterns, barFillId, useMeasuredBox } from './common';
import { useSvgElementExport } from '../../exports/ExportMenu';
import { useT } from '../../i18n';

export interface GroupedBarChartProps {
  groups: readonly BarGroup[];
  methods: readonly AxtrainMethodId[];
  scale: GroupedBarOptions['scale'];
  domain?: [number, number];
  reference?: { value: number; label: string };
  yLabel: string;
  height?: number;
  ariaLabel: string;
  testId: string;
  formatValue?: (value: number) => string;
}

export function GroupedBarChart({
  groups,
  methods,
  scale,
  domain,
  reference,
  yLabel,
  height = 320,
  ariaLabel,
  testId,
  formatValue = (v) => formatNumber(v),
}: GroupedBarChartProps) {
  const [boxRef, width] = useMeasuredBox(640);
  const scope = useId();
  const layout = layoutGroupedBars(groups, methods, { width, height, scale, domain, reference: reference?.value });
  const { plot } = layout;
  const bottom = plot.top + plot.height;
  const svgRef = useRef<SVGSVGElement>(null);
  const t = useT('axtrain');
  // The menu's name: the label's first clause ("Fig. 6", "图 6"), not its numbers.
  useSvgElementExport(testId, ariaLabel.split(/[:.：。]/)[0], svgRef);
  return (
    <div ref={boxRef} className="axtrain-bars">
      <svg ref={svgRef} width={width} height={height} role="img" aria-label={ariaLabel} data-testid={testId} data-scale={scale} className="axtrain-bars-svg">
        <BarPatterns methods={methods} scope={scope} />
        <g className="y-axis">
          {layout.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={plot.left} x2={plot.left + plot.width} y1={tick.y} y2={tick.y} stroke="#e6e8ec" />
              <text x={plot.left - 6} y={tick.y + 4} fontSize="13" textAnchor="end" fill="#333">
                {tick.label}
              </text>
            </g>
          ))}
          <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} stroke="#333" />
          <text x={14} y={plot.top + plot.height / 2} fontSize="14" textAnchor="middle" fill="#1f2933" transform={`rotate(-90 14 ${plot.top + plot.height / 2})`}>
            {yLabel}
          </text>
        </g>
        {layout.groups.map((group) => (
          <g key={group.key} className="bar-group" data-group={group.key}>
            {group.bars.map((bar) => {
              const { color } = AXTRAIN_METHOD_STYLES[bar.method];
              const name = `${group.label}${group.sublabel ? ` (${group.sublabel})` : ''} · ${AXTRAIN_METHOD_LABELS[bar.method]}`;
              if (bar.value === null) {
                return (
                  <text key={bar.method} x={bar.x + bar.width / 2} y={bottom - 4} fontSize="12" textAnchor="middle" fill="#66707a">
                    –<title>{t('bars.noValue', { name })}</title>
                  </text>
                );
              }
              const errorText = bar.errorBar ? t('bars.errorBar', { lower: formatValue(bar.errorBar.lower), upper: formatValue(bar.errorBar.upper) }) : '';
              const cap = Math.min(6, bar.width / 3);
              const cx = bar.x + bar.width / 2;
              return (
                <g key={bar.method} data-method={bar.method} data-value={bar.value} data-clipped={bar.clipped || undefined}>
                  <rect
                    x={bar.x + 0.5}
                    y={bar.y}
                    width={Math.max(0.5, bar.width - 1)}
                    height={Math.max(0, bar.height)}
                    fill={`url(#${barFillId(scope, bar.method)})`}
                    stroke={color}
                    strokeWidth="1.5"
                  >
                    <title>{`${name}: ${formatValue(bar.value)}${errorText}`}</title>
                  </rect>
                  {bar.errorBar ? (
                    <g className="error-bar" stroke="#111" strokeWidth="1.6" data-lower={bar.errorBar.lower} data-upper={bar.errorBar.upper}>
                      <line x1={cx} x2={cx} y1={bar.errorBar.yLower} y2={bar.errorBar.yUpper} />
                      <line x1={cx - cap} x2={cx + cap} y1={bar.errorBar.yLower} y2={bar.errorBar.yLower} />
                      <line x1={cx - cap} x2={cx + cap} y1={bar.errorBar.yUpper} y2={bar.errorBar.yUpper} />
                    </g>
                  ) : null}
                </g>
              );
            })}
            <text x={group.center} y={bottom + 18} fontSize="14" textAnchor="middle" fill="#1f2933">
              {group.label}
            </text>
            {group.sublabel ? (
              <text x={group.center} y={bottom + 36} fontSize="12" textAnchor="middle" fill="#4a5561">
                {group.sublabel}
              </text>
            ) : null}
          </g>
        ))}
        {layout.referenceY !== null && reference ? (
          <g className="reference">
            <line x1={plot.left} x2={plot.left + plot.width} y1={layout.referenceY} y2={layout.referenceY} stroke="#333" strokeDasharray="6 4" strokeWidth="1.5" />
            <text x={plot.left + plot.width - 4} y={layout.referenceY - 5} fontSize="13" textAnchor="end" fill="#111">
              {reference.label}
            </text>
          </g>
        ) : null}
        <line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} stroke="#333" />
      </svg>
    </div>
  );
}
