/**
 * The paper's headline numbers (AxTrain §5, Figs. 6 and 7) beside this run's, computed by computeAxtrainClaims,
 * with the reading each of ours takes; a claim this run cannot judge says "not computed" and why.
 */
import { useMemo } from 'react';
import { resolveDrumPresets, type DrumPresetId } from '../../../core/approx/drum';
import { getNtvFlipRate } from '../../../core/approx/ntv';
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig, type AxtrainMethodId } from '../../../core/axtrain/config';
import { describeSetting, findResult, lookupSingleRun, readNtvVoltagePair, readTrainingSetting, type HardwareReport, type HardwareSetting } from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { isClassificationDatasetId } from '../../../core/axtrain/datasets';
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

const DEFAULT_K_MAPPING: Partial<Record<DrumPresetId, number>> = {};

/**
 * The claims' texts in the interface's language. In English they are the sentences computeAxtrainClaims
 * (src/core/axtrain/report.ts) builds, as they are: the page and the CLI's report then read the same, and that is
 * simpler than re-deriving them. In another language they are formatted here with the catalog's claimTexts from the
 * same numbers (the same lookup the core uses: pas and actpas count only on the setting they trained for).
 */
export function useClaimTexts(
  config: Pick<AxtrainConfig, 'dataset' | 'hardware' | 'drumK' | 'ntvVoltageMv'>,
  snapshots: readonly AxtrainMethodSnapshot[],
  kMapping: Partial<Record<DrumPresetId, number>> = DEFAULT_K_MAPPING,
): (view: ClaimView) => ClaimTexts {
  const t = useT('axtrain');
  const language = useLanguage();
  return useMemo(() => {
    if (language === 'en') return (view: ClaimView) => ({ figure: view.figure, claim: view.claim, ours: view.oursText, reading: view.reading });
    const reports = Object.fromEntries(snapshots.filter((s) => s.hardware !== null).map((s) => [s.method, s.hardware])) as Partial<Record<AxtrainMethodId, HardwareReport>>;
    const trainedFor = readTrainingSetting(config);
    const lookup = lookupSingleRun(reports, { pas: trainedFor, actpas: trainedFor });
    const hit = (method: AxtrainMethodId, setting: HardwareSetting) => {
      const report = lookup(method, setting);
      return report ? findResult(report, setting) : null;
    };
    const presets = resolveDrumPresets(kMapping);
    const voltages = readNtvVoltagePair(config.dataset);
    const needs = (method: AxtrainMethodId, setting: HardwareSetting) => t('claimTexts.needs', { method: AXTRAIN_METHOD_LABELS[method], setting: describeSetting(setting) });
    return (view: ClaimView) => {
      let { claim, reading } = view;
      const fig6 = /^fig6-(act|actpas)-(K[123])$/.exec(view.id);
      const fig7 = /^fig7-(aggressive|conservative)$/.exec(view.id);
      if (fig6) {
        const method = fig6[1] as 'act' | 'actpas';
        const preset = fig6[2] as 'K1' | 'K2' | 'K3';
        const k = presets[preset];
        const setting: HardwareSetting = { kind: 'drum', k };
        const oursLoss = hit(method, setting)?.normalizedLoss;
        const bpLoss = hit('bp', setting)?.normalizedLoss;
        claim = t('claimTexts.fig6', { method: AXTRAIN_METHOD_LABELS[method], preset });
        reading =
          oursLoss !== undefined && bpLoss !== undefined && bpLoss > 0
            ? t('claimTexts.fig6Reading', { method, k, preset })
            : needs(lookup(method, setting) ? 'bp' : method, setting);
      } else if (fig7) {
        const which = fig7[1] as 'aggressive' | 'conservative';
        const mv = which === 'aggressive' ? voltages.aggressiveMv : voltages.conservativeMv;
        const setting: HardwareSetting = { kind: 'ntv', voltageMv: mv, flipRate: getNtvFlipRate(mv) };
        const ours = hit('actpas', setting);
        const bp = hit('bp', setting);
        claim = t('claimTexts.fig7', { which: t(`claimTexts.${which}`), mv });
        reading =
          ours && bp
            ? t('claimTexts.fig7Reading', { runs: ours.accuracy.runs, points: (100 * (ours.accuracy.mean - bp.accuracy.mean)).toFixed(2) })
            : needs(ours ? 'bp' : 'actpas', setting);
      }
      return {
        figure: t('claimTexts.figure', { n: view.figure.replace(/^Fig\.\s*/, '') }),
        claim,
        ours: view.computed ? view.oursText : t('panels.notComputed', { why: reading }),
        reading,
      };
    };
  }, [language, t, config, snapshots, kMapping]);
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
  const textsOf = useClaimTexts(config, snapshots, kMapping);
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
