/**
 * The paper's headline numbers (AxTrain §5, Figs. 6 and 7) beside this run's, computed by computeAxtrainClaims,
 * with the reading each of ours takes; a claim this run cannot judge says "not computed" and why.
 */
import { useMemo } from 'react';
import type { DrumPresetId } from '../../../core/approx/drum';
import type { AxtrainConfig } from '../../../core/axtrain/config';
import { describeSetting, readTrainingSetting } from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { buildClaimViews } from './figureData';
import { FigureSection, StatusBadge, Waiting } from './common';

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
  return (
    <FigureSection
      id="claims"
      wide
      title="The paper’s claims beside ours"
      caption={
        <p>
          The paper’s numbers are averages over its six applications (Tab. 1); ours come from this one run ({config.dataset}, seed {config.seed}). Fig. 6: how much a method lowers
          L<sub>k</sub>/L<sub>exact</sub> against BP at K1–K3 (“reduces error by”, not “to”{' '}
          <StatusBadge status="interpretation" title="'further reduces error to 75.61%' — 'to' vs 'by' is ambiguous (reference A.7)" />
          ). Fig. 7: AxTrain’s accuracy gain over BP at the aggressive and conservative voltage, as a relative gain (the paper does not say relative or absolute; the absolute
          points are in the reading) <StatusBadge status="interpretation" />. AxTrain (act + pas) is fine-tuned for one setting, so this run judges it only on{' '}
          {describeSetting(readTrainingSetting(config))}.
        </p>
      }
    >
      {!hasReports ? (
        <Waiting testId="axtrain-claims-waiting">{running ? 'The claims are computed when training ends.' : 'The claims appear when training ends.'}</Waiting>
      ) : (
        <div className="table-wrap">
          <table className="axtrain-table axtrain-claims" data-testid="axtrain-claims-table" data-computed={computed}>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Claim</th>
                <th scope="col">Paper</th>
                <th scope="col">Ours</th>
                <th scope="col">How ours is computed</th>
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
