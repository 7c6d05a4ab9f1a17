/**
 * Training curves of every AxTrain method per epoch: test accuracy, E on the training batches and S(w) on the test
 * set (eq. 5), and γ of act and actpas in a second, smaller chart (§3.1.3). uPlot (LiveChart), so the curves grow
 * live as the worker sends points.
 */
import { useMemo, useState } from 'react';
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig } from '../../../core/axtrain/config';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { LiveChart, type LiveAxis, type LiveSeries } from '../../charts/LiveChart';
import { AXTRAIN_METHOD_STYLES, splitMethods, TRAINING_CURVES, buildEpochSeries, formatNumber, toLog10Table, type TrainingCurveSpec } from './figureData';
import { FigureSection, MethodLegend, Rich, StatusBadge, Waiting } from './common';
import { useT } from '../../i18n';
import { describeAxtrainPhase } from '../progressText';

function CurveChart({ spec, snapshots, height, log = false }: { spec: TrainingCurveSpec; snapshots: readonly AxtrainMethodSnapshot[]; height: number; log?: boolean }) {
  const { table, methods } = useMemo(() => buildEpochSeries(snapshots, spec.read), [snapshots, spec]);
  const drawn = useMemo(() => (log ? toLog10Table(table) : table), [table, log]);
  const t = useT('axtrain');
  const epochLabel = t('curves.epochAxis');
  const epochAxis: LiveAxis = useMemo(() => ({ label: epochLabel, fromZeroTo: 1, format: (value) => String(Math.round(value * 10) / 10) }), [epochLabel]);
  const title = t(`curves.${spec.id}.title`);
  const axis = t(`curves.${spec.id}.axis`);
  // On a log axis the chart holds log10(y): ticks and readouts show 10^v.
  const shown = (value: number) => (log ? 10 ** value : value);
  const methodKey = methods.join(',');
  const series = useMemo(
    () =>
      splitMethods(methodKey).map((method): LiveSeries => {
        const { color, dash } = AXTRAIN_METHOD_STYLES[method];
        return { label: AXTRAIN_METHOD_LABELS[method], color, dash: dash ? [...dash] : undefined, width: 2.5 };
      }),
    // The chart's shape depends on which methods have this curve, not on their values.
    [methodKey],
  );
  const last = methods
    .map((method, m) => {
      const ys = table.ys[m];
      for (let i = ys.length - 1; i >= 0; i--)
        if (ys[i] !== null) return t('curves.lastValue', { method: AXTRAIN_METHOD_LABELS[method], value: formatNumber(ys[i]), epoch: table.x[i] });
      return null;
    })
    .filter(Boolean)
    .join('; ');
  return (
    <figure className="axtrain-curve" data-testid={`axtrain-curve-${spec.id}`} data-points={table.x.length} data-methods={methodKey} data-log={log}>
      <figcaption className="axtrain-curve-title">{title}</figcaption>
      {methods.length === 0 ? (
        <Waiting>{t('curves.noMethod', { axis })}</Waiting>
      ) : (
        <LiveChart
          legendLang="en"
          table={drawn}
          series={series}
          x={epochAxis}
          y={{ label: log ? t('curves.logAxis', { axis }) : axis, format: (value) => formatNumber(shown(value), 3) }}
          height={height}
          ariaLabel={t('curves.aria', { title, log: log ? t('curves.ariaLog') : '', last })}
          testId={`axtrain-curve-${spec.id}-chart`}
          exportLabel={title}
          formatValue={(value) => formatNumber(shown(value))}
        />
      )}
    </figure>
  );
}

export function TrainingCurvesPanel({ config, snapshots, running }: { config: AxtrainConfig; snapshots: readonly AxtrainMethodSnapshot[]; running: boolean }) {
  const withPoints = snapshots.filter((s) => s.points.length > 0);
  const methods = withPoints.map((s) => s.method);
  const main = TRAINING_CURVES.filter((c) => c.id !== 'gamma');
  const gamma = TRAINING_CURVES.find((c) => c.id === 'gamma')!;
  const hasActPas = methods.includes('actpas');
  const [logLoss, setLogLoss] = useState(true);
  const t = useT('axtrain');
  return (
    <FigureSection
      id="curves"
      wide
      title={t('curves.title')}
      caption={
        <>
          <p>
            <Rich
              text={t('curves.captionP1', { batch: config.batchSize, epochs: config.epochs, biases: config.sensitivityBiases ? t('curves.andBiases') : t('curves.weightsOnly') })}
              slots={{
                perSample: <StatusBadge status="interpretation" title={t('curves.perSampleNote')} />,
                biases: <StatusBadge status="interpretation" title={t('curves.biasesNote')} />,
              }}
            />
          </p>
          <p>
            <Rich
              text={t('curves.captionP2', { gamma0: config.gamma0, dgamma: config.deltaGammaScale, bound: config.gammaBound })}
              slots={{ estimate: <StatusBadge status="estimate" title={t('curves.estimateNote')} /> }}
            />
            {hasActPas ? t('curves.actpasNote', { epochs: config.epochs, pasEpochs: config.pasEpochs }) : ''}
            {t('curves.noPaperCurves')}
          </p>
        </>
      }
    >
      {withPoints.length === 0 ? (
        <Waiting testId="axtrain-curves-waiting">{running ? t('curves.waitingRunning') : t('curves.waiting')}</Waiting>
      ) : (
        <>
          <MethodLegend methods={methods} kind="line" testId="axtrain-curves-legend" />
          <label className="toggle small">
            <input type="checkbox" checked={logLoss} onChange={(event) => setLogLoss(event.target.checked)} data-testid="axtrain-curves-log" />
            {t('curves.logScale')}
          </label>
          <p className="small muted axtrain-progress" data-testid="axtrain-curves-progress">
            {withPoints
              .map(
                (s) =>
                  `${t('curves.progress', { method: AXTRAIN_METHOD_LABELS[s.method], step: s.step, total: s.totalSteps, epoch: formatNumber(s.points[s.points.length - 1].epoch, 3) })}${s.phase ? ` (${describeAxtrainPhase(s.phase, t)})` : ''}`,
              )
              .join(' · ')}
          </p>
          <div className="axtrain-curve-grid">
            {main.map((spec) => (
              <CurveChart key={spec.id} spec={spec} snapshots={withPoints} height={240} log={logLoss && spec.id !== 'testAccuracy'} />
            ))}
            <CurveChart spec={gamma} snapshots={withPoints} height={170} />
          </div>
        </>
      )}
    </FigureSection>
  );
}
