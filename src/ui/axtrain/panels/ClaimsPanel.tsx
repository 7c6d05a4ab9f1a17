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
import { formatMessage, type Message } from '../../../core/messages';
import { buildClaimViews, type ClaimView } from './figureData';
import { FigureSection, Rich, StatusBadge, Waiting } from './common';
import { useLanguage, useT } from '../../i18n';

/** A claim's texts as the page shows them: "Fig. 6", the claim, ours (or "not computed: …") and how ours is computed. */
export interface ClaimTexts {
  figure: string;
  claim: string;
  ours: string;
  reading: string;
}

/**
 * The claims' texts in the interface's language: core's Messages (computeAxtrainClaimMessages,
 * src/core/axtrain/claimMessages.ts) formatted, so the page and the CLI's report read the same in English.
 */
export function useClaimTexts(): (view: ClaimView) => ClaimTexts {
  const language = useLanguage();
  return useMemo(() => {
    const text = (part: string | Message) => (typeof part === 'string' ? part : formatMessage(part, language));
    return (view: ClaimView) => ({ figure: text(view.figure), claim: text(view.claim), ours: text(view.oursText), reading: text(view.reading) });
  }, [language]);
}

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
  const textsOf = useClaimTexts();
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
              {claims.map((claim) => {
                const texts = textsOf(claim);
                return (
                  <tr key={claim.id} data-testid={`axtrain-claim-${claim.id}`} data-computed={claim.computed} className={claim.computed ? '' : 'not-computed'}>
                    <td>{texts.figure}</td>
                    <td>{texts.claim}</td>
                    <td>
                      {claim.paperText} <StatusBadge status="paper" />
                    </td>
                    <td>
                      {claim.computed ? (
                        <strong>{texts.ours}</strong>
                      ) : (
                        <span className="muted">
                          <Rich text={texts.ours} />
                        </span>
                      )}
                    </td>
                    <td className="small">{claim.computed ? <Rich text={texts.reading} /> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </FigureSection>
  );
}
