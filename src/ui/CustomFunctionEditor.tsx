/**
 * The custom target's editor (issue 13): the expression y = f(x0…x3) and a range per input it uses. Text is applied
 * on Enter or blur through the store's setCustomFunction, which checks it (src/core/targets/customFunction.ts:
 * whitelist, limits, finite on the ranges); a refusal shows in a role=alert line and nothing is stored.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { CUSTOM_MAX_INPUTS, cloneCustomFunction } from '../core/targets/customDefaults';
import { CUSTOM_FUNCTIONS, CUSTOM_FUNCTION_LIMITS } from '../core/targets/customFunction';
import { getConfigCpuPathCost } from '../core/npu/cpuCost';
import { resolveTarget } from '../core/targets/index';
import { useLabStore } from '../state/store';
import { useLanguage, useT } from './i18n';
import { formatMessage, type Message } from '../core/messages';

const FUNCTION_NAMES = [...CUSTOM_FUNCTIONS.keys()].join(', ');
const LIMITS = { last: CUSTOM_MAX_INPUTS - 1, functions: FUNCTION_NAMES, ...CUSTOM_FUNCTION_LIMITS };

export function CustomFunctionEditor() {
  const t = useT('controls');
  const customFunction = useLabStore((state) => state.config.customFunction);
  const setCustomFunction = useLabStore((state) => state.setCustomFunction);
  const [draft, setDraft] = useState(customFunction.expression);
  const language = useLanguage();
  /** The refusal on screen: the check's message (in the language on screen) or the editor's own words. */
  const [problem, setProblem] = useState<Message | string | null>(null);
  const error = problem === null ? null : typeof problem === 'string' ? problem : formatMessage(problem, language);
  useEffect(() => setDraft(customFunction.expression), [customFunction.expression]);
  const target = resolveTarget({ target: 'custom', customFunction });
  const cost = getConfigCpuPathCost({ target: 'custom', customFunction });

  const applyExpression = (text: string) => {
    if (text === customFunction.expression) {
      setProblem(null);
      return;
    }
    setProblem(setCustomFunction({ ...customFunction, expression: text }));
  };
  const applyRange = (index: number, end: 0 | 1, text: string) => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      setProblem(t('custom.rangeProblem', { index }));
      return;
    }
    if (value === customFunction.ranges[index][end]) return;
    const next = cloneCustomFunction(customFunction);
    next.ranges[index][end] = value;
    setProblem(setCustomFunction(next));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') applyExpression(event.currentTarget.value);
    if (event.key === 'Escape') {
      setDraft(customFunction.expression);
      setProblem(null);
    }
  };

  return (
    <fieldset className="custom-function" data-testid="custom-function">
      <legend>{t('custom.legend')}</legend>
      <label className="field" title={t('custom.allowed', LIMITS)}>
        <span className="field-label">y = f(x0…x{CUSTOM_MAX_INPUTS - 1})</span>
        <input
          type="text"
          data-testid="custom-fn-input"
          spellCheck={false}
          autoComplete="off"
          value={draft}
          aria-invalid={error !== null}
          aria-describedby="custom-fn-help"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={(event) => applyExpression(event.currentTarget.value)}
        />
      </label>
      <p className="muted small" id="custom-fn-help">
        {t('custom.help', LIMITS)}
      </p>
      <details className="muted small">
        <summary>{t('custom.allowedSummary')}</summary>
        {t('custom.limits', LIMITS)}
      </details>
      <p role="alert" className="custom-fn-error" data-testid="custom-fn-error">
        {error ?? ''}
      </p>
      <div className="custom-ranges">
        {target.inputNames.map((name, index) => (
          <div className="field-grid" key={name} role="group" aria-label={t('custom.rangeOf', { name })}>
            {([0, 1] as const).map((end) => (
              <RangeField
                key={end}
                label={t(end === 0 ? 'custom.from' : 'custom.to', { name })}
                testId={`custom-range-${name}-${end === 0 ? 'lo' : 'hi'}`}
                value={customFunction.ranges[index][end]}
                commit={(text) => applyRange(index, end, text)}
              />
            ))}
          </div>
        ))}
      </div>
      <p className="muted small" data-testid="custom-fn-cost" title={cost.citation}>
        {t('custom.cost', { instructions: cost.instructions })}
      </p>
    </fieldset>
  );
}

function RangeField({ label, testId, value, commit }: { label: string; testId: string; value: number; commit: (text: string) => void }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="text"
        inputMode="decimal"
        data-testid={testId}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
        onBlur={(event) => commit(event.currentTarget.value)}
      />
    </label>
  );
}
