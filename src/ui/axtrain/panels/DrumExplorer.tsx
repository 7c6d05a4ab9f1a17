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
import { FigureSection, Rich, StatusBadge } from './common';
import { useT } from '../../i18n';

/** Each bit role's letter (the same in every language: the key under the bits says what it stands for). */
const ROLE_LETTER: Record<DrumBitCell['role'], string> = { leading: 'L', kept: 'K', forced: 'F', dropped: 'D', exact: '=', zero: '·' };

function OperandBits({ name, view, testId }: { name: string; view: DrumOperandView; testId: string }) {
  const t = useT('axtrain');
  const e = view.explanation;
  const sign = view.negative ? '−' : '';
  const roleName = (role: DrumBitCell['role']) => t(`drum.roles.${role}`);
  const summary = e.exact
    ? t('drum.usedAsIs', { magnitude: view.magnitude, k: e.k })
    : t('drum.summary', {
        t: e.leadingOne,
        s: e.shift,
        keep: t(e.keptBitCount === 1 ? 'drum.keepOne' : 'drum.keepMany', { n: e.keptBitCount }),
        force: t('drum.force', { bit: e.forcedBit ?? '', was: e.forcedBitWasSet ? 1 : 0 }),
        k1: e.k === 1 ? t('drum.k1') : '',
        drop: t(e.shift === 1 ? 'drum.dropOne' : 'drum.dropMany', { n: e.shift, worth: e.droppedValue }),
      });
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
        <table className="drum-bits" aria-label={t('drum.bitsLabel', { name, k: e.k })}>
          <thead>
            <tr>
              <th scope="row">{t('drum.bit')}</th>
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
                <td
                  key={cell.position}
                  className={`drum-bit role-${cell.role}`}
                  title={t('drum.bitTitle', { position: cell.position, role: roleName(cell.role) })}
                  data-role={cell.role}
                >
                  {cell.bit}
                </td>
              ))}
            </tr>
            <tr className="drum-roles">
              <th scope="row">{t('drum.role')}</th>
              {view.bits.map((cell) => (
                <td key={cell.position} className={`drum-role role-${cell.role}`} aria-label={roleName(cell.role)}>
                  {ROLE_LETTER[cell.role]}
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
        <span className="muted">{t('drum.error', { error: `${view.approx - view.input >= 0 ? '+' : '−'}${Math.abs(view.approx - view.input)}` })}</span>
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
  const t = useT('axtrain');
  return (
    <FigureSection
      id="drum"
      wide
      title={t('drum.title')}
      caption={
        <p>
          <Rich
            text={t('drum.caption', { ks: DRUM_PRESET_IDS.map((id) => kMapping[id]).join(', ') })}
            slots={{
              twoK: (
                <>
                  2<sup>k</sup>
                </>
              ),
              product: <span lang="en">sgn(a)·sgn(b)·ã·b̃</span>,
              verilog: <span lang="en">Verilog</span>,
              verified: <StatusBadge status="verified" title={t('drum.verifiedNote')} />,
              presets: <StatusBadge status={DRUM_K_PRESETS_SOURCE.status} title={DRUM_K_PRESETS_SOURCE.citation} />,
            }}
          />
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
        <div className="drum-presets" role="group" aria-label={t('drum.presetsLabel')}>
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
        <p className="small muted">{t('drum.operands', { max: DRUM_EXPLORER_MAX })}</p>
      </div>
      <ul className="drum-key" aria-label={t('drum.bitRoles')}>
        {(['leading', 'kept', 'forced', 'dropped', 'exact'] as const).map((role) => (
          <li key={role}>
            <span className={`drum-bit role-${role}`}>{ROLE_LETTER[role]}</span> {t(`drum.roles.${role}`)}
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
        <dt>{t('drum.exactProduct')}</dt>
        <dd data-testid="drum-exact">{view.exact.toLocaleString('en-US')}</dd>
        <dt>{t('drum.relativeError')}</dt>
        <dd data-testid="drum-error">{view.relativeError === null ? t('drum.zeroProduct') : `${view.relativeError >= 0 ? '+' : ''}${formatPercent(view.relativeError, 3)}`}</dd>
      </dl>
      <div className="table-wrap">
        <table className="axtrain-table drum-stats" data-testid="drum-stats">
          <caption className="small">
            <Rich text={t('drum.statsCaption', { pairs: DRUM_STATS_PAIRS.toLocaleString('en-US'), seed })} slots={{ formula: <span lang="en">(DRUM − ab)/ab</span> }} />{' '}
            <StatusBadge status={DRUM_REFERENCE_STATS_16BIT.status} title={DRUM_REFERENCE_STATS_16BIT.citation} />
          </caption>
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col">{t('drum.meanOurs')}</th>
              <th scope="col">{t('drum.stdOurs')}</th>
              <th scope="col">{t('drum.meanReference')}</th>
              <th scope="col">{t('drum.stdReference')}</th>
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
