/**
 * Playback of one inference: play/pause, step by stage, step by cycle, restart, speed, and the five stages of
 * paper §IV with the current one highlighted. The requestAnimationFrame loop (useNpuPlayback) only moves the
 * cycle cursor; the views derive everything else from it.
 */
import { useEffect } from 'react';
import { NPU_SPEEDS } from '../../state/npuSlice';
import { useLabStore } from '../../state/store';
import { findNextPhaseStart, findPhase } from './timeline';
import type { ControlPlacement } from '../../core/config';
import type { NpuStageId } from '../../core/npu';
import type { NpuModel } from './useNpuModel';
import { useT } from '../i18n';

/** Moves the cursor to `cycle` (clamped); reaching the end adds the inference to the running totals. */
export function advanceNpuCycle(model: NpuModel, cycle: number): void {
  const store = useLabStore.getState();
  const total = model.timeline.total;
  const next = Math.min(total, Math.max(0, cycle));
  const before = store.npuCycle;
  store.setNpuCycle(next);
  if (before < total && next >= total) store.recordNpuInference(model.schedule.energy.totalPj, total, model.schedule.invoked === 'cpu');
}

/** Runs the animation while the slice says 'playing': cycles advance by speed × elapsed time. */
export function useNpuPlayback(model: NpuModel | null): void {
  const playing = useLabStore((s) => s.npuPlayback === 'playing');
  useEffect(() => {
    if (!model) return;
    // Keep the cursor inside the inference when the schedule changes (new weights or params).
    const store = useLabStore.getState();
    if (store.npuCycle > model.timeline.total) store.setNpuCycle(model.timeline.total);
  }, [model]);
  useEffect(() => {
    if (!playing || !model) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const store = useLabStore.getState();
      const dt = Math.min(0.1, Math.max(0, (now - last) / 1000));
      last = now;
      const next = store.npuCycle + dt * store.npuSpeed;
      if (next >= model.timeline.total) {
        advanceNpuCycle(model, model.timeline.total);
        store.setNpuPlayback('paused');
        return;
      }
      store.setNpuCycle(next);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, model]);
}

/** The stage's name in the current language (the catalog names stages 1–5 as src/core/npu/schedule.ts does). */
export function useStageName(): (stage: NpuStageId, controlPlacement: ControlPlacement | undefined) => string {
  const t = useT('npu');
  return (stage, controlPlacement) => (stage === 4 && controlPlacement === 'insideActivation' ? t('stageName.s4Inside') : t(`stageName.s${stage}`));
}

export function NpuTransport({ model }: { model: NpuModel }) {
  const cycle = useLabStore((s) => s.npuCycle);
  const playing = useLabStore((s) => s.npuPlayback === 'playing');
  const speed = useLabStore((s) => s.npuSpeed);
  const setPlayback = useLabStore((s) => s.setNpuPlayback);
  const setSpeed = useLabStore((s) => s.setNpuSpeed);
  const t = useT('npu');
  const stageName = useStageName();
  const placement = model.weights.controlPlacement;
  const { timeline, schedule } = model;
  const total = timeline.total;
  const phase = findPhase(timeline, cycle);
  const done = cycle >= total;
  const cpuPath = schedule.invoked === 'cpu';
  const decided = cycle >= schedule.stages[2].startCycle;
  const activeStage = phase ? phase.stage : null;

  const stageText = done
    ? cpuPath
      ? t('transport.doneCpu')
      : t('transport.doneApproximator')
    : phase?.kind === 'cpu'
      ? t('transport.cpuPhase')
      : phase
        ? t('transport.stageNow', { stage: phase.stage, name: stageName(phase.stage, placement) })
        : '';

  const play = () => {
    if (playing) setPlayback('paused');
    else {
      if (done) useLabStore.getState().setNpuCycle(0);
      setPlayback('playing');
    }
  };
  const stepStage = () => {
    setPlayback('paused');
    advanceNpuCycle(model, findNextPhaseStart(timeline, useLabStore.getState().npuCycle));
  };
  const stepCycle = () => {
    setPlayback('paused');
    advanceNpuCycle(model, Math.floor(useLabStore.getState().npuCycle) + 1);
  };

  return (
    <div className="npu-transport">
      <div className="npu-buttons">
        <button type="button" className="npu-btn primary" data-testid="npu-play" aria-label={playing ? t('transport.pause') : t('transport.play')} onClick={play}>
          {playing ? t('transport.pauseButton') : done ? t('transport.replayButton') : t('transport.playButton')}
        </button>
        <button type="button" className="npu-btn" data-testid="npu-step-stage" onClick={stepStage} disabled={done} title={t('transport.nextStageTitle')}>
          {t('transport.nextStage')}
        </button>
        <button type="button" className="npu-btn" data-testid="npu-step-cycle" onClick={stepCycle} disabled={done} title={t('transport.oneCycleTitle')}>
          {t('transport.oneCycle')}
        </button>
        <button
          type="button"
          className="npu-btn"
          data-testid="npu-restart"
          onClick={() => {
            setPlayback('paused');
            useLabStore.getState().setNpuCycle(0);
          }}
        >
          {t('transport.restart')}
        </button>
        <label className="npu-speed">
          {t('transport.speed')}{' '}
          <select data-testid="npu-speed" value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {NPU_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {t('transport.cyclesPerSecond', { speed: s })}
              </option>
            ))}
          </select>
        </label>
        <span className="npu-cycle" data-testid="npu-cycle">
          {t('transport.cycle', { cycle: Math.min(total, Math.floor(cycle)), total })}
        </span>
        <span className="npu-route-readout">
          {t('transport.route')}{' '}
          <strong data-testid="npu-route" data-route={decided ? (cpuPath ? 'cpu' : 'approximator') : 'pending'} className={decided ? (cpuPath ? 'route-cpu' : 'route-approx') : ''}>
            {decided ? (cpuPath ? 'CPU' : t('transport.routeApproximator')) : t('transport.routePending')}
          </strong>
        </span>
      </div>
      <ol className="npu-stages" aria-label={t('transport.stages')}>
        {schedule.stages.map((stage) => {
          const active = !done && activeStage === stage.id;
          const skipped = cpuPath && stage.id >= 4;
          return (
            <li
              key={stage.id}
              data-testid={`npu-stage-${stage.id}`}
              data-active={active ? 'true' : 'false'}
              data-skipped={skipped ? 'true' : 'false'}
              aria-current={active ? 'step' : undefined}
              className={`${active ? 'active' : ''}${skipped ? ' skipped' : ''}${!done && activeStage !== null && stage.id < activeStage ? ' past' : done && !skipped ? ' past' : ''}`}
              title={stageName(stage.id, placement)}
            >
              <span className="npu-stage-num">{stage.id}</span>
              <span className="npu-stage-name">{t(`stageShort.s${stage.id}`)}</span>
              <span className="npu-stage-cycles">{skipped ? t('transport.skipped') : t('transport.stageCycles', { cycles: stage.cycles })}</span>
            </li>
          );
        })}
      </ol>
      <p className="npu-stage-now" data-testid="npu-stage" aria-live="polite">
        {stageText}
      </p>
    </div>
  );
}
