/**
 * The NPU's hardware model as a setting (issue 9 §5): exact, DRUM-k multipliers or NTV weight SRAM (`npu.hw` in the
 * share link). The readout beside the energy panel: AXNet's true and predicted invocation and overall error on the
 * test set on the selected hardware against exact (NTV: mean ± std over NPU_NTV_RUNS runs), and the energy per
 * inference from the NPU's one energy model (resolveEnergyRates prices the MAC by priceDrumMultiply and the PE
 * weight buffer by priceWeightRead's voltage factor), all labelled estimates with their formulas.
 */
import { useMemo } from 'react';
import type { AxnetHardwareEvaluation } from '../../core/approx/axnetOnHardware';
import { DRUM_K_PRESETS_SOURCE } from '../../core/approx/drum';
import { priceDrumMultiply, priceWeightRead, type ApproxEnergyPrice } from '../../core/approx/energy';
import { NPU_HARDWARE_IDS, NPU_NTV_RUNS, NPU_NTV_WORD_BITS, describeNpuHardware, findDrumPreset } from '../../core/approx/npuHardware';
import type { MeanStd } from '../../core/axtrain/report';
import { aggregateAxnetCost, reweightNpuAggregate, resolveEnergyRates, type NpuAggregate } from '../../core/npu';
import { useLabStore } from '../../state/store';
import { formatPj } from './NpuEnergy';
import { formatValue } from './timeline';
import { useNpuHardware } from './useNpuHardware';
import type { NpuModel } from './useNpuModel';

/** "45.2 %" or, over several runs, "45.2 ± 3.1 %"; "—" when undefined (nothing predicted safe). */
function formatFraction(value: MeanStd): string {
  if (!Number.isFinite(value.mean)) return '—';
  const mean = (value.mean * 100).toFixed(1);
  return value.runs > 1 ? `${mean} ± ${(value.std * 100).toFixed(1)} %` : `${mean} %`;
}

function formatError(value: MeanStd): string {
  if (!Number.isFinite(value.mean)) return '— (none predicted safe)';
  return value.runs > 1 ? `${formatValue(value.mean)} ± ${formatValue(value.std)}` : formatValue(value.mean);
}

function formatSaving(price: ApproxEnergyPrice): string {
  return `${(price.saving * 100).toFixed(1)} % below exact`;
}

function HardwareRow({ name, testId, result, aggregate }: { name: string; testId: string; result: AxnetHardwareEvaluation; aggregate: NpuAggregate }) {
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
        {formatError(result.overallError)}
      </td>
      <td className="num" data-testid={`npu-hw-energy-${testId}`}>
        {formatPj(aggregate.averageEnergyPj)}
      </td>
      <td className="num">{Number.isFinite(aggregate.energyGain) ? aggregate.energyGain.toFixed(2) : '—'}×</td>
    </tr>
  );
}

export function NpuHardware({ model }: { model: NpuModel }) {
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
      <h3>Approximate hardware (AxTrain §4, issue 9 §5)</h3>
      <div className="npu-hardware-pick">
        <label htmlFor="npu-hardware-select">Hardware</label>
        <select id="npu-hardware-select" data-testid="npu-hardware-select" value={hardware} onChange={(event) => setParam('hardware', event.target.value)}>
          {NPU_HARDWARE_IDS.map((id) => (
            <option key={id} value={id}>
              {describeNpuHardware(id).label}
            </option>
          ))}
        </select>
        {setting.kind === 'drum' ? (
          <span data-testid="npu-hardware-k">
            k = {setting.k}
            {findDrumPreset(setting.k) ? (
              <>
                {' '}
                ({findDrumPreset(setting.k)} ↔ k: <span className="badge interpretation">interpretation</span>)
              </>
            ) : null}
          </span>
        ) : null}
        {setting.kind === 'ntv' ? (
          <span data-testid="npu-hardware-p">
            flip rate p = {Number((setting.flipRate * 100).toPrecision(3))} % per stored bit (source figure <span className="badge unverified">unverified</span>)
          </span>
        ) : null}
      </div>
      <p className="small" data-testid="npu-hardware-detail">
        {description.detail}
      </p>
      <p className="small muted">
        K1–K4 ↔ k = 1–4 is an <span className="badge interpretation">{DRUM_K_PRESETS_SOURCE.status}</span> ({DRUM_K_PRESETS_SOURCE.citation}). NTV flip rates 10 % / 1 % / 0.1 % at
        400 / 660 / 850 mV: AxTrain §4 citing Dreslinski et al. [8]; which figure of [8] gives them is <span className="badge unverified">unverified</span>. Changing the hardware
        never restarts training: the same trained nets run on it.
      </p>

      {readout.kind === 'computing' ? (
        <p className="small" data-testid="npu-hardware-status" aria-live="polite">
          Computing on the test set… {Math.round(readout.fraction * 100)} %{readout.runs > 1 ? ` (run ${readout.run + 1} of ${readout.runs})` : ''}
        </p>
      ) : readout.kind === 'error' ? (
        <p className="small npu-warnings" data-testid="npu-hardware-status">
          The hardware model cannot run this network: {readout.message}
        </p>
      ) : (
        <p className="small muted" data-testid="npu-hardware-status" aria-live="polite">
          Test set: {model.testSize} samples
          {setting.kind === 'ntv'
            ? `; NTV: mean ± std over ${NPU_NTV_RUNS} runs (flip masks from the stream ntv-axnet-${setting.voltageMv} of seed ${seed}; AxTrain and axlab train --hardware use 50)`
            : ''}
          .
        </p>
      )}

      {ready ? (
        <table className="npu-table" data-testid="npu-hardware-table">
          <caption>AXNet on {description.label} against exact hardware</caption>
          <thead>
            <tr>
              <th scope="col">hardware</th>
              <th scope="col" className="num" title="fraction of test inputs whose approximator error is within the bound">
                true invocation
              </th>
              <th scope="col" className="num" title="fraction the predictor sends to the approximator">
                predicted invocation
              </th>
              <th scope="col" className="num" title="mean error of the inputs predicted safe">
                overall error
              </th>
              <th scope="col" className="num">
                pJ / inference (estimate)
              </th>
              <th scope="col" className="num">
                gain vs CPU
              </th>
            </tr>
          </thead>
          <tbody>
            <HardwareRow name="exact" testId="exact" result={ready.exact} aggregate={exactAggregate} />
            {hardware !== 'exact' && selectedAggregate ? <HardwareRow name={description.label} testId="selected" result={ready.selected} aggregate={selectedAggregate} /> : null}
          </tbody>
        </table>
      ) : null}
      {ready && hardware === 'exact' ? <p className="small">Pick a DRUM-k or NTV setting to see AXNet on approximate hardware beside these numbers.</p> : null}

      {price && setting.kind === 'drum' ? (
        <p className="small" data-testid="npu-hardware-energy">
          <span className="badge estimate">estimate</span> Multiplier: E<sub>DRUM</sub>({setting.k}) = {price.formula} = {formatValue(price.pj)} pJ per multiply (
          {formatSaving(price)}, exact 16-bit {formatValue(price.exactPj)} pJ). The NPU's MAC: {rates.mac.formula} = {formatValue(rates.mac.pjPerUnit)} pJ; ⊙c stays exact.
          {ready
            ? ` The fused net's ${ready.selected.multiplies} multiplies alone: ${formatPj(price.pj * ready.selected.multiplies)} pJ per inference (as axlab train --hardware prints).`
            : ''}
        </p>
      ) : null}
      {price && setting.kind === 'ntv' ? (
        <p className="small" data-testid="npu-hardware-energy">
          <span className="badge estimate">estimate</span> Weight reads at {setting.voltageMv} mV: the PE weight buffer {rates.weightBuffer.formula} ={' '}
          {formatValue(rates.weightBuffer.pjPerUnit)} pJ per word ({formatSaving(price)}); on-chip memory and DRAM stay at nominal voltage.
          {ready
            ? ` The fused net's ${ready.selected.storedWords} stored ${NPU_NTV_WORD_BITS}-bit words as SRAM reads: ${price.formula} = ${formatValue(price.pj)} pJ each, ${formatPj(price.pj * ready.selected.storedWords)} pJ per inference (as axlab train --hardware prints).`
            : ''}
        </p>
      ) : null}
      <p className="small npu-caveat">
        pJ / inference: E<sub>avg</sub> = f · E<sub>NPU</sub> + (1 − f) · E<sub>CPU path</sub> at each row's predicted invocation f, the NPU priced by its energy model with this
        hardware's MAC and weight-buffer rates (estimates). The animation and the energy table show exact values with the selected hardware's rates; their test-set row uses the
        exact predictor's decisions.
      </p>
    </div>
  );
}
