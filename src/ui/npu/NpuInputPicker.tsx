/**
 * Which input the NPU runs: an index into the test set (with the predictor's decision per sample, so an
 * unsafe one is easy to find), or a point clicked on the Bessel surface.
 */
import { useMemo } from 'react';
import { computeAxnetForward } from '../../core/axnetMath';
import { useLabStore } from '../../state/store';
import { formatValue } from './timeline';
import type { NpuModel } from './useNpuModel';

/** Next index after `from` (wrapping) whose decision is `safe`, or null when none. */
export function findNextSample(safe: Uint8Array, from: number, wantSafe: boolean): number | null {
  const n = safe.length;
  for (let k = 1; k <= n; k++) {
    const index = (from + k) % n;
    if (Boolean(safe[index]) === wantSafe) return index;
  }
  return null;
}

export function NpuInputPicker({ model }: { model: NpuModel }) {
  const selectSample = useLabStore((s) => s.selectNpuSample);
  const pickPoint = useLabStore((s) => s.pickNpuPoint);
  const { target, decisions, sampleIndex, input, testSize } = model;
  const current = sampleIndex ?? 0;
  const forward = useMemo(() => computeAxnetForward(model.weights, input), [model.weights, input]);
  const safe = forward.logits[1] > forward.logits[0];
  const nextUnsafe = findNextSample(decisions.safe, current, false);
  const nextSafe = findNextSample(decisions.safe, current, true);
  const exact = model.exact;
  const error = Math.max(...exact.map((y, i) => Math.abs(forward.output[i] - y)));

  return (
    <div className="npu-card npu-input">
      <h3>Input</h3>
      <div className="npu-picker">
        <label>
          test sample{' '}
          <input
            type="number"
            data-testid="npu-sample"
            min={0}
            max={testSize - 1}
            step={1}
            value={current}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isFinite(value)) selectSample(Math.min(testSize - 1, Math.max(0, Math.round(value))));
            }}
          />
        </label>
        <span className="muted small">of {testSize}</span>
        <button type="button" className="npu-btn small" onClick={() => selectSample((current - 1 + testSize) % testSize)} aria-label="Previous sample">
          ‹
        </button>
        <button type="button" className="npu-btn small" onClick={() => selectSample((current + 1) % testSize)} aria-label="Next sample">
          ›
        </button>
        <button
          type="button"
          className="npu-btn small"
          data-testid="npu-next-unsafe"
          disabled={nextUnsafe === null}
          onClick={() => nextUnsafe !== null && selectSample(nextUnsafe)}
        >
          next unsafe
        </button>
        <button type="button" className="npu-btn small" data-testid="npu-next-safe" disabled={nextSafe === null} onClick={() => nextSafe !== null && selectSample(nextSafe)}>
          next safe
        </button>
      </div>
      {sampleIndex === null ? (
        <p className="small">
          Point picked on the surface.{' '}
          <button type="button" className="npu-btn small" onClick={() => pickPoint(null)}>
            back to test sample {current}
          </button>
        </p>
      ) : null}
      <dl className="npu-readout">
        <dt>x</dt>
        <dd data-testid="npu-input">
          {input
            .slice(0, 8)
            .map((value, i) => `${target.inputNames[i] ?? `x${i + 1}`} = ${formatValue(value)}`)
            .join(', ')}
          {input.length > 8 ? ` … (${input.length} inputs)` : ''}
        </dd>
        <dt>P(x)</dt>
        <dd>
          P(safe) = <span data-testid="npu-px">{forward.safeProbability.toFixed(4)}</span> →{' '}
          <strong data-testid="npu-decision" className={safe ? 'route-approx' : 'route-cpu'}>
            {safe ? 'safe: approximator' : 'unsafe: CPU'}
          </strong>
        </dd>
        <dt>exact f(x)</dt>
        <dd>
          {exact.slice(0, 4).map(formatValue).join(', ')}
          {exact.length > 4 ? ' …' : ''}
        </dd>
        <dt>H(x)</dt>
        <dd>
          {Array.from(forward.output.slice(0, 4), formatValue).join(', ')}
          {forward.output.length > 4 ? ' …' : ''} <span className="muted">(|error| {formatValue(error)})</span>
        </dd>
      </dl>
      <p className="muted small">
        Predicted unsafe: <span data-testid="npu-unsafe-count">{decisions.unsafeCount}</span> of {testSize} test samples.
        {target.inputDim === 2 ? ' Or click a point on the Bessel surface maps above to run it here.' : ''}
      </p>
    </div>
  );
}
