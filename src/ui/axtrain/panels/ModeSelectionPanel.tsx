/**
 * Fig. 9's testable part: per method, the most aggressive DRUM k and the lowest NTV voltage whose accuracy stays
 * within 2 points of the same net on exact hardware, with the energy each saves (lab estimates, with their formula
 * and sources), and the paper's −41.57 % / −33.14 % beside ours.
 */
import { useMemo } from 'react';
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig } from '../../../core/axtrain/config';
import { describeSetting, readTrainingSetting } from '../../../core/axtrain/report';
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
import { FigureSection, MethodLineSwatch, PaperBeside, StatusBadge, Waiting } from './common';

function ModeCell({ mode, what, testId }: { mode: SelectedMode | null; what: string; testId: string }) {
  if (!mode) return <td data-testid={testId}>none within 2 points</td>;
  return (
    <td data-testid={testId} data-saving={mode.saving}>
      <strong>{mode.label}</strong> · accuracy {formatPercent(mode.accuracy, 1)}
      <br />−{formatPercent(mode.saving, 1)} {what} energy{' '}
      <StatusBadge status="estimate" title={`${tidyFormula(mode.price.formula)} (${mode.price.sources.map((s) => `${s.label}: ${s.status}`).join('; ')})`} />
      {mode.energyPj !== null && mode.exactEnergyPj !== null ? (
        <span className="muted small">
          <br />
          {formatNumber(mode.energyPj, 4)} pJ per inference (exact {formatNumber(mode.exactEnergyPj, 4)} pJ)
        </span>
      ) : null}
    </td>
  );
}

export function ModeSelectionPanel({ config, snapshots, running }: { config: AxtrainConfig; snapshots: readonly AxtrainMethodSnapshot[]; running: boolean }) {
  const rows = useMemo(() => buildModeSelectionRows(config, snapshots), [config, snapshots]);
  const trainedFor = readTrainingSetting(config);
  const savings = useMemo(() => compareModeSavings(rows, trainedFor), [rows, trainedFor]);
  const sources = rows.flatMap((row) => [...(row.drum?.price.sources ?? []), ...(row.ntv?.price.sources ?? [])]).filter((s, i, all) => all.findIndex((t) => t.id === s.id) === i);
  return (
    <FigureSection
      id="modes"
      title="Fig. 9 — Most aggressive mode within 2 points, and the energy it saves"
      caption={
        <>
          <p>
            For each method: the smallest DRUM k and the lowest NTV voltage whose test accuracy (NTV: the mean over the masks) is at least the same net’s exact accuracy minus{' '}
            {MODE_SELECTION_ALLOWED_LOSS * 100} points (§5: “maximum 2% degradation”, read as accuracy points){' '}
            <StatusBadge status="interpretation" title="Relative or absolute 2 % is not stated; the lab uses 2 accuracy points" />. The paper prices the modes with a 65 nm
            synthesis and CACTI-P, which the lab does not have; the savings here are the lab’s estimates: a DRUM-k multiply E<sub>mult16</sub>·((k/16)² + o), an SRAM word read at V
            scaled by (V/1.1 V)² <StatusBadge status="estimate" />.
          </p>
          <p>pas and actpas trained for {describeSetting(trainedFor)}; a mode of another kind is a net not fine-tuned for it.</p>
        </>
      }
    >
      {rows.length === 0 ? (
        <Waiting testId="axtrain-modes-waiting">{running ? 'Fig. 9’s modes appear when training ends.' : 'Fig. 9 appears when training ends.'}</Waiting>
      ) : (
        <>
          <div className="table-wrap">
            <table className="axtrain-table axtrain-modes" data-testid="axtrain-modes-table">
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">exact accuracy</th>
                  <th scope="col">DRUM: most aggressive k</th>
                  <th scope="col">NTV: lowest voltage</th>
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
                    <ModeCell mode={row.ntv} what="weight-read" testId={`axtrain-modes-ntv-${row.method}`} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details className="axtrain-numbers" data-testid="axtrain-modes-sources" open>
            <summary>Where the energy numbers come from</summary>
            <ul className="small">
              {rows.flatMap((row) =>
                ([row.drum, row.ntv] as (SelectedMode | null)[])
                  .filter((mode): mode is SelectedMode => mode !== null)
                  .map((mode) => (
                    <li key={`${row.method}-${mode.label}`}>
                      {AXTRAIN_METHOD_LABELS[row.method]}, {mode.label}: {tidyFormula(mode.price.formula)} per operation
                    </li>
                  )),
              )}
              {sources.map((s) => (
                <li key={s.id}>
                  {s.label} = {formatNumber(s.value, 4)} {s.unit} <StatusBadge status={s.status} title={s.citation} /> <span className="muted">{s.citation}</span>
                </li>
              ))}
            </ul>
          </details>
          <PaperBeside
            testId="axtrain-modes-claims"
            rows={savings.map((c) => ({
              id: c.id,
              claim: `${c.claim} (paper: FlexFlow ${c.id === 'computation' ? 'computational' : 'storage'} power)`,
              paper: `−${c.paper}%`,
              ours: c.ours === null ? `not computed: ${c.reading}` : `${c.ours >= 0 ? '−' : '+'}${Math.abs(c.ours).toFixed(2)}% (estimate)`,
              computed: c.ours !== null,
              reading: c.reading,
            }))}
          />
          <p className="small muted">
            Paper: {FIG9_PAPER_CLAIMS.computationPowerReduction.citation} <StatusBadge status={FIG9_PAPER_CLAIMS.computationPowerReduction.status} />.
          </p>
        </>
      )}
    </FigureSection>
  );
}
