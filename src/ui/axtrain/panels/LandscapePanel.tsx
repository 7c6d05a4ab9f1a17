/**
 * Fig. 1, "different types of minimums": the test loss E(w + α·d) along one random direction d of weight space,
 * for every trained method on one chart, with how much each curve rises one ‖w‖ away (flat vs sharp).
 */
import { useMemo } from 'react';
import { AXTRAIN_METHOD_LABELS } from '../../../core/axtrain/config';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { LiveChart, type LiveAxis, type LiveSeries } from '../../charts/LiveChart';
import { AXTRAIN_METHOD_STYLES, splitMethods, buildLandscapeSeries, formatNumber, formatPercent, summarizeLandscape } from './figureData';
import { FigureSection, MethodLegend, MethodLineSwatch, Rich, StatusBadge, Waiting } from './common';
import { useT } from '../../i18n';

export function LandscapePanel({ snapshots, running }: { snapshots: readonly AxtrainMethodSnapshot[]; running: boolean }) {
  const view = useMemo(() => buildLandscapeSeries(snapshots), [snapshots]);
  const t = useT('axtrain');
  const alphaLabel = t('landscape.alphaAxis');
  const alphaAxis: LiveAxis = useMemo(() => ({ label: alphaLabel, format: (value) => String(Math.round(value * 100) / 100) }), [alphaLabel]);
  const methodKey = view?.methods.join(',') ?? '';
  const series = useMemo(
    () =>
      splitMethods(methodKey).map((method): LiveSeries => {
        const { color, dash } = AXTRAIN_METHOD_STYLES[method];
        return { label: AXTRAIN_METHOD_LABELS[method], color, dash: dash ? [...dash] : undefined, width: 3, endLabel: AXTRAIN_METHOD_LABELS[method] };
      }),
    [methodKey],
  );
  const summaries = snapshots.filter((s) => s.landscape && s.landscape.alphas.length > 0).map((s) => summarizeLandscape(s.method, s.landscape!));
  return (
    <FigureSection
      id="landscape"
      title={t('landscape.title')}
      caption={
        <>
          <p>
            <Rich text={t('landscape.captionP1')} slots={{ badge: <StatusBadge status="interpretation" title={t('landscape.badgeNote')} /> }} />
          </p>
          <p>
            <Rich text={t('landscape.captionP2')} />
          </p>
        </>
      }
    >
      {!view ? (
        <Waiting testId="axtrain-landscape-waiting">{running ? t('landscape.waitingRunning') : t('landscape.waiting')}</Waiting>
      ) : (
        <>
          <MethodLegend methods={view.methods} kind="line" />
          <LiveChart
            legendLang="en"
            table={view.table}
            series={series}
            x={alphaAxis}
            y={{ label: t('landscape.yAxis'), format: (value) => formatNumber(value, 3) }}
            height={300}
            ariaLabel={t('landscape.aria', {
              rows: summaries
                .map((s) => t('landscape.ariaRow', { method: AXTRAIN_METHOD_LABELS[s.method], e0: formatNumber(s.lossAtZero), rise: formatNumber(s.edgeRise) }))
                .join('; '),
            })}
            testId="axtrain-landscape-chart"
            exportLabel={t('landscape.exportLabel')}
            formatValue={(value) => formatNumber(value)}
          />
          <div className="table-wrap">
            <table className="axtrain-table" data-testid="axtrain-landscape-table">
              <caption className="small muted">{t('landscape.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('panels.method')}</th>
                  <th scope="col">E(w), α = 0</th>
                  <th scope="col">{t('landscape.rise')}</th>
                  <th scope="col">{t('landscape.riseRatio')}</th>
                  <th scope="col">{t('landscape.argmin')}</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((s) => (
                  <tr key={s.method} data-testid={`axtrain-landscape-row-${s.method}`} data-rise={s.edgeRise}>
                    <th scope="row">
                      <MethodLineSwatch method={s.method} /> {AXTRAIN_METHOD_LABELS[s.method]}
                    </th>
                    <td>{formatNumber(s.lossAtZero)}</td>
                    <td>{formatNumber(s.edgeRise)}</td>
                    <td>{formatPercent(s.relativeEdgeRise, 1)}</td>
                    <td>{formatNumber(s.argminAlpha, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {summaries.some((s) => s.argminAlpha !== 0) ? <p className="small muted">{t('landscape.notAtZero')}</p> : null}
        </>
      )}
    </FigureSection>
  );
}
