/**
 * Fig. 6: the output loss under the DRUM-k approximate multiplier, normalised to the same net on exact multipliers,
 * L_k / L_exact for k = 1…8 per method, as grouped bars on a log axis; AxTrain's K1…K4 marked on their k (an
 * interpretation the user can remap here), and the paper's Fig. 6 numbers beside ours.
 */
import { useId, useMemo } from 'react';
import { DRUM_K_PRESETS_SOURCE, DRUM_PRESET_IDS, type DrumPresetId } from '../../../core/approx/drum';
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig } from '../../../core/axtrain/config';
import { describeSetting, readTrainingSetting } from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { FIG6_KS, buildClaimViews, buildMultiplierSweep, formatNumber } from './figureData';
import { FigureSection, MethodBarSwatch, MethodLegend, PaperBeside, StatusBadge, Waiting } from './common';
import { GroupedBarChart } from './GroupedBarChart';

export interface MultiplierSweepPanelProps {
  config: AxtrainConfig;
  snapshots: readonly AxtrainMethodSnapshot[];
  running: boolean;
  kMapping: Readonly<Record<DrumPresetId, number>>;
  onKMapping: (mapping: Record<DrumPresetId, number>) => void;
}

export function MultiplierSweepPanel({ config, snapshots, running, kMapping, onKMapping }: MultiplierSweepPanelProps) {
  const sweep = useMemo(() => buildMultiplierSweep(snapshots, kMapping), [snapshots, kMapping]);
  const claims = useMemo(() => buildClaimViews(config, snapshots, kMapping).filter((c) => c.figure === 'Fig. 6'), [config, snapshots, kMapping]);
  const mappingId = useId();
  const trainedFor = readTrainingSetting(config);
  return (
    <FigureSection
      id="multiplier"
      title="Fig. 6 — Output loss under the approximate multiplier DRUM-k"
      caption={
        <>
          <p>
            L<sub>k</sub> / L<sub>exact</sub>: E on the test set with every weight × activation product done by DRUM-k (the leading one and k − 1 more bits of each operand, the
            k-th forced to 1, §4 [22]; 16-bit per-layer dynamic fixed point operands, exact sign-magnitude signs), over E of the same net with exact multipliers (§5: “normalized to
            original network results with accurate multipliers”). 1 = no loss from the multiplier; log axis. E is eq. 4’s data term (binary cross-entropy) — the paper does not name
            its loss <StatusBadge status="interpretation" title="Fig. 6's loss is undefined in the paper (reference D.3)" />.
          </p>
          <p>
            K1…K4 (the paper’s four settings, most aggressive first) are marked on k = {DRUM_PRESET_IDS.map((id) => kMapping[id]).join(', ')}{' '}
            <StatusBadge status={DRUM_K_PRESETS_SOURCE.status} title={DRUM_K_PRESETS_SOURCE.citation} />: the paper never gives their k. pas and actpas trained for{' '}
            {describeSetting(trainedFor)}
            {trainedFor.kind === 'drum' ? '' : ', so their DRUM bars are of nets not fine-tuned for the multiplier'}.
          </p>
        </>
      }
    >
      <fieldset className="axtrain-k-mapping" data-testid="axtrain-k-mapping">
        <legend>
          K → k <StatusBadge status="interpretation" title={DRUM_K_PRESETS_SOURCE.citation} />
        </legend>
        {DRUM_PRESET_IDS.map((id) => (
          <label key={id} htmlFor={`${mappingId}-${id}`}>
            {id}
            <select
              id={`${mappingId}-${id}`}
              value={kMapping[id]}
              data-testid={`axtrain-k-mapping-${id}`}
              onChange={(event) => onKMapping({ ...kMapping, [id]: Number(event.target.value) })}
            >
              {FIG6_KS.map((k) => (
                <option key={k} value={k}>
                  k = {k}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      {!sweep ? (
        <Waiting testId="axtrain-multiplier-waiting">
          {running ? 'Fig. 6 appears when training ends (each net is then run with DRUM k = 1…8).' : 'Fig. 6 appears when training ends.'}
        </Waiting>
      ) : (
        <>
          <MethodLegend methods={sweep.methods} kind="bar" testId="axtrain-multiplier-legend" />
          <GroupedBarChart
            groups={sweep.groups}
            methods={sweep.methods}
            scale="log"
            reference={{ value: 1, label: 'exact multipliers = 1' }}
            yLabel="L_k / L_exact (log)"
            ariaLabel={`Fig. 6: normalised loss per DRUM k and method. ${sweep.groups
              .slice(0, 4)
              .map((g) => `${g.label}: ${g.bars.map((b) => `${AXTRAIN_METHOD_LABELS[b.method]} ${formatNumber(b.value, 3)}`).join(', ')}`)
              .join('; ')}.`}
            testId="axtrain-multiplier-chart"
          />
          <details className="axtrain-numbers">
            <summary>Numbers</summary>
            <div className="table-wrap">
              <table className="axtrain-table" data-testid="axtrain-multiplier-table">
                <thead>
                  <tr>
                    <th scope="col">k</th>
                    {sweep.methods.map((method) => (
                      <th key={method} scope="col">
                        <MethodBarSwatch method={method} /> {AXTRAIN_METHOD_LABELS[method]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">exact</th>
                    {sweep.methods.map((method) => (
                      <td key={method}>{formatNumber(sweep.exact[method])}</td>
                    ))}
                  </tr>
                  {sweep.groups.map((group) => (
                    <tr key={group.key}>
                      <th scope="row">
                        {group.label}
                        {group.sublabel ? <span className="muted"> ({group.sublabel})</span> : null}
                      </th>
                      {group.bars.map((bar) => (
                        <td key={bar.method}>{formatNumber(bar.value)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <PaperBeside
            testId="axtrain-multiplier-claims"
            rows={claims.map((c) => ({ id: c.id, claim: c.claim, paper: c.paperText, ours: c.oursText, computed: c.computed, reading: c.reading }))}
          />
        </>
      )}
    </FigureSection>
  );
}
