/**
 * Fig. 9's testable part: per method, the most aggressive DRUM k and the lowest NTV voltage whose accuracy stays
 * within 2 points of the same net on exact hardware, with the energy each saves (lab estimates, with their formula
 * and sources), and the paper's −41.57 % / −33.14 % beside ours.
 */
import { useMemo } from 'react';
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig } from '../../../core/axtrain/config';
import { describeSetting, readTrainingSetting } from '../../../core/axtrain/report';
import { formatMessage, message } from '../../../core/messages';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import {
  FIG9_PAPER_CLAIMS,
  MODE_SELECTION_ALLOWED_LOSS,
  buildModeSelectionRows,
  compareModeSavings,
  formatNumber,
  formatPercent,
  tidyFormula,
  type SelectedMode,
} from './figureData';
import { FigureSection, MethodLineSwatch, PaperBeside, Rich, StatusBadge, Waiting } from './common';
import type { ResolvedNpuConstant } from '../../../core/npu/constants';
import { FIG9_CONSTANT_IDS, WORDY_UNIT_IDS, type Fig9ConstantId, type WordyUnitConstantId } from '../../i18n/locales/axtrain';
import { useLanguage, useT } from '../../i18n';

type T = ReturnType<typeof useT<'axtrain'>>;

const isFig9ConstantId = (id: string): id is Fig9ConstantId => (FIG9_CONSTANT_IDS as readonly string[]).includes(id);
const hasWordyUnit = (id: string): id is WordyUnitConstantId => (WORDY_UNIT_IDS as readonly string[]).includes(id);

/** A price source's label and unit: the registry's English (src/core/npu/constants.ts), or the catalog's by id. */
function sourceText(source: ResolvedNpuConstant, t: T): { label: string; unit: string } {
  const { id } = source;
  return {
    label: isFig9ConstantId(id) ? t(`constantLabels.${id}`) : source.label,
    unit: hasWordyUnit(id) ? t(`constantUnits.${id}`) : source.unit,
  };
}

function ModeCell({ mode, what, testId }: { mode: SelectedMode | null; what: 'multiply' | 'read'; testId: string }) {
  const t = useT('axtrain');
  if (!mode) return <td data-testid={testId}>{t('modes.none')}</td>;
  const saving = formatPercent(mode.saving, 1);
  return (
    <td data-testid={testId} data-saving={mode.saving}>
      <strong>{mode.label}</strong>
      {t('modes.accuracy', { accuracy: formatPercent(mode.accuracy, 1) })}
      <br />
      {what === 'multiply' ? t('modes.savingMultiply', { saving }) : t('modes.savingRead', { saving })}{' '}
      <StatusBadge
        status="estimate"
        title={`${tidyFormula(mode.price.formula)} (${mode.price.sources.map((s) => `${sourceText(s, t).label}: ${t(`badge.${s.status}`)}`).join('; ')})`}
      />
      {mode.energyPj !== null && mode.exactEnergyPj !== null ? (
        <span className="muted small">
          <br />
          {t('modes.perInference', { energy: formatNumber(mode.energyPj, 4), exact: formatNumber(mode.exactEnergyPj, 4) })}
        </span>
      ) : null}
    </td>
  );
}

export function ModeSelectionPanel({ config, snapshots, running }: { config: AxtrainConfig; snapshots: readonly AxtrainMethodSnapshot[]; running: boolean }) {
  const rows = useMemo(() => buildModeSelectionRows(config, snapshots), [config, snapshots]);
  const trainedFor = readTrainingSetting(config);
  const savings = useMemo(() => compareModeSavings(rows, trainedFor), [rows, trainedFor]);
  const t = useT('axtrain');
  const language = useLanguage();
  const sources = rows.flatMap((row) => [...(row.drum?.price.sources ?? []), ...(row.ntv?.price.sources ?? [])]).filter((s, i, all) => all.findIndex((t) => t.id === s.id) === i);
  return (
    <FigureSection
      id="modes"
      title={t('modes.title')}
      caption={
        <>
          <p>
            <Rich
              text={t('modes.captionP1', { points: MODE_SELECTION_ALLOWED_LOSS * 100 })}
              slots={{ interpretation: <StatusBadge status="interpretation" title={t('modes.pointsNote')} />, estimate: <StatusBadge status="estimate" /> }}
            />
          </p>
          <p>{t('modes.captionP2', { setting: describeSetting(trainedFor) })}</p>
        </>
      }
    >
      {rows.length === 0 ? (
        <Waiting testId="axtrain-modes-waiting">{running ? t('modes.waitingRunning') : t('modes.waiting')}</Waiting>
      ) : (
        <>
          <div className="table-wrap">
            <table className="axtrain-table axtrain-modes" data-testid="axtrain-modes-table">
              <thead>
                <tr>
                  <th scope="col">{t('panels.method')}</th>
                  <th scope="col">{t('modes.exactAccuracy')}</th>
                  <th scope="col">{t('modes.drumHeader')}</th>
                  <th scope="col">{t('modes.ntvHeader')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.method} data-testid={`axtrain-modes-row-${row.method}`}>
                    <th scope="row">
                      <MethodLineSwatch method={row.method} /> {AXTRAIN_METHOD_LABELS[row.method]}
                    </th>
                    <td>{formatPercent(row.exactAccuracy, 1)}</td>
                    <ModeCell mode={row.drum} what="multiply" testId={`axtrain-modes-drum-${row.method}`} />
                    <ModeCell mode={row.ntv} what="read" testId={`axtrain-modes-ntv-${row.method}`} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details className="axtrain-numbers" data-testid="axtrain-modes-sources" open>
            <summary>{t('modes.sources')}</summary>
            <ul className="small">
              {rows.flatMap((row) =>
                ([row.drum, row.ntv] as (SelectedMode | null)[])
                  .filter((mode): mode is SelectedMode => mode !== null)
                  .map((mode) => (
                    <li key={`${row.method}-${mode.label}`}>
                      {t('modes.formula', { method: AXTRAIN_METHOD_LABELS[row.method], mode: mode.label, formula: tidyFormula(mode.price.formula) })}
                    </li>
                  )),
              )}
              {sources.map((s) => {
                const { label, unit } = sourceText(s, t);
                return (
                  <li key={s.id}>
                    {label} = {formatNumber(s.value, 4)} {unit} <StatusBadge status={s.status} title={s.citation} />{' '}
                    <span className="muted" lang="en">
                      {s.citation}
                    </span>
                  </li>
                );
              })}
            </ul>
          </details>
          <PaperBeside
            testId="axtrain-modes-claims"
            rows={savings.map((c) => {
              const reading = formatMessage(c.reading, language);
              return {
                id: c.id,
                claim: (
                  <Rich
                    text={t(c.id === 'computation' ? 'modes.claimComputation' : 'modes.claimStorage', { claim: formatMessage(c.claim, language) })}
                    slots={{ flexflow: <span lang="en">FlexFlow</span> }}
                  />
                ),
                paper: `−${c.paper}%`,
                ours:
                  c.ours === null
                    ? formatMessage(message('axtrainClaimNotComputed', { why: c.reading }), language)
                    : t('modes.ours', { value: `${c.ours >= 0 ? '−' : '+'}${Math.abs(c.ours).toFixed(2)}%` }),
                computed: c.ours !== null,
                reading,
              };
            })}
          />
          <p className="small muted">
            {t('modes.paperLine')} <span lang="en">{FIG9_PAPER_CLAIMS.computationPowerReduction.citation}</span>{' '}
            <StatusBadge status={FIG9_PAPER_CLAIMS.computationPowerReduction.status} />.
          </p>
        </>
      )}
    </FigureSection>
  );
}
