/**
 * Fig. 1, "different types of minimums": the test loss E(w + α·d) along one random direction d of weight space,
 * for every trained method on one chart, with how much each curve rises one ‖w‖ away (flat vs sharp).
 */
import { useMemo } from 'react';
import { AXTRAIN_METHOD_LABELS } from '../../../core/axtrain/config';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { LiveChart, type LiveAxis, type LiveSeries } from '../../charts/LiveChart';
import { AXTRAIN_METHOD_STYLES, splitMethods, buildLandscapeSeries, formatNumber, formatPercent, summarizeLandscape } from './figureData';
import { FigureSection, MethodLegend, MethodLineSwatch, StatusBadge, Waiting } from './common';

const ALPHA_AXIS: LiveAxis = { label: 'α (step along d, in units of each layer’s ‖w‖)', format: (value) => String(Math.round(value * 100) / 100) };

export function LandscapePanel({ snapshots, running }: { snapshots: readonly AxtrainMethodSnapshot[]; running: boolean }) {
  const view = useMemo(() => buildLandscapeSeries(snapshots), [snapshots]);
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
      title="Fig. 1 — Flat vs sharp minimum: the loss along a random direction"
      caption={
        <>
          <p>
            E(w + α·d) on the test set (E: eq. 4’s data term) for α from −1 to 1, around each trained net w. d is one random direction (normal per weight, from the seed’s
            ‘landscape’ stream, the same raw d for every method), each layer’s kernel and bias part scaled to that part’s ‖w‖, so α = 1 moves every layer by its own size and nets
            of different weight scales compare{' '}
            <StatusBadge
              status="interpretation"
              title="Fig. 1 of the paper is a schematic; the direction and its normalisation are the lab's (filter-style, as in loss-landscape plots)"
            />
            .
          </p>
          <p>
            A <strong>sharp</strong> minimum (Fig. 1’s “local minimum 1”) rises steeply: a small perturbation of the weights — which is what approximate hardware does — costs a lot
            of loss. A <strong>flat</strong> one (“local minimum 2”, what AxTrain-act seeks by lowering S(w)) rises slowly. One random line is a slice, not the whole surface; the
            paper’s Fig. 1 is a sketch with no numbers.
          </p>
        </>
      }
    >
      {!view ? (
        <Waiting testId="axtrain-landscape-waiting">{running ? 'Fig. 1 appears when a method’s training ends.' : 'Fig. 1 appears when training ends.'}</Waiting>
      ) : (
        <>
          <MethodLegend methods={view.methods} kind="line" />
          <LiveChart
            table={view.table}
            series={series}
            x={ALPHA_AXIS}
            y={{ label: 'E(w + α·d), test', format: (value) => formatNumber(value, 3) }}
            height={300}
            ariaLabel={`Fig. 1: test loss along one random direction. ${summaries
              .map((s) => `${AXTRAIN_METHOD_LABELS[s.method]}: E(0) ${formatNumber(s.lossAtZero)}, rise at the ends ${formatNumber(s.edgeRise)}`)
              .join('; ')}.`}
            testId="axtrain-landscape-chart"
            exportLabel="Fig. 1: test loss along a random direction"
            formatValue={(value) => formatNumber(value)}
          />
          <div className="table-wrap">
            <table className="axtrain-table" data-testid="axtrain-landscape-table">
              <caption className="small muted">How flat, along this line: the mean of E at α = ±1 minus E at α = 0 (the lab’s reading of “flat”).</caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">E(w), α = 0</th>
                  <th scope="col">rise at α = ±1</th>
                  <th scope="col">rise / E(w)</th>
                  <th scope="col">α of the lowest E</th>
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
          {summaries.some((s) => s.argminAlpha !== 0) ? (
            <p className="small muted">
              Where the lowest E is not at α = 0, the trained net is not the minimum along this line: after a short run, or for pas nets, trained for noisy hardware and drawn here
              on exact hardware.
            </p>
          ) : null}
        </>
      )}
    </FigureSection>
  );
}
