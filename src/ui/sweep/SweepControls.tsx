/**
 * The sidebar's "Sweep" group: a switch for sweep mode, the swept setting (and layer, for widths), the
 * values (a list 0.01,0.02 or a range from:to:count[:log]) and the seeds per value. Every control writes
 * the store's sweep spec (and so the link); the plan line says how many variants that makes, or why not.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { CONFIG_LIMITS, type LabConfig } from '../../core/config';
import { joinProblems } from '../../core/link';
import { formatMessage, type Message } from '../../core/messages';
import {
  MAX_SWEEP_SEEDS,
  SWEEP_PARAMETERS,
  createDefaultSweep,
  formatSweepValuesText,
  parseSweepValuesText,
  planSweep,
  type SweepParameter,
  type SweepSpec,
} from '../../core/sweep';
import { useLabStore } from '../../state/store';
import { formatNumber, useLanguage, useT } from '../i18n';
import { methodLabelIn } from '../../core/methods/registry';
import './sweep.css';

/** Values a parameter starts with when the user picks it. */
function defaultValuesFor(parameter: SweepParameter, spec: SweepSpec, config: Readonly<LabConfig>): SweepSpec['values'] {
  const lr = config.learningRate;
  switch (parameter) {
    case 'errorBound':
      return createDefaultSweep(config).values;
    case 'learningRate':
      return { kind: 'range', from: Number((lr / 10).toPrecision(3)), to: Number(Math.min(1, lr * 10).toPrecision(3)), count: 8, scale: 'log' };
    case 'seed':
      return { kind: 'range', from: 1, to: 8, count: 8, scale: 'linear' };
    case 'approximatorWidth':
    case 'predictorWidth':
      return { kind: 'list', values: [2, 4, 8, 16] };
    default:
      return spec.values;
  }
}

/** The swept setting's name in the current language: "error bound", "approximator width (layer 2)" (core/sweep.ts's describeSweepParameter). */
export function useSweepParameterName(): (spec: Pick<SweepSpec, 'parameter' | 'layer'>) => string {
  const t = useT('sweep');
  return (spec) => {
    const label = t(`parameter.${spec.parameter}`);
    return spec.parameter === 'approximatorWidth' || spec.parameter === 'predictorWidth' ? t('parameterLayer', { label, layer: spec.layer + 1 }) : label;
  };
}

export function SweepControls() {
  const t = useT('controls');
  const tSweep = useT('sweep');
  const language = useLanguage();
  const sweep = useLabStore((state) => state.sweep);
  const config = useLabStore((state) => state.config);
  const setSweep = useLabStore((state) => state.setSweep);
  const [draft, setDraft] = useState(sweep ? formatSweepValuesText(sweep.values) : '');
  const [inputProblem, setInputProblem] = useState<Message | null>(null);
  useEffect(() => {
    if (sweep) setDraft(formatSweepValuesText(sweep.values));
    setInputProblem(null);
  }, [sweep]);

  const seedCount = sweep ? (sweep.seeds.kind === 'count' ? sweep.seeds.count : sweep.seeds.seeds.length) : 1;
  const planned = sweep ? planSweep(sweep, config) : null;
  const planProblems = planned ? joinProblems(planned.problems) : '';
  const isWidth = sweep?.parameter === 'approximatorWidth' || sweep?.parameter === 'predictorWidth';
  const layers = sweep?.parameter === 'predictorWidth' ? config.predictorHidden.length : config.approximatorHidden.length;

  const commitValues = (text: string) => {
    if (!sweep) return;
    const { values, problems } = parseSweepValuesText(text);
    setInputProblem(joinProblems(problems) || null);
    if (!values) return;
    setSweep({ ...sweep, values });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commitValues(event.currentTarget.value);
    if (event.key === 'Escape' && sweep) setDraft(formatSweepValuesText(sweep.values));
  };

  return (
    <section className="control-group sweep-controls" aria-labelledby="group-sweep" data-testid="sweep-controls">
      <h2 id="group-sweep">{t('sweep.title')}</h2>
      <label className="toggle">
        <input type="checkbox" data-testid="sweep-toggle" checked={sweep !== null} onChange={(event) => setSweep(event.target.checked ? createDefaultSweep(config) : null)} />
        <span>{t('sweep.toggle')}</span>
      </label>
      {sweep ? (
        <>
          <div className="field-grid">
            <label className="field">
              <span className="field-label">{t('sweep.setting')}</span>
              <select
                data-testid="sweep-parameter"
                value={sweep.parameter}
                onChange={(event) => {
                  const parameter = event.target.value as SweepParameter;
                  setSweep({
                    ...sweep,
                    parameter,
                    layer: 0,
                    values: defaultValuesFor(parameter, sweep, config),
                    seeds: parameter === 'seed' ? { kind: 'count', count: 1 } : sweep.seeds,
                  });
                }}
              >
                {SWEEP_PARAMETERS.map((p) => (
                  <option key={p} value={p}>
                    {tSweep(`parameter.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            {isWidth ? (
              <label className="field">
                <span className="field-label">{t('sweep.hiddenLayer')}</span>
                <select data-testid="sweep-layer" value={sweep.layer} onChange={(event) => setSweep({ ...sweep, layer: Number(event.target.value) })}>
                  {Array.from({ length: Math.max(layers, sweep.layer + 1) }, (_, k) => (
                    <option key={k} value={k}>
                      {t('sweep.layer', { layer: k + 1 })}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <label className="field" title={t('sweep.seedsTitle')}>
                <span className="field-label">{t('sweep.seedsPerValue')}</span>
                <input
                  type="number"
                  data-testid="sweep-seeds"
                  min={1}
                  max={MAX_SWEEP_SEEDS}
                  step={1}
                  value={seedCount}
                  disabled={sweep.parameter === 'seed'}
                  onChange={(event) => {
                    const n = Math.round(Number(event.target.value));
                    if (Number.isFinite(n) && n >= 1) setSweep({ ...sweep, seeds: { kind: 'count', count: Math.min(MAX_SWEEP_SEEDS, n) } });
                  }}
                />
              </label>
            )}
          </div>
          <label className="field" title={t('sweep.valuesTitle')}>
            <span className="field-label">{t('sweep.values')}</span>
            <input
              type="text"
              data-testid="sweep-values"
              value={draft}
              spellCheck={false}
              onChange={(event) => setDraft(event.target.value)}
              onBlur={(event) => commitValues(event.target.value)}
              onKeyDown={onKeyDown}
            />
          </label>
          {isWidth ? (
            <label className="field">
              <span className="field-label">{t('sweep.seedsPerValue')}</span>
              <input
                type="number"
                data-testid="sweep-seeds"
                min={1}
                max={MAX_SWEEP_SEEDS}
                step={1}
                value={seedCount}
                onChange={(event) => {
                  const n = Math.round(Number(event.target.value));
                  if (Number.isFinite(n) && n >= 1) setSweep({ ...sweep, seeds: { kind: 'count', count: Math.min(MAX_SWEEP_SEEDS, n) } });
                }}
              />
            </label>
          ) : null}
          {inputProblem ? (
            <p className="sweep-problem" role="alert">
              {formatMessage(inputProblem, language)}
            </p>
          ) : null}
          <p className={planned?.plan ? 'sweep-plan muted small' : 'sweep-plan sweep-problem'} data-testid="sweep-plan" data-variants={planned?.plan?.variants.length ?? 0}>
            {planned?.plan
              ? `${t('sweep.plan', {
                  values: planned.plan.values.length === 1 ? t('sweep.valueOne') : t('sweep.valueMany', { n: planned.plan.values.length }),
                  seeds: planned.plan.seeds.length === 1 ? t('sweep.seedOne') : t('sweep.seedMany', { n: planned.plan.seeds.length }),
                  variants: planned.plan.variants.length,
                  method: methodLabelIn(planned.plan.method, language),
                  steps: formatNumber(config.steps, language),
                  parameter: tSweep(`parameter.${sweep.parameter}`),
                })}${planned.notes.length ? ` ${planned.notes.map((note) => formatMessage(note, language)).join(' ')}` : ''}`
              : planProblems && formatMessage(planProblems, language)}
          </p>
          <p className="muted small">{t('sweep.widths', { min: CONFIG_LIMITS.hiddenWidth.min, max: CONFIG_LIMITS.hiddenWidth.max })}</p>
        </>
      ) : null}
    </section>
  );
}
