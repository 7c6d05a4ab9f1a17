/**
 * Energy of the animated inference by component (count × pJ per unit, each rate with its cited sources), a
 * Timeloop-style summary line, running totals, and the test-set averages with the energy-efficiency gain over
 * CPU-only execution (paper Fig. 10b compares such gains across methods).
 */
import { Trans } from 'react-i18next';
import { describeNpuHardware, type NpuHardwareId } from '../../core/approx/npuHardware';
import type { MethodId } from '../../core/config';
import { BASELINE_METHODS, METHODS, methodLabel } from '../../core/methods/registry';
import type { EnergyComponent, EnergyComponentId, NpuAggregate } from '../../core/npu';
import { useT } from '../i18n';
import { npu as npuTexts } from '../i18n/locales/npu';
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

/** A number as the schedule's summary writes it (fixed digits, "—" when not finite). */
function formatFixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/**
 * An energy component's name and unit in the current language, by id (the catalog has src/core/npu/energy.ts's
 * English names); the DRUM-k MAC and the NTV weight buffer carry their setting.
 */
export function useComponentText(): { label: (component: EnergyComponent, hardware: NpuHardwareId) => string; unit: (unit: string) => string } {
  const t = useT('npu');
  return {
    label: (component, hardware) => {
      const setting = describeNpuHardware(hardware).setting;
      if (component.id === 'mac' && setting.kind === 'drum') return t('component.macDrum', { k: setting.k });
      if (component.id === 'weightBuffer' && setting.kind === 'ntv') return t('component.weightBufferNtv', { mv: setting.voltageMv });
      return t(`component.${component.id}`);
    },
    unit: (unit) => (unit in npuTexts.en.unit ? t(`unit.${unit as keyof typeof npuTexts.en.unit}`) : unit),
  };
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
  const t = useT('npu');
  return (
    <>
      <h3>{t('energy.testSet', { n: samples })}</h3>
      <table className="npu-table" data-testid="npu-gain-table">
        <thead>
          <tr>
            <th scope="col">{t('energy.method')}</th>
            <th scope="col" title={t('energy.invocationTitle')}>
              {t('energy.invocation')}
            </th>
            <th scope="col">{t('energy.pjPerInference')}</th>
            <th scope="col">{t('energy.cycles')}</th>
            <th scope="col">{t('energy.gain')}</th>
            <th scope="col">{t('energy.speedup')}</th>
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
        {t('energy.fig10b')} {baselines.length === 0 ? t('energy.tickBaselines', { methods: BASELINE_METHODS.map(methodLabel).join(t('energy.and')) }) : t('energy.baselines')}
      </p>
    </>
  );
}

export function NpuEnergy({ model }: { model: NpuModel }) {
  const t = useT('npu');
  const componentText = useComponentText();
  const tally = useLabStore((s) => s.npuTally);
  const params = useLabStore((s) => s.npuParams);
  const { schedule, aggregate } = model;
  const components = schedule.energy.components;
  const total = schedule.energy.totalPj;

  return (
    <div className="npu-card npu-energy">
      <h3>{t('energy.title')}</h3>
      <div className="npu-stack" role="img" aria-label={t('energy.bar')} data-testid="npu-energy-bar">
        {components
          .filter((c) => c.pj > 0)
          .map((c) => (
            <span
              key={c.id}
              style={{ width: `${(100 * c.pj) / total}%`, background: COMPONENT_COLORS[c.id] }}
              title={`${componentText.label(c, params.hardware)}: ${formatPj(c.pj)} pJ`}
            />
          ))}
      </div>
      <table className="npu-table">
        <thead>
          <tr>
            <th scope="col">{t('energy.component')}</th>
            <th scope="col">{t('energy.count')}</th>
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
                {c.id === 'cpu' ? t('energy.cpuPath') : componentText.label(c, params.hardware)}
              </th>
              <td title={c.sources.map((s) => `${s.label}: ${s.value} ${s.unit}${s.edited ? t('energy.edited') : ''} — ${s.citation}`).join('\n')} className="cite">
                {c.count} {componentText.unit(c.unit)} × {formatValue(c.pjPerUnit)}{' '}
                <span className="muted" lang="en">
                  ({c.formula})
                </span>
              </td>
              <td className="num" data-testid={`npu-energy-${c.id}`}>
                {formatPj(c.pj)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('energy.total')}</th>
            <td />
            <td className="num" data-testid="npu-energy-total">
              {formatPj(total)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="npu-summary" data-testid="npu-summary" title={t('energy.summaryTitle')}>
        {t('energy.summary', {
          cycles: schedule.cycles.total,
          pjPerMac: formatFixed(schedule.pjPerMac, 2),
          utilization: formatFixed(schedule.utilization * 100, 1),
          energy: formatFixed(schedule.energy.totalPj, 1),
        })}
      </p>
      {schedule.warnings.length > 0 ? (
        <ul className="npu-warnings">
          {schedule.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <p className="small" data-testid="npu-tally">
        {t(tally.inferences === 1 ? 'energy.tallyOne' : 'energy.tallyMany', { n: tally.inferences, pj: formatPj(tally.energyPj), cycles: tally.cycles, cpu: tally.cpuCalls })}
      </p>

      <NpuGainTable axnet={aggregate} baselines={model.baselines} samples={aggregate.samples} />
      {params.hardware !== 'exact' ? (
        <p className="small" data-testid="npu-energy-hardware-note">
          {t('energy.hardwareNote', { hardware: describeNpuHardware(params.hardware).label })}
        </p>
      ) : null}
      <p className="small">
        <Trans
          t={t}
          i18nKey="energy.cpuOnly"
          values={{ pj: formatPj(aggregate.cpuOnly.energyPj), cycles: aggregate.cpuOnly.cpuCycles, instructions: model.cpuCost.instructions, citation: model.cpuCost.citation }}
          components={{ em: <em />, cite: <span lang="en" /> }}
        />{' '}
        <strong data-testid="npu-gain">{formatGain(aggregate.energyGain)}</strong>× <Trans t={t} i18nKey="energy.cpuOnlyRatio" components={{ sub: <sub /> }} />{' '}
        <span data-testid="npu-speedup">{formatGain(aggregate.speedup)}</span>×.
      </p>
      <p className="npu-caveat small" data-testid="npu-caveat">
        {t('energy.caveat', { npuGhz: formatValue(params.clockHz / 1e9), cpuGhz: formatValue(params.cpuClockHz / 1e9) })}
      </p>
    </div>
  );
}
