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
import { FigureSection, MethodLegend, StatusBadge, Waiting } from './common';

const EPOCH_AXIS: LiveAxis = { label: 'epoch', fromZeroTo: 1, format: (value) => String(Math.round(value * 10) / 10) };

function CurveChart({ spec, snapshots, height, log = false }: { spec: TrainingCurveSpec; snapshots: readonly AxtrainMethodSnapshot[]; height: number; log?: boolean }) {
  const { table, methods } = useMemo(() => buildEpochSeries(snapshots, spec.read), [snapshots, spec]);
  const drawn = useMemo(() => (log ? toLog10Table(table) : table), [table, log]);
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
      for (let i = ys.length - 1; i >= 0; i--) if (ys[i] !== null) return `${AXTRAIN_METHOD_LABELS[method]} ${formatNumber(ys[i])} at epoch ${table.x[i]}`;
      return null;
    })
    .filter(Boolean)
    .join('; ');
  return (
    <figure className="axtrain-curve" data-testid={`axtrain-curve-${spec.id}`} data-points={table.x.length} data-methods={methodKey} data-log={log}>
      <figcaption className="axtrain-curve-title">{spec.title}</figcaption>
      {methods.length === 0 ? (
        <Waiting>No method of this run has {spec.axis}.</Waiting>
      ) : (
        <LiveChart
          table={drawn}
          series={series}
          x={EPOCH_AXIS}
          y={{ label: log ? `${spec.axis}, log scale` : spec.axis, format: (value) => formatNumber(shown(value), 3) }}
          height={height}
          ariaLabel={`${spec.title} per epoch${log ? ' (log scale)' : ''}. Last values: ${last}.`}
          testId={`axtrain-curve-${spec.id}-chart`}
          exportLabel={spec.title}
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
  return (
    <FigureSection
      id="curves"
      wide
      title="Training: accuracy, E, S(w) and γ per epoch"
      caption={
        <>
          <p>
            Per epoch (⌈train rows / batch {config.batchSize}⌉ steps each; the evaluation after every epoch): <strong>test accuracy</strong> of the net on exact hardware;{' '}
            <strong>E</strong>, the data term of E<sub>tot</sub> = E + γ·S(w) (eq. 4; binary cross-entropy on the sigmoid outputs), averaged over the training batches since the
            last point — for pas, and for actpas after epoch {config.epochs}, E is computed through the hardware model in the forward pass, so it is the noisy E and not comparable
            with bp’s; <strong>S(w)</strong> = Σ<sub>k</sub> Σ |w<sub>ij</sub>|·|∂O<sub>k</sub>/∂w<sub>ij</sub>| (eq. 5) on the test set, averaged per sample{' '}
            <StatusBadge status="interpretation" title="The paper has no sample index in eq. 5; the per-sample reading keeps noises from cancelling (reference A.3)" />, weights{' '}
            {config.sensitivityBiases ? 'and biases' : 'only'} <StatusBadge status="interpretation" title="Eq. 5 indexes only w_ij; §2.2 says W includes biases (reference A.3)" />.
          </p>
          <p>
            <strong>γ</strong> (act and actpas) is updated once per epoch by §3.1.3’s rule (up when E falls below the 0.5, 0.25, … weighted sum of past errors or below D, down
            otherwise); γ<sub>0</sub> = {config.gamma0}, Δγ = {config.deltaGammaScale}·Ē/S̄ of the first epoch and D = {config.gammaBound} are the lab’s choices{' '}
            <StatusBadge status="estimate" title="The paper gives no γ0, Δγ or D (reference A.3, D.3)" />.
            {hasActPas ? ` AxTrain (act + pas) trains act for epochs 1–${config.epochs}, then pas for ${config.pasEpochs} more (§4); its γ stays fixed in the pas epochs.` : ''} The
            paper shows no training curves, so there is no number of its own to set beside these.
          </p>
        </>
      }
    >
      {withPoints.length === 0 ? (
        <Waiting testId="axtrain-curves-waiting">
          {running ? 'Training: the curves appear at the end of the first epoch.' : 'The curves appear at the end of the first epoch of a run.'}
        </Waiting>
      ) : (
        <>
          <MethodLegend methods={methods} kind="line" testId="axtrain-curves-legend" />
          <label className="toggle small">
            <input type="checkbox" checked={logLoss} onChange={(event) => setLogLoss(event.target.checked)} data-testid="axtrain-curves-log" />E and S(w) on a log scale (pas trains
            on noisy hardware: its E is many times bp’s)
          </label>
          <p className="small muted axtrain-progress" data-testid="axtrain-curves-progress">
            {withPoints
              .map(
                (s) =>
                  `${AXTRAIN_METHOD_LABELS[s.method]}: step ${s.step} / ${s.totalSteps}, epoch ${formatNumber(s.points[s.points.length - 1].epoch, 3)}${s.phase ? ` (${s.phase})` : ''}`,
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
