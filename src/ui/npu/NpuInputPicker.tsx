/**
 * Which input the NPU runs: an index into the test set (with the predictor's decision per sample, so an
 * unsafe one is easy to find), or a point clicked on the Bessel surface.
 */
import { useMemo } from 'react';
import { Trans } from 'react-i18next';
import { computeAxnetForward } from '../../core/axnetMath';
import { useLabStore } from '../../state/store';
import { formatValue } from './timeline';
import type { NpuModel } from './useNpuModel';
import { useInputNameGloss } from '../panels/SurfacePanel';
import { useT } from '../i18n';

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
  const t = useT('npu');
  const gloss = useInputNameGloss();
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
      <h3>{t('input.title')}</h3>
      <div className="npu-picker">
        <label>
          {t('input.sample')}{' '}
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
        <span className="muted small">{t('input.of', { n: testSize })}</span>
        <button type="button" className="npu-btn small" onClick={() => selectSample((current - 1 + testSize) % testSize)} aria-label={t('input.previous')}>
          ‹
        </button>
        <button type="button" className="npu-btn small" onClick={() => selectSample((current + 1) % testSize)} aria-label={t('input.next')}>
          ›
        </button>
        <button
          type="button"
          className="npu-btn small"
          data-testid="npu-next-unsafe"
          disabled={nextUnsafe === null}
          onClick={() => nextUnsafe !== null && selectSample(nextUnsafe)}
        >
          {t('input.nextUnsafe')}
        </button>
        <button type="button" className="npu-btn small" data-testid="npu-next-safe" disabled={nextSafe === null} onClick={() => nextSafe !== null && selectSample(nextSafe)}>
          {t('input.nextSafe')}
        </button>
      </div>
      {sampleIndex === null ? (
        <p className="small">
          {t('input.picked')}{' '}
          <button type="button" className="npu-btn small" onClick={() => pickPoint(null)}>
            {t('input.back', { sample: current })}
          </button>
        </p>
      ) : null}
      <dl className="npu-readout">
        <dt>x</dt>
        <dd data-testid="npu-input">
          {input
            .slice(0, 8)
            .map((value, i) => `${target.inputNames[i] === undefined ? `x${i + 1}` : gloss(target.inputNames[i])} = ${formatValue(value)}`)
            .join(', ')}
          {input.length > 8 ? t('input.more', { n: input.length }) : ''}
        </dd>
        <dt>P(x)</dt>
        <dd>
          <Trans t={t} i18nKey="input.safeProbability" values={{ p: forward.safeProbability.toFixed(4) }} components={{ value: <span data-testid="npu-px" /> }} /> →{' '}
          <strong data-testid="npu-decision" className={safe ? 'route-approx' : 'route-cpu'}>
            {safe ? t('input.safe') : t('input.unsafe')}
          </strong>
        </dd>
        <dt>{t('input.exact')}</dt>
        <dd>
          {exact.slice(0, 4).map(formatValue).join(', ')}
          {exact.length > 4 ? ' …' : ''}
        </dd>
        <dt>H(x)</dt>
        <dd>
          {Array.from(forward.output.slice(0, 4), formatValue).join(', ')}
          {forward.output.length > 4 ? ' …' : ''} <span className="muted">{t('input.error', { error: formatValue(error) })}</span>
        </dd>
      </dl>
      <p className="muted small">
        <Trans t={t} i18nKey="input.unsafeCount" values={{ unsafe: decisions.unsafeCount, n: testSize }} components={{ count: <span data-testid="npu-unsafe-count" /> }} />
        {target.inputDim === 2 ? t('input.clickSurface') : ''}
      </p>
    </div>
  );
}
