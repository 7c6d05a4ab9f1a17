/**
 * The DRUM explorer: two integer operands and k; each operand's 16 bits with the leading one, the kept bits, the
 * forced bit and the dropped bits told apart by a letter and a border style as well as by colour; the DRUM-k and
 * exact products and the relative error; and the error statistics of DRUM-k for k = 1…8 (drumStats over 20 000
 * uniform 16-bit pairs, computed once) beside the reference's. Everything is a native input or button: keyboard
 * operable.
 */
import { useId, useMemo, useState } from 'react';
import { DRUM_K_PRESETS_SOURCE, DRUM_PRESET_IDS, type DrumPresetId } from '../../../core/approx/drum';
import {
  DRUM_EXPLORER_K_RANGE,
  DRUM_EXPLORER_MAX,
  DRUM_REFERENCE_STATS_16BIT,
  DRUM_STATS_PAIRS,
  clampDrumK,
  computeDrumStatsTable,
  explainDrumProduct,
  formatPercent,
  parseDrumOperand,
  type DrumBitCell,
  type DrumOperandView,
} from './figureData';
import { FigureSection, StatusBadge } from './common';

const ROLE_TEXT: Record<DrumBitCell['role'], { letter: string; name: string }> = {
  leading: { letter: 'L', name: 'leading one' },
  kept: { letter: 'K', name: 'kept' },
  forced: { letter: 'F', name: 'forced to 1' },
  dropped: { letter: 'D', name: 'dropped' },
  exact: { letter: '=', name: 'used as is (x < 2^k)' },
  zero: { letter: '·', name: 'above the leading one' },
};

function OperandBits({ name, view, testId }: { name: string; view: DrumOperandView; testId: string }) {
  const e = view.explanation;
  const sign = view.negative ? '−' : '';
  const summary = e.exact
    ? `${view.magnitude} < 2^${e.k}: used as is`
    : `t = ${e.leadingOne}, s = t − k + 1 = ${e.shift}: keep the leading one and ${e.keptBitCount} bit${e.keptBitCount === 1 ? '' : 's'} below it, force bit ${e.forcedBit} to 1${
        e.forcedBitWasSet ? ' (it was 1)' : ' (it was 0)'
      }${e.k === 1 ? ' — for k = 1 that is the leading one itself, so nothing is unbiased' : ''}, drop ${e.shift} bit${e.shift === 1 ? '' : 's'} (worth ${e.droppedValue})`;
  return (
    <div className="drum-operand" data-testid={testId} data-approx={view.approx}>
      <p className="drum-operand-title">
        <strong>
          {name} = {view.input}
        </strong>{' '}
        <span className="muted small">
          (|{name}| = {view.magnitude.toString(2)}₂) · {summary}
        </span>
      </p>
      <div className="table-wrap">
        <table className="drum-bits" aria-label={`Bits of |${name}| and of its DRUM-${e.k} operand, most significant first`}>
          <thead>
            <tr>
              <th scope="row">bit</th>
              {view.bits.map((cell) => (
                <th key={cell.position} scope="col">
                  {cell.position}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">|{name}|</th>
              {view.bits.map((cell) => (
                <td key={cell.position} className={`drum-bit role-${cell.role}`} title={`bit ${cell.position}: ${ROLE_TEXT[cell.role].name}`} data-role={cell.role}>
                  {cell.bit}
                </td>
              ))}
            </tr>
            <tr className="drum-roles">
              <th scope="row">role</th>
              {view.bits.map((cell) => (
                <td key={cell.position} className={`drum-role role-${cell.role}`} aria-label={ROLE_TEXT[cell.role].name}>
                  {ROLE_TEXT[cell.role].letter}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">
                {name}̃ (DRUM-{e.k})
              </th>
              {view.bits.map((cell) => (
                <td key={cell.position} className={`drum-bit approx role-${cell.role}${cell.approxBit !== cell.bit ? ' changed' : ''}`} data-role={cell.role}>
                  {cell.approxBit}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="small">
        {name}̃ = {sign}
        {e.segment} × 2<sup>{e.shift}</sup> = {view.approx}{' '}
        <span className="muted">
          (error {view.approx - view.input >= 0 ? '+' : '−'}
          {Math.abs(view.approx - view.input)})
        </span>
      </p>
    </div>
  );
}

export function DrumExplorer({ seed = 1, kMapping }: { seed?: number; kMapping: Readonly<Record<DrumPresetId, number>> }) {
  const [aText, setAText] = useState('182');
  const [bText, setBText] = useState('7');
  const [a, setA] = useState(182);
  const [b, setB] = useState(7);
  const [k, setK] = useState(4);
  const ids = useId();
  const view = useMemo(() => explainDrumProduct(a, b, k), [a, b, k]);
  const stats = useMemo(() => computeDrumStatsTable(seed), [seed]);
  const [va, vb] = view.operands;
  const presetOf = (value: number) => DRUM_PRESET_IDS.filter((id) => kMapping[id] === value);
  return (
    <FigureSection
      id="drum"
      wide
      title="DRUM explorer — what the approximate multiplier does to two operands"
      caption={
        <p>
          DRUM-k (§4, [22]) keeps, from the most significant bit down, the leading one and the next k − 2 bits, forces the k-th bit to 1 (so the dropped bits are replaced by their
          average instead of 0: unbiased) and drops the rest; an operand below 2<sup>k</sup> passes unchanged. The product is the exact k×k product shifted back, sgn(a)·sgn(b)·ã·b̃
          (exact sign-magnitude: the authors’ two signed Verilog variants disagree){' '}
          <StatusBadge status="verified" title="0 mismatches against the authors' Verilog on sampled 16-bit grids (reference A.4.1)" />. K1…K4 on k ={' '}
          {DRUM_PRESET_IDS.map((id) => kMapping[id]).join(', ')} <StatusBadge status={DRUM_K_PRESETS_SOURCE.status} title={DRUM_K_PRESETS_SOURCE.citation} />.
        </p>
      }
    >
      <div className="drum-controls">
        <label htmlFor={`${ids}-a`}>
          a
          <input
            id={`${ids}-a`}
            type="number"
            inputMode="numeric"
            min={-DRUM_EXPLORER_MAX}
            max={DRUM_EXPLORER_MAX}
            step={1}
            value={aText}
            data-testid="drum-input-a"
            onChange={(event) => {
              setAText(event.target.value);
              setA(parseDrumOperand(event.target.value, a));
            }}
          />
        </label>
        <label htmlFor={`${ids}-b`}>
          b
          <input
            id={`${ids}-b`}
            type="number"
            inputMode="numeric"
            min={-DRUM_EXPLORER_MAX}
            max={DRUM_EXPLORER_MAX}
            step={1}
            value={bText}
            data-testid="drum-input-b"
            onChange={(event) => {
              setBText(event.target.value);
              setB(parseDrumOperand(event.target.value, b));
            }}
          />
        </label>
        <label htmlFor={`${ids}-k`}>
          k = {k}
          <input
            id={`${ids}-k`}
            type="range"
            min={DRUM_EXPLORER_K_RANGE.min}
            max={DRUM_EXPLORER_K_RANGE.max}
            step={1}
            value={k}
            data-testid="drum-input-k"
            aria-valuetext={`k = ${k}${presetOf(k).length ? ` (${presetOf(k).join(', ')})` : ''}`}
            onChange={(event) => setK(clampDrumK(Number(event.target.value)))}
          />
        </label>
        <div className="drum-presets" role="group" aria-label="AxTrain's K presets (their k is an interpretation)">
          {DRUM_PRESET_IDS.map((id) => (
            <button
              key={id}
              type="button"
              className={`chip${kMapping[id] === k ? ' active' : ''}`}
              aria-pressed={kMapping[id] === k}
              data-testid={`drum-preset-${id}`}
              onClick={() => setK(kMapping[id])}
            >
              {id} (k = {kMapping[id]})
            </button>
          ))}
          <StatusBadge status={DRUM_K_PRESETS_SOURCE.status} title={DRUM_K_PRESETS_SOURCE.citation} />
        </div>
        <p className="small muted">Operands are integers in ±{DRUM_EXPLORER_MAX} (DRUM’s 16-bit designs); other input is rounded and clamped.</p>
      </div>
      <ul className="drum-key" aria-label="Bit roles">
        {(['leading', 'kept', 'forced', 'dropped', 'exact'] as const).map((role) => (
          <li key={role}>
            <span className={`drum-bit role-${role}`}>{ROLE_TEXT[role].letter}</span> {ROLE_TEXT[role].name}
          </li>
        ))}
      </ul>
      <OperandBits name="a" view={va} testId="drum-operand-a" />
      <OperandBits name="b" view={vb} testId="drum-operand-b" />
      <dl className="drum-result" data-testid="drum-result" data-drum={view.drum} data-exact={view.exact}>
        <dt>DRUM-{k}(a, b)</dt>
        <dd data-testid="drum-product">
          {view.drum.toLocaleString('en-US')}{' '}
          <span className="muted small">
            = {va.negative !== vb.negative && view.drum !== 0 ? '−' : ''}
            {va.explanation.segment} · {vb.explanation.segment} × 2<sup>{va.explanation.shift + vb.explanation.shift}</sup>
          </span>
        </dd>
        <dt>exact a · b</dt>
        <dd data-testid="drum-exact">{view.exact.toLocaleString('en-US')}</dd>
        <dt>relative error</dt>
        <dd data-testid="drum-error">
          {view.relativeError === null ? '— (the exact product is 0)' : `${view.relativeError >= 0 ? '+' : ''}${formatPercent(view.relativeError, 3)}`}
        </dd>
      </dl>
      <div className="table-wrap">
        <table className="axtrain-table drum-stats" data-testid="drum-stats">
          <caption className="small">
            Relative error (DRUM − ab)/ab over {DRUM_STATS_PAIRS.toLocaleString('en-US')} uniform 16-bit pairs (seed {seed}), beside the reference’s 2 M pairs{' '}
            <StatusBadge status={DRUM_REFERENCE_STATS_16BIT.status} title={DRUM_REFERENCE_STATS_16BIT.citation} />
          </caption>
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col">mean (ours)</th>
              <th scope="col">std (ours)</th>
              <th scope="col">mean (reference)</th>
              <th scope="col">std (reference)</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((row) => {
              const reference = DRUM_REFERENCE_STATS_16BIT.rows[row.k];
              const presets = presetOf(row.k);
              return (
                <tr key={row.k} className={row.k === k ? 'current' : undefined} data-testid={`drum-stats-${row.k}`} aria-current={row.k === k ? 'true' : undefined}>
                  <th scope="row">
                    {row.k}
                    {presets.length > 0 ? <span className="muted"> ({presets.join(', ')})</span> : null}
                  </th>
                  <td>{formatPercent(row.mean, 2)}</td>
                  <td>{formatPercent(row.std, 2)}</td>
                  <td>{reference ? formatPercent(reference.mean, 2) : '—'}</td>
                  <td>{reference ? formatPercent(reference.std, 2) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </FigureSection>
  );
}
