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
import { FigureSection, MethodBarSwatch, MethodLegend, PaperBeside, Rich, StatusBadge, Waiting } from './common';
import { useClaimTexts } from './ClaimsPanel';
import { GroupedBarChart } from './GroupedBarChart';
import { useT } from '../../i18n';

export interface MultiplierSweepPanelProps {
  config: AxtrainConfig;
  snapshots: readonly AxtrainMethodSnapshot[];
  running: boolean;
  kMapping: Readonly<Record<DrumPresetId, number>>;
  onKMapping: (mapping: Record<DrumPresetId, number>) => void;
}

export function MultiplierSweepPanel({ config, snapshots, running, kMapping, onKMapping }: MultiplierSweepPanelProps) {
  const sweep = useMemo(() => buildMultiplierSweep(snapshots, kMapping), [snapshots, kMapping]);
  const claims = useMemo(() => buildClaimViews(config, snapshots, kMapping).filter((c) => c.id.startsWith('fig6-')), [config, snapshots, kMapping]);
  const mappingId = useId();
  const trainedFor = readTrainingSetting(config);
  const t = useT('axtrain');
  const claimText = useClaimTexts();
  const ks = DRUM_PRESET_IDS.map((id) => kMapping[id]).join(', ');
  return (
    <FigureSection
      id="multiplier"
      title={t('multiplier.title')}
      caption={
        <>
          <p>
            <Rich text={t('multiplier.captionP1')} slots={{ badge: <StatusBadge status="interpretation" title={t('multiplier.lossNote')} /> }} />
          </p>
          <p>
            <Rich
              text={t(trainedFor.kind === 'drum' ? 'multiplier.captionP2' : 'multiplier.captionP2NotTuned', { ks, setting: describeSetting(trainedFor) })}
              slots={{ badge: <StatusBadge status={DRUM_K_PRESETS_SOURCE.status} title={DRUM_K_PRESETS_SOURCE.citation} /> }}
            />
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
        <Waiting testId="axtrain-multiplier-waiting">{running ? t('multiplier.waitingRunning') : t('multiplier.waiting')}</Waiting>
      ) : (
        <>
          <MethodLegend methods={sweep.methods} kind="bar" testId="axtrain-multiplier-legend" />
          <GroupedBarChart
            groups={sweep.groups}
            methods={sweep.methods}
            scale="log"
            reference={{ value: 1, label: t('multiplier.reference') }}
            yLabel={t('multiplier.yLabel')}
            ariaLabel={t('multiplier.aria', {
              groups: sweep.groups
                .slice(0, 4)
                .map((g) => `${g.label}: ${g.bars.map((b) => `${AXTRAIN_METHOD_LABELS[b.method]} ${formatNumber(b.value, 3)}`).join(', ')}`)
                .join('; '),
            })}
            testId="axtrain-multiplier-chart"
          />
          <details className="axtrain-numbers">
            <summary>{t('multiplier.numbers')}</summary>
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
                    <th scope="row">{t('multiplier.exact')}</th>
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
          <PaperBeside testId="axtrain-multiplier-claims" rows={claims.map((c) => ({ id: c.id, paper: c.paperText, computed: c.computed, ...claimText(c) }))} />
        </>
      )}
    </FigureSection>
  );
}
