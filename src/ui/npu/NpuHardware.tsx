/**
 * The NPU's hardware model as a setting (issue 9 §5): exact, DRUM-k multipliers or NTV weight SRAM (`npu.hw` in the
 * share link). The readout beside the energy panel: AXNet's true and predicted invocation and overall error on the
 * test set on the selected hardware against exact (NTV: mean ± std over NPU_NTV_RUNS runs), and the energy per
 * inference from the NPU's one energy model (resolveEnergyRates prices the MAC by priceDrumMultiply and the PE
 * weight buffer by priceWeightRead's voltage factor), all labelled estimates with their formulas.
 */
import { useMemo } from 'react';
import { Trans } from 'react-i18next';
import type { AxnetHardwareEvaluation } from '../../core/approx/axnetOnHardware';
import { DRUM_K_PRESETS_SOURCE } from '../../core/approx/drum';
import { priceDrumMultiply, priceWeightRead, type ApproxEnergyPrice } from '../../core/approx/energy';
import { NPU_HARDWARE_IDS, NPU_NTV_RUNS, NPU_NTV_WORD_BITS, describeNpuHardware, findDrumPreset, type NpuHardwareId } from '../../core/approx/npuHardware';
import type { MeanStd } from '../../core/axtrain/report';
import { aggregateAxnetCost, reweightNpuAggregate, resolveEnergyRates, type NpuAggregate } from '../../core/npu';
import { useLabStore } from '../../state/store';
import { formatPj } from './NpuEnergy';
import { formatValue } from './timeline';
import { useNpuHardware } from './useNpuHardware';
import type { NpuModel } from './useNpuModel';
import { useT } from '../i18n';

/** "45.2 %" or, over several runs, "45.2 ± 3.1 %"; "—" when undefined (nothing predicted safe). */
function formatFraction(value: MeanStd): string {
  if (!Number.isFinite(value.mean)) return '—';
  const mean = (value.mean * 100).toFixed(1);
  return value.runs > 1 ? `${mean} ± ${(value.std * 100).toFixed(1)} %` : `${mean} %`;
}

function formatError(value: MeanStd, noneSafe: string): string {
  if (!Number.isFinite(value.mean)) return noneSafe;
  return value.runs > 1 ? `${formatValue(value.mean)} ± ${formatValue(value.std)}` : formatValue(value.mean);
}

function formatSaving(price: ApproxEnergyPrice, template: (percent: string) => string): string {
  return template((price.saving * 100).toFixed(1));
}

function HardwareRow({ name, testId, result, aggregate }: { name: string; testId: string; result: AxnetHardwareEvaluation; aggregate: NpuAggregate }) {
  const t = useT('npu');
  return (
    <tr data-testid={`npu-hw-row-${testId}`}>
      <th scope="row">{name}</th>
      <td className="num" data-testid={`npu-hw-true-${testId}`}>
        {formatFraction(result.trueInvocation)}
      </td>
      <td className="num" data-testid={`npu-hw-predicted-${testId}`}>
        {formatFraction(result.predictedInvocation)}
      </td>
      <td className="num" data-testid={`npu-hw-error-${testId}`}>
        {formatError(result.overallError, t('hardware.noneSafe'))}
      </td>
      <td className="num" data-testid={`npu-hw-energy-${testId}`}>
        {formatPj(aggregate.averageEnergyPj)}
      </td>
      <td className="num">{Number.isFinite(aggregate.energyGain) ? aggregate.energyGain.toFixed(2) : '—'}×</td>
    </tr>
  );
}

export function NpuHardware({ model }: { model: NpuModel }) {
  const t = useT('npu');
  const saving = (percent: string) => t('hardware.saving', { percent });
  const hardwareLabel = (id: NpuHardwareId) => (id === 'exact' ? t('hardware.exact') : describeNpuHardware(id).label);
  const params = useLabStore((s) => s.npuParams);
  const seed = useLabStore((s) => s.config.seed);
  const setParam = useLabStore((s) => s.setNpuParam);
  const hardware = params.hardware;
  const description = describeNpuHardware(hardware);
  const setting = description.setting;
  const readout = useNpuHardware(model, hardware);
  const rates = useMemo(() => resolveEnergyRates(params), [params]);
  // Exact hardware's cost with the same architecture and constants: the baseline of the comparison.
  const exactAggregate = useMemo(
    () => aggregateAxnetCost(model.weights, model.testX, { ...params, hardware: 'exact' }, { cpuCost: model.cpuCost, predictedSafe: model.decisions.safe }),
    [model.weights, model.testX, model.cpuCost, model.decisions, params],
  );
  const ready = readout.kind === 'ready' ? readout : null;
  // E_avg on the hardware: its rates (model.aggregate) at the predictor's invocation on the hardware (mean over NTV runs).
  const selectedAggregate = useMemo(
    () =>
      ready && Number.isFinite(ready.selected.predictedInvocation.mean)
        ? reweightNpuAggregate(model.aggregate, ready.selected.predictedInvocation.mean, params, model.cpuCost)
        : null,
    [ready, model.aggregate, params, model.cpuCost],
  );
  const price =
    setting.kind === 'drum'
      ? priceDrumMultiply(setting.k, params.constantOverrides)
      : setting.kind === 'ntv'
        ? priceWeightRead({
            voltageV: setting.voltageMv / 1000,
            wordBits: NPU_NTV_WORD_BITS,
            memoryBytes: ((ready?.selected.storedWords ?? 0) * NPU_NTV_WORD_BITS) / 8,
            overrides: params.constantOverrides,
          })
        : null;

  return (
    <div className="npu-card npu-hardware" data-testid="npu-hardware">
      <h3>{t('hardware.title')}</h3>
      <div className="npu-hardware-pick">
        <label htmlFor="npu-hardware-select">{t('hardware.hardware')}</label>
        <select id="npu-hardware-select" data-testid="npu-hardware-select" value={hardware} onChange={(event) => setParam('hardware', event.target.value)}>
          {NPU_HARDWARE_IDS.map((id) => (
            <option key={id} value={id}>
              {hardwareLabel(id)}
            </option>
          ))}
        </select>
        {setting.kind === 'drum' ? (
          <span data-testid="npu-hardware-k">
            k = {setting.k}
            {findDrumPreset(setting.k) ? (
              <>
                {' '}
                ({findDrumPreset(setting.k)} ↔ k: <span className="badge interpretation">{t('hardware.interpretation')}</span>)
              </>
            ) : null}
          </span>
        ) : null}
        {setting.kind === 'ntv' ? (
          <span data-testid="npu-hardware-p">
            {t('hardware.flipRate', { p: Number((setting.flipRate * 100).toPrecision(3)) })} <span className="badge unverified">{t('hardware.unverified')}</span>)
          </span>
        ) : null}
      </div>
      <p className="small" data-testid="npu-hardware-detail">
        {hardware === 'exact' ? t('hardware.exactDetail') : description.detail}
      </p>
      <p className="small muted">
        {t('hardware.presetsNote')} <span className="badge interpretation">{t('hardware.interpretation')}</span> <span lang="en">({DRUM_K_PRESETS_SOURCE.citation})</span>.{' '}
        {t('hardware.ntvNote')} <span className="badge unverified">{t('hardware.unverified')}</span>. {t('hardware.neverRestarts')}
      </p>

      {readout.kind === 'computing' ? (
        <p className="small" data-testid="npu-hardware-status" aria-live="polite">
          {t('hardware.computing', {
            percent: Math.round(readout.fraction * 100),
            run: readout.runs > 1 ? t('hardware.run', { run: readout.run + 1, runs: readout.runs }) : '',
          })}
        </p>
      ) : readout.kind === 'error' ? (
        <p className="small npu-warnings" data-testid="npu-hardware-status">
          {t('hardware.cannotRun', { message: readout.message })}
        </p>
      ) : (
        <p className="small muted" data-testid="npu-hardware-status" aria-live="polite">
          {t('hardware.testSet', {
            n: model.testSize,
            ntv: setting.kind === 'ntv' ? t('hardware.ntvRuns', { runs: NPU_NTV_RUNS, voltage: setting.voltageMv, seed }) : '',
          })}
        </p>
      )}

      {ready ? (
        <table className="npu-table" data-testid="npu-hardware-table">
          <caption>{t('hardware.tableCaption', { hardware: hardwareLabel(hardware) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('constants.field.hardware')}</th>
              <th scope="col" className="num" title={t('hardware.trueTitle')}>
                {t('hardware.trueInvocation')}
              </th>
              <th scope="col" className="num" title={t('hardware.predictedTitle')}>
                {t('hardware.predictedInvocation')}
              </th>
              <th scope="col" className="num" title={t('hardware.errorTitle')}>
                {t('hardware.overallError')}
              </th>
              <th scope="col" className="num">
                {t('hardware.pjEstimate')}
              </th>
              <th scope="col" className="num">
                {t('hardware.gain')}
              </th>
            </tr>
          </thead>
          <tbody>
            <HardwareRow name={t('hardware.exact')} testId="exact" result={ready.exact} aggregate={exactAggregate} />
            {hardware !== 'exact' && selectedAggregate ? <HardwareRow name={description.label} testId="selected" result={ready.selected} aggregate={selectedAggregate} /> : null}
          </tbody>
        </table>
      ) : null}
      {ready && hardware === 'exact' ? <p className="small">{t('hardware.pick')}</p> : null}

      {price && setting.kind === 'drum' ? (
        <p className="small" data-testid="npu-hardware-energy">
          <span className="badge estimate">{t('hardware.estimate')}</span> Multiplier: E<sub>DRUM</sub>({setting.k}) = {price.formula} = {formatValue(price.pj)} pJ per multiply (
          {formatSaving(price, saving)}, exact 16-bit {formatValue(price.exactPj)} pJ). The NPU's MAC: {rates.mac.formula} = {formatValue(rates.mac.pjPerUnit)} pJ; ⊙c stays exact.
          {ready
            ? ` The fused net's ${ready.selected.multiplies} multiplies alone: ${formatPj(price.pj * ready.selected.multiplies)} pJ per inference (as axlab train --hardware prints).`
            : ''}
        </p>
      ) : null}
      {price && setting.kind === 'ntv' ? (
        <p className="small" data-testid="npu-hardware-energy">
          <span className="badge estimate">{t('hardware.estimate')}</span> Weight reads at {setting.voltageMv} mV: the PE weight buffer {rates.weightBuffer.formula} ={' '}
          {formatValue(rates.weightBuffer.pjPerUnit)} pJ per word ({formatSaving(price, saving)}); on-chip memory and DRAM stay at nominal voltage.
          {ready
            ? ` The fused net's ${ready.selected.storedWords} stored ${NPU_NTV_WORD_BITS}-bit words as SRAM reads: ${price.formula} = ${formatValue(price.pj)} pJ each, ${formatPj(price.pj * ready.selected.storedWords)} pJ per inference (as axlab train --hardware prints).`
            : ''}
        </p>
      ) : null}
      <p className="small npu-caveat">
        <Trans t={t} i18nKey="hardware.caveat" components={{ sub: <sub /> }} />
      </p>
    </div>
  );
}
