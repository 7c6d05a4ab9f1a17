/**
 * The sidebar's "Sweep" group: a switch for sweep mode, the swept setting (and layer, for widths), the
 * values (a list 0.01,0.02 or a range from:to:count[:log]) and the seeds per value. Every control writes
 * the store's sweep spec (and so the link); the plan line says how many variants that makes, or why not.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { CONFIG_LIMITS, type LabConfig } from '../../core/config';
import {
  MAX_SWEEP_SEEDS,
  SWEEP_PARAMETERS,
  SWEEP_PARAMETER_LABELS,
  createDefaultSweep,
  formatSweepValuesText,
  parseSweepValuesText,
  planSweep,
  type SweepParameter,
  type SweepSpec,
} from '../../core/sweep';
import { useLabStore } from '../../state/store';
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

export function SweepControls() {
  const sweep = useLabStore((state) => state.sweep);
  const config = useLabStore((state) => state.config);
  const setSweep = useLabStore((state) => state.setSweep);
  const [draft, setDraft] = useState(sweep ? formatSweepValuesText(sweep.values) : '');
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  useEffect(() => {
    if (sweep) setDraft(formatSweepValuesText(sweep.values));
    setInputProblem(null);
  }, [sweep]);

  const seedCount = sweep ? (sweep.seeds.kind === 'count' ? sweep.seeds.count : sweep.seeds.seeds.length) : 1;
  const planned = sweep ? planSweep(sweep, config) : null;
  const isWidth = sweep?.parameter === 'approximatorWidth' || sweep?.parameter === 'predictorWidth';
  const layers = sweep?.parameter === 'predictorWidth' ? config.predictorHidden.length : config.approximatorHidden.length;

  const commitValues = (text: string) => {
    if (!sweep) return;
    const { values, problems } = parseSweepValuesText(text);
    if (!values) {
      setInputProblem(problems.join(' '));
      return;
    }
    setInputProblem(problems.length > 0 ? problems.join(' ') : null);
    setSweep({ ...sweep, values });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commitValues(event.currentTarget.value);
    if (event.key === 'Escape' && sweep) setDraft(formatSweepValuesText(sweep.values));
  };

  return (
    <section className="control-group sweep-controls" aria-labelledby="group-sweep" data-testid="sweep-controls">
      <h2 id="group-sweep">Sweep</h2>
      <label className="toggle">
        <input type="checkbox" data-testid="sweep-toggle" checked={sweep !== null} onChange={(event) => setSweep(event.target.checked ? createDefaultSweep(config) : null)} />
        <span>Sweep one setting: train every value at once (one model group)</span>
      </label>
      {sweep ? (
        <>
          <div className="field-grid">
            <label className="field">
              <span className="field-label">Setting</span>
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
                    {SWEEP_PARAMETER_LABELS[p]}
                  </option>
                ))}
              </select>
            </label>
            {isWidth ? (
              <label className="field">
                <span className="field-label">Hidden layer</span>
                <select data-testid="sweep-layer" value={sweep.layer} onChange={(event) => setSweep({ ...sweep, layer: Number(event.target.value) })}>
                  {Array.from({ length: Math.max(layers, sweep.layer + 1) }, (_, k) => (
                    <option key={k} value={k}>
                      layer {k + 1}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <label className="field" title="Every value trains with this many seeds (config seed, +1, …); the summary shows mean ± std">
                <span className="field-label">Seeds per value</span>
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
          <label className="field" title="A list like 0.01,0.02,0.05, or a range from:to:count (add :log for a geometric range)">
            <span className="field-label">Values (list a,b,c or range from:to:count[:log])</span>
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
              <span className="field-label">Seeds per value</span>
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
              {inputProblem}
            </p>
          ) : null}
          <p className={planned?.plan ? 'sweep-plan muted small' : 'sweep-plan sweep-problem'} data-testid="sweep-plan" data-variants={planned?.plan?.variants.length ?? 0}>
            {planned?.plan
              ? `${planned.plan.values.length} value${planned.plan.values.length === 1 ? '' : 's'} × ${planned.plan.seeds.length} seed${planned.plan.seeds.length === 1 ? '' : 's'} = ${planned.plan.variants.length} variants of ${planned.plan.method}, ${config.steps.toLocaleString('en-US')} steps each; the sweep sets each variant's ${SWEEP_PARAMETER_LABELS[sweep.parameter]}.${planned.notes.length ? ` ${planned.notes.join(' ')}` : ''}`
              : planned?.problems.join(' ')}
          </p>
          <p className="muted small">
            Widths: {CONFIG_LIMITS.hiddenWidth.min}–{CONFIG_LIMITS.hiddenWidth.max}. Press Play to train the sweep.
          </p>
        </>
      ) : null}
    </section>
  );
}
