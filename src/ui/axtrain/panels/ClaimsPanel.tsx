/**
 * The paper's headline numbers (AxTrain §5, Figs. 6 and 7) beside this run's, computed by computeAxtrainClaims,
 * with the reading each of ours takes; a claim this run cannot judge says "not computed" and why.
 */
import { useMemo } from 'react';
import type { DrumPresetId } from '../../../core/approx/drum';
import type { AxtrainConfig } from '../../../core/axtrain/config';
import { describeSetting, readTrainingSetting } from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { isClassificationDatasetId } from '../../../core/axtrain/datasets';
import { buildClaimViews } from './figureData';
import { FigureSection, Rich, StatusBadge, Waiting } from './common';
import { useT } from '../../i18n';

export function ClaimsPanel({
  config,
  snapshots,
  running,
  kMapping,
}: {
  config: AxtrainConfig;
  snapshots: readonly AxtrainMethodSnapshot[];
  running: boolean;
  kMapping: Readonly<Record<DrumPresetId, number>>;
}) {
  const claims = useMemo(() => buildClaimViews(config, snapshots, kMapping), [config, snapshots, kMapping]);
  const hasReports = snapshots.some((s) => s.hardware !== null);
  const computed = claims.filter((c) => c.computed).length;
  const t = useT('axtrain');
  return (
    <FigureSection
      id="claims"
      wide
      title={t('claims.title')}
      caption={
        <p>
          <Rich
            text={t('claims.caption', {
              dataset: isClassificationDatasetId(config.dataset) ? t(`datasets.${config.dataset}.title`) : config.dataset,
              seed: config.seed,
              setting: describeSetting(readTrainingSetting(config)),
            })}
            slots={{ by: <StatusBadge status="interpretation" title={t('claims.byNote')} />, relative: <StatusBadge status="interpretation" /> }}
          />
        </p>
      }
    >
      {!hasReports ? (
        <Waiting testId="axtrain-claims-waiting">{running ? t('claims.waitingRunning') : t('claims.waiting')}</Waiting>
      ) : (
        <div className="table-wrap">
          <table className="axtrain-table axtrain-claims" data-testid="axtrain-claims-table" data-computed={computed}>
            <thead>
              <tr>
                <th scope="col">{t('claims.figure')}</th>
                <th scope="col">{t('claims.claim')}</th>
                <th scope="col">{t('panels.paper')}</th>
                <th scope="col">{t('panels.ours')}</th>
                <th scope="col">{t('claims.howComputed')}</th>
              </tr>
            </thead>
            <tbody>
              {claims.map((claim) => (
                <tr key={claim.id} data-testid={`axtrain-claim-${claim.id}`} data-computed={claim.computed} className={claim.computed ? '' : 'not-computed'}>
                  <td>{claim.figure}</td>
                  <td>{claim.claim}</td>
                  <td>
                    {claim.paperText} <StatusBadge status="paper" />
                  </td>
                  <td>{claim.computed ? <strong>{claim.oursText}</strong> : <span className="muted">{claim.oursText}</span>}</td>
                  <td className="small">{claim.computed ? claim.reading : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </FigureSection>
  );
}
