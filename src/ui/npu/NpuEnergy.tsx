/**
 * Energy of the animated inference by component (count × pJ per unit, each rate with its cited sources), a
 * Timeloop-style summary line, running totals, and the test-set averages with the energy-efficiency gain over
 * CPU-only execution (paper Fig. 10b compares such gains across methods).
 */
import { describeNpuHardware } from '../../core/approx/npuHardware';
import type { MethodId } from '../../core/config';
import { BASELINE_METHODS, METHODS, methodLabel } from '../../core/methods/registry';
import type { EnergyComponentId, NpuAggregate } from '../../core/npu';
import { useLabStore } from '../../state/store';
import { formatValue } from './timeline';
import type { NpuBaselineAggregate, NpuModel } from './useNpuModel';

export const COMPONENT_COLORS: Record<EnergyComponentId, string> = {
  mac: '#1e88e5',
  activation: '#43a047',
  activationLut: '#9ccc65',
  hadamard: '#fb8c00',
  weightBuffer: '#8e24aa',
  ioBuffers: '#00acc1',
  onChipMemory: '#6d4c41',
  bus: '#fdd835',
  dram: '#e53935',
  controller: '#546e7a',
  cpu: '#c62828',
};

/** pJ as plain text with two decimals (the test ids carry these numbers). */
export function formatPj(pj: number): string {
  return Number.isFinite(pj) ? pj.toFixed(2) : '—';
}

function formatGain(gain: number): string {
  return Number.isFinite(gain) ? gain.toFixed(2) : '—';
}

function AggregateRow({ method, aggregate }: { method: MethodId; aggregate: NpuAggregate }) {
  return (
    <tr data-testid={`npu-aggregate-${method}`}>
      <th scope="row">{METHODS[method].label}</th>
      <td>{(aggregate.invocation * 100).toFixed(1)}%</td>
      <td>{formatPj(aggregate.averageEnergyPj)}</td>
      <td>{aggregate.averageCycles.toFixed(1)}</td>
      <td>
        <strong data-testid={`npu-gain-${method}`}>{formatGain(aggregate.energyGain)}</strong>×
      </td>
      <td>{formatGain(aggregate.speedup)}×</td>
    </tr>
  );
}

/**
 * Test-set table of every method with an NPU cost (paper Fig. 10b): AXNet (when there is one) and the onepass /
 * iterative networks trained in compare mode, each with its own predictor's decisions on the same test set.
 */
export function NpuGainTable({ axnet, baselines, samples }: { axnet: NpuAggregate | null; baselines: readonly NpuBaselineAggregate[]; samples: number }) {
  return (
    <>
      <h3>Test set ({samples} samples)</h3>
      <table className="npu-table" data-testid="npu-gain-table">
        <thead>
          <tr>
            <th scope="col">method</th>
            <th scope="col" title="fraction of test inputs the method's predictor / classifier sends to the approximator">
              invocation
            </th>
            <th scope="col">pJ / inference</th>
            <th scope="col">cycles</th>
            <th scope="col">energy gain vs CPU</th>
            <th scope="col">speedup</th>
          </tr>
        </thead>
        <tbody>
          {axnet ? <AggregateRow method="axnet" aggregate={axnet} /> : null}
          {baselines.map((b) => (
            <AggregateRow key={b.id} method={b.id} aggregate={b.aggregate} />
          ))}
        </tbody>
      </table>
      <p className="small npu-fig10b" data-testid="npu-fig10b">
        Fig. 10b compares these gains: the NPU cost of AXNet is almost that of onepass, except the ⊙c unit (approximation-subnet multiply) in each PE, so the method whose predictor
        invokes the approximator more often spends less energy per call — higher invocation, higher energy efficiency.{' '}
        {baselines.length === 0
          ? `Tick ${BASELINE_METHODS.map(methodLabel).join(' and ')} next to AXNet (compare mode) and train them to add their rows.`
          : 'Baselines: classifier, then the approximator (no ⊙c); the same test inputs and CPU-path estimate.'}
      </p>
    </>
  );
}

export function NpuEnergy({ model }: { model: NpuModel }) {
  const tally = useLabStore((s) => s.npuTally);
  const params = useLabStore((s) => s.npuParams);
  const { schedule, aggregate } = model;
  const components = schedule.energy.components;
  const total = schedule.energy.totalPj;

  return (
    <div className="npu-card npu-energy">
      <h3>Energy of this inference</h3>
      <div className="npu-stack" role="img" aria-label="Energy by component, stacked" data-testid="npu-energy-bar">
        {components
          .filter((c) => c.pj > 0)
          .map((c) => (
            <span key={c.id} style={{ width: `${(100 * c.pj) / total}%`, background: COMPONENT_COLORS[c.id] }} title={`${c.label}: ${formatPj(c.pj)} pJ`} />
          ))}
      </div>
      <table className="npu-table">
        <thead>
          <tr>
            <th scope="col">component</th>
            <th scope="col">count × pJ/unit</th>
            <th scope="col" className="num">
              pJ
            </th>
          </tr>
        </thead>
        <tbody>
          {components.map((c) => (
            <tr key={c.id} className={c.pj === 0 ? 'zero' : undefined}>
              <th scope="row">
                <span className="swatch" style={{ background: COMPONENT_COLORS[c.id] }} />
                {c.id === 'cpu' ? 'CPU path (estimate)' : c.label}
              </th>
              <td title={c.sources.map((s) => `${s.label}: ${s.value} ${s.unit}${s.edited ? ' (edited)' : ''} — ${s.citation}`).join('\n')} className="cite">
                {c.count} {c.unit} × {formatValue(c.pjPerUnit)} <span className="muted">({c.formula})</span>
              </td>
              <td className="num" data-testid={`npu-energy-${c.id}`}>
                {formatPj(c.pj)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">total</th>
            <td />
            <td className="num" data-testid="npu-energy-total">
              {formatPj(total)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="npu-summary" data-testid="npu-summary" title="cycles · energy per MAC · PE utilization · energy per inference (as Timeloop/Accelergy report them)">
        {schedule.summary}
      </p>
      {schedule.warnings.length > 0 ? (
        <ul className="npu-warnings">
          {schedule.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <p className="small" data-testid="npu-tally">
        Running totals: {tally.inferences} inference{tally.inferences === 1 ? '' : 's'} played to the end · {formatPj(tally.energyPj)} pJ · {tally.cycles} cycles · {tally.cpuCalls}{' '}
        on the CPU
      </p>

      <NpuGainTable axnet={aggregate} baselines={model.baselines} samples={aggregate.samples} />
      {params.hardware !== 'exact' ? (
        <p className="small" data-testid="npu-energy-hardware-note">
          Rates of {describeNpuHardware(params.hardware).label} (MAC / weight buffer above); invocation from the exact predictor. The Approximate hardware card below reweights by
          the predictor's decisions on that hardware.
        </p>
      ) : null}
      <p className="small">
        CPU-only (every call on the CPU, <em>estimate</em>): {formatPj(aggregate.cpuOnly.energyPj)} pJ and {aggregate.cpuOnly.cpuCycles} CPU cycles per call (
        {model.cpuCost.instructions} instructions — {model.cpuCost.citation}). Energy-efficiency gain of AXNet over CPU-only:{' '}
        <strong data-testid="npu-gain">{formatGain(aggregate.energyGain)}</strong>× (E<sub>CPU-only</sub> / E<sub>avg</sub>), speedup{' '}
        <span data-testid="npu-speedup">{formatGain(aggregate.speedup)}</span>×.
      </p>
      <p className="npu-caveat small" data-testid="npu-caveat">
        Caveat: this NPU model runs its five stages one after another, with no overlap of stages or transfers, at {formatValue(params.clockHz / 1e9)} GHz, while the CPU path runs
        at {formatValue(params.cpuClockHz / 1e9)} GHz; the CPU costs are estimates (instructions × pJ per instruction). Absolute numbers are indicative; the paper itself estimates
        its gains from the MICRO 2012 NPU.
      </p>
    </div>
  );
}
