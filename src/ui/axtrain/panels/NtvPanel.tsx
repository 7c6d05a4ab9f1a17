/**
 * Fig. 7: test accuracy with NTV weight memory, mean ± std over the masks, at the data set's aggressive and
 * conservative voltages (Tab. 1) and 850 mV, per method; exact hardware first for reference, and the paper's
 * +32.10 % / +8.163 % beside ours.
 */
import { useMemo } from 'react';
import { NTV_VOLTAGE_PRESETS } from '../../../core/approx/ntv';
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig } from '../../../core/axtrain/config';
import { describeSetting, readTrainingSetting } from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { buildClaimViews, buildNtvBars, formatNumber, formatPercent } from './figureData';
import { FigureSection, MethodBarSwatch, MethodLegend, PaperBeside, StatusBadge, Waiting } from './common';
import { GroupedBarChart } from './GroupedBarChart';

export function NtvPanel({ config, snapshots, running }: { config: AxtrainConfig; snapshots: readonly AxtrainMethodSnapshot[]; running: boolean }) {
  const view = useMemo(() => buildNtvBars(snapshots, config.dataset), [snapshots, config.dataset]);
  const claims = useMemo(() => buildClaimViews(config, snapshots).filter((c) => c.figure === 'Fig. 7'), [config, snapshots]);
  const runs = view?.runs ?? [];
  const runsText = runs.length === 0 ? `${config.evalRuns}` : runs.join(' or ');
  const preset = NTV_VOLTAGE_PRESETS[0];
  return (
    <FigureSection
      id="ntv"
      title="Fig. 7 — Accuracy with near-threshold-voltage weight memory"
      caption={
        <>
          <p>
            Test accuracy when every weight and bias is read from SRAM at a lowered supply, where each stored bit flips with probability p(V): 10 % at 400 mV, 1 % at 660 mV, 0.1 %
            at 850 mV (§4, from [8]) <StatusBadge status={preset.status} title={preset.citation} />{' '}
            <StatusBadge status={preset.sourceFigureStatus} title="Which figure of [8] gives the rates is unverified" />. Weights are stored as {config.weightBits}-bit
            two’s-complement dynamic fixed point per layer, each bit flipped independently{' '}
            <StatusBadge status="interpretation" title="The paper gives no word width or flip model beyond 'randomly flipping the bits' (reference A.4.2)" />. One run = one flip
            mask over the whole test set <StatusBadge status="interpretation" title="Whether the paper's masks are per run or per inference is not stated" />; bars show the mean
            and ±1 standard deviation over <strong data-testid="axtrain-ntv-runs">{runsText}</strong> runs (the paper: 50), the same masks for every method (the seed’s ‘ntv’
            stream).
          </p>
          <p>
            Voltages:{' '}
            {view
              ? `${view.aggressiveMv} mV aggressive and ${view.conservativeMv} mV conservative (${view.voltageSource})`
              : 'the data set’s aggressive and conservative ones (Tab. 1)'}
            , plus 850 mV. pas and actpas trained for {describeSetting(readTrainingSetting(config))}.
          </p>
        </>
      }
    >
      {!view ? (
        <Waiting testId="axtrain-ntv-waiting">
          {running ? `Fig. 7 appears when training ends (each net is then read through ${config.evalRuns} flip masks per voltage).` : 'Fig. 7 appears when training ends.'}
        </Waiting>
      ) : (
        <>
          <MethodLegend methods={view.methods} kind="bar" testId="axtrain-ntv-legend" />
          <GroupedBarChart
            groups={view.groups}
            methods={view.methods}
            scale="linear"
            domain={[0, 1]}
            yLabel="test accuracy"
            ariaLabel={`Fig. 7: accuracy mean ± std over ${runsText} masks. ${view.groups
              .map((g) => `${g.label}: ${g.bars.map((b) => `${AXTRAIN_METHOD_LABELS[b.method]} ${formatNumber(b.value, 3)}`).join(', ')}`)
              .join('; ')}.`}
            testId="axtrain-ntv-chart"
            formatValue={(v) => formatNumber(v, 4)}
          />
          <details className="axtrain-numbers" open>
            <summary>Numbers (mean ± std over the runs)</summary>
            <div className="table-wrap">
              <table className="axtrain-table" data-testid="axtrain-ntv-table">
                <thead>
                  <tr>
                    <th scope="col">setting</th>
                    {view.methods.map((method) => (
                      <th key={method} scope="col">
                        <MethodBarSwatch method={method} /> {AXTRAIN_METHOD_LABELS[method]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.groups.map((group) => (
                    <tr key={group.key} data-testid={`axtrain-ntv-row-${group.key}`}>
                      <th scope="row">
                        {group.label}
                        {group.sublabel ? <span className="muted"> ({group.sublabel})</span> : null}
                      </th>
                      {group.bars.map((bar) => (
                        <td key={bar.method} data-method={bar.method}>
                          {bar.value === null
                            ? '—'
                            : bar.lower !== undefined && bar.upper !== undefined
                              ? `${formatPercent(bar.value, 1)} ± ${formatPercent((bar.upper - bar.lower) / 2, 1)}`
                              : formatPercent(bar.value, 1)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <PaperBeside
            testId="axtrain-ntv-claims"
            rows={claims.map((c) => ({ id: c.id, claim: c.claim, paper: c.paperText, ours: c.oursText, computed: c.computed, reading: c.reading }))}
          />
        </>
      )}
    </FigureSection>
  );
}
