/**
 * The NPU view's hardware readout (issue 9 §5): AXNet's §V metrics on the test set on exact hardware and on the
 * selected one (params.hardware), from the float64 evaluation of src/core/approx/axnetOnHardware.ts. It runs as
 * cooperative steps on the main thread (src/core/cooperative.ts: slices of ~10 ms, the event loop between them),
 * as the NPU view computes its other aggregates here and has no worker; a newer selection cancels the older run.
 * The exact result is kept while only the hardware changes.
 */
import { useEffect, useRef, useState } from 'react';
import { evaluateAxnetOnHardwareSteps, type AxnetHardwareEvaluation, type HardwareEvaluationProgress, type HardwareTestSet } from '../../core/approx/axnetOnHardware';
import { NPU_NTV_RUNS, readNpuHardware, type NpuHardwareId } from '../../core/approx/npuHardware';
import { runCooperatively } from '../../core/cooperative';
import { useLabStore } from '../../state/store';
import type { NpuModel } from './useNpuModel';

export type NpuHardwareReadout =
  | { kind: 'computing'; hardware: NpuHardwareId; fraction: number; run: number; runs: number }
  | { kind: 'ready'; hardware: NpuHardwareId; exact: AxnetHardwareEvaluation; selected: AxnetHardwareEvaluation }
  | { kind: 'error'; hardware: NpuHardwareId; message: string };

interface ExactCache {
  weights: NpuModel['weights'];
  testX: Float32Array;
  errorBound: number;
  result: AxnetHardwareEvaluation;
}

export function useNpuHardware(model: NpuModel, hardware: NpuHardwareId): NpuHardwareReadout {
  const errorBound = useLabStore((s) => s.config.errorBound);
  const seed = useLabStore((s) => s.config.seed);
  const { weights, testX, testY, target } = model;
  const [readout, setReadout] = useState<NpuHardwareReadout>({ kind: 'computing', hardware, fraction: 0, run: 0, runs: 1 });
  const exactCache = useRef<ExactCache | null>(null);

  useEffect(() => {
    const signal = { aborted: false };
    const testSet: HardwareTestSet = { x: testX, y: testY, inputDim: target.inputDim, outputDim: target.outputDim };
    const base = { metric: target.errorMetric, errorBound, seed };
    const cached = exactCache.current;
    const cachedExact = cached && cached.weights === weights && cached.testX === testX && cached.errorBound === errorBound ? cached.result : null;
    function* evaluateBoth(): Generator<HardwareEvaluationProgress, { exact: AxnetHardwareEvaluation; selected: AxnetHardwareEvaluation }> {
      const exact = cachedExact ?? (yield* evaluateAxnetOnHardwareSteps(weights, testSet, { ...base, setting: { kind: 'exact' } }));
      exactCache.current = { weights, testX, errorBound, result: exact };
      const selected = hardware === 'exact' ? exact : yield* evaluateAxnetOnHardwareSteps(weights, testSet, { ...base, setting: readNpuHardware(hardware), runs: NPU_NTV_RUNS });
      return { exact, selected };
    }
    setReadout({ kind: 'computing', hardware, fraction: 0, run: 0, runs: 1 });
    let shownPercent = -1;
    runCooperatively(evaluateBoth(), {
      signal,
      onProgress: (progress) => {
        const percent = Math.floor(progress.fraction * 100);
        if (signal.aborted || percent === shownPercent) return;
        shownPercent = percent;
        setReadout({ kind: 'computing', hardware, fraction: progress.fraction, run: progress.run, runs: progress.runs });
      },
    }).then(
      (result) => {
        if (result && !signal.aborted) setReadout({ kind: 'ready', hardware, ...result });
      },
      (error: unknown) => {
        if (!signal.aborted) setReadout({ kind: 'error', hardware, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      signal.aborted = true;
    };
  }, [weights, testX, testY, target, errorBound, seed, hardware]);

  // Until the effect for a new selection has run, the last readout belongs to the previous one.
  return readout.hardware === hardware ? readout : { kind: 'computing', hardware, fraction: 0, run: 0, runs: 1 };
}
