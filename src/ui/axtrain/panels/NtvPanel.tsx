/**
 * Fig. 7: test accuracy with NTV weight memory, mean ± std over the masks, at the data set's aggressive and
 * conservative voltages (Tab. 1) and 850 mV, per method; exact hardware first for reference, and the paper's
 * +32.10 % / +8.163 % beside ours.
 */
import { useMemo } from 'react';
import { NTV_VOLTAGE_PRESETS, getNtvFlipRate } from '../../../core/approx/ntv';
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig } from '../../../core/axtrain/config';
import { describeSetting, readTrainingSetting } from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { buildClaimViews, buildNtvBars, formatNumber, formatPercent, type BarGroup } from './figureData';
import { FigureSection, MethodBarSwatch, MethodLegend, PaperBeside, Rich, StatusBadge, Waiting } from './common';
import { useClaimTexts } from './ClaimsPanel';
import { GroupedBarChart } from './GroupedBarChart';
import { useLanguage, useT } from '../../i18n';

export function NtvPanel({ config, snapshots, running }: { config: AxtrainConfig; snapshots: readonly AxtrainMethodSnapshot[]; running: boolean }) {
  const built = useMemo(() => buildNtvBars(snapshots, config.dataset), [snapshots, config.dataset]);
  const t = useT('axtrain');
  // The groups' labels in the interface's language (buildNtvBars writes them in English): exact (no flips), then each
  // voltage with its flip rate and its role for this data set.
  const view = useMemo(() => {
    if (!built) return null;
    const groups = built.groups.map((group): BarGroup => {
      if (group.key === 'exact') return { ...group, label: t('ntvBars.exact'), sublabel: t('ntvBars.noFlips') };
      const mv = Number(group.key.replace(/^ntv/, ''));
      const roles = [mv === built.aggressiveMv ? t('ntvBars.aggressive') : null, mv === built.conservativeMv ? t('ntvBars.conservative') : null].filter(Boolean).join(', ');
      const flip = group.bars.some((bar) => bar.value !== null) ? `p = ${formatPercent(getNtvFlipRate(mv))}` : null;
      return { ...group, sublabel: [flip, roles || null].filter(Boolean).join(' · ') };
    });
    return { ...built, groups };
  }, [built, t]);
  const claimText = useClaimTexts();
  const language = useLanguage();
  const claims = useMemo(() => buildClaimViews(config, snapshots).filter((c) => c.id.startsWith('fig7-')), [config, snapshots]);
  const runs = view?.runs ?? [];
  const runsText = runs.length === 0 ? `${config.evalRuns}` : runs.join(t('ntv.or'));
  const preset = NTV_VOLTAGE_PRESETS[0];
  return (
    <FigureSection
      id="ntv"
      title={t('ntv.title')}
      caption={
        <>
          <p>
            <Rich
              text={t('ntv.captionP1', { bits: config.weightBits })}
              slots={{
                rates: <StatusBadge status={preset.status} title={preset.citation} />,
                figure: <StatusBadge status={preset.sourceFigureStatus} title={t('ntv.figureNote')} />,
                word: <StatusBadge status="interpretation" title={t('ntv.wordNote')} />,
                mask: <StatusBadge status="interpretation" title={t('ntv.maskNote')} />,
                runs: <strong data-testid="axtrain-ntv-runs">{runsText}</strong>,
              }}
            />
          </p>
          <p>
            {view
              ? t('ntv.voltagesKnown', {
                  aggressive: view.aggressiveMv,
                  conservative: view.conservativeMv,
                  source: language !== 'en' && view.voltageSource.includes('Tab. 1') ? t('ntv.tab1') : view.voltageSource,
                  setting: describeSetting(readTrainingSetting(config)),
                })
              : t('ntv.voltagesUnknown', { setting: describeSetting(readTrainingSetting(config)) })}
          </p>
        </>
      }
    >
      {!view ? (
        <Waiting testId="axtrain-ntv-waiting">{running ? t('ntv.waitingRunning', { runs: config.evalRuns }) : t('ntv.waiting')}</Waiting>
      ) : (
        <>
          <MethodLegend methods={view.methods} kind="bar" testId="axtrain-ntv-legend" />
          <GroupedBarChart
            groups={view.groups}
            methods={view.methods}
            scale="linear"
            domain={[0, 1]}
            yLabel={t('ntv.yLabel')}
            ariaLabel={t('ntvBars.aria', {
              runs: runsText,
              groups: view.groups.map((g) => `${g.label}: ${g.bars.map((b) => `${AXTRAIN_METHOD_LABELS[b.method]} ${formatNumber(b.value, 3)}`).join(', ')}`).join('; '),
            })}
            testId="axtrain-ntv-chart"
            formatValue={(v) => formatNumber(v, 4)}
          />
          <details className="axtrain-numbers" open>
            <summary>{t('ntv.numbers')}</summary>
            <div className="table-wrap">
              <table className="axtrain-table" data-testid="axtrain-ntv-table">
                <thead>
                  <tr>
                    <th scope="col">{t('ntv.setting')}</th>
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
          <PaperBeside testId="axtrain-ntv-claims" rows={claims.map((c) => ({ id: c.id, paper: c.paperText, computed: c.computed, ...claimText(c) }))} />
        </>
      )}
    </FigureSection>
  );
}
