/**
 * Playback of one inference: play/pause, step by stage, step by cycle, restart, speed, and the five stages of
 * paper §IV with the current one highlighted. The requestAnimationFrame loop (useNpuPlayback) only moves the
 * cycle cursor; the views derive everything else from it.
 */
import { useEffect } from 'react';
import { NPU_SPEEDS } from '../../state/npuSlice';
import { useLabStore } from '../../state/store';
import { findNextPhaseStart, findPhase } from './timeline';
import type { NpuModel } from './useNpuModel';

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

const STAGE_SHORT: Record<number, string> = {
  1: 'fetch x, W · predictor',
  2: 'P(x), c → memory',
  3: 'controller reads P(x)',
  4: 'approximator (⊙c)',
  5: 'H(x) → memory',
};

export function NpuTransport({ model }: { model: NpuModel }) {
  const cycle = useLabStore((s) => s.npuCycle);
  const playing = useLabStore((s) => s.npuPlayback === 'playing');
  const speed = useLabStore((s) => s.npuSpeed);
  const setPlayback = useLabStore((s) => s.setNpuPlayback);
  const setSpeed = useLabStore((s) => s.setNpuSpeed);
  const { timeline, schedule } = model;
  const total = timeline.total;
  const phase = findPhase(timeline, cycle);
  const done = cycle >= total;
  const cpuPath = schedule.invoked === 'cpu';
  const decided = cycle >= schedule.stages[2].startCycle;
  const activeStage = phase ? phase.stage : null;

  const stageText = done
    ? cpuPath
      ? 'Done: the CPU computed f(x) exactly; stages 4–5 were skipped'
      : 'Done: all five stages complete, H(x) is in on-chip memory'
    : phase?.kind === 'cpu'
      ? 'Stage 3 → CPU: the controller invoked the CPU, which runs the exact function (estimate)'
      : phase
        ? `Stage ${phase.stage}: ${phase.name}`
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
        <button type="button" className="npu-btn primary" data-testid="npu-play" aria-label={playing ? 'Pause' : 'Play'} onClick={play}>
          {playing ? '❚❚ Pause' : done ? '↻ Replay' : '▶ Play'}
        </button>
        <button type="button" className="npu-btn" data-testid="npu-step-stage" onClick={stepStage} disabled={done} title="Jump to the start of the next stage">
          Next stage ▸
        </button>
        <button type="button" className="npu-btn" data-testid="npu-step-cycle" onClick={stepCycle} disabled={done} title="Advance one NPU cycle">
          +1 cycle
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
          Restart
        </button>
        <label className="npu-speed">
          speed{' '}
          <select data-testid="npu-speed" value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {NPU_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s} cycles/s
              </option>
            ))}
          </select>
        </label>
        <span className="npu-cycle" data-testid="npu-cycle">
          cycle {Math.min(total, Math.floor(cycle))} / {total}
        </span>
        <span className="npu-route-readout">
          controller route:{' '}
          <strong data-testid="npu-route" data-route={decided ? (cpuPath ? 'cpu' : 'approximator') : 'pending'} className={decided ? (cpuPath ? 'route-cpu' : 'route-approx') : ''}>
            {decided ? (cpuPath ? 'CPU' : 'approximator') : 'pending (stage 3)'}
          </strong>
        </span>
      </div>
      <ol className="npu-stages" aria-label="Stages of one inference">
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
              title={stage.name}
            >
              <span className="npu-stage-num">{stage.id}</span>
              <span className="npu-stage-name">{STAGE_SHORT[stage.id]}</span>
              <span className="npu-stage-cycles">{skipped ? 'skipped (CPU)' : `${stage.cycles} cycles`}</span>
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
