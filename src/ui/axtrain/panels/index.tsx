/**
 * The AxTrain figure panels (issue 9 §4), laid out in a responsive grid: training curves, Fig. 1 (flat vs sharp
 * minimum), Fig. 4 (sensitivity maps), Fig. 6 (multiplier sweep), Fig. 7 (NTV), Fig. 9 (mode selection), the
 * paper's claims beside ours and the DRUM explorer. Pure presentation over the run's snapshots: the view that mounts
 * this (src/ui/axtrain) owns the worker and the store. A panel without its data yet says in one line what it waits
 * for; the DRUM explorer needs no run. The K1…K4 → k mapping is the one setting kept here (an interpretation, shared
 * by Fig. 6, the claims and the explorer).
 */
import { useDeferredValue, useState } from 'react';
import { DRUM_K_PRESETS, type DrumPresetId } from '../../../core/approx/drum';
import type { AxtrainConfig } from '../../../core/axtrain/config';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { ClaimsPanel } from './ClaimsPanel';
import { DrumExplorer } from './DrumExplorer';
import { LandscapePanel } from './LandscapePanel';
import { ModeSelectionPanel } from './ModeSelectionPanel';
import { MultiplierSweepPanel } from './MultiplierSweepPanel';
import { NtvPanel } from './NtvPanel';
import { SensitivityMapPanel } from './SensitivityMapPanel';
import { TrainingCurvesPanel } from './TrainingCurvesPanel';

export interface AxtrainPanelsProps {
  config: AxtrainConfig;
  snapshots: AxtrainMethodSnapshot[];
  running: boolean;
}

export function AxtrainPanels(props: AxtrainPanelsProps) {
  const [kMapping, setKMapping] = useState<Record<DrumPresetId, number>>({ ...DRUM_K_PRESETS });
  // The panels render the run at a deferred priority: React renders them in interruptible slices after the
  // progress line and the controls, so a snapshot that re-lays out every figure never blocks the thread.
  const config = useDeferredValue(props.config);
  const snapshots = useDeferredValue(props.snapshots);
  const running = useDeferredValue(props.running);
  return (
    <div className="axtrain-panels" data-testid="axtrain-panels" data-running={running} data-methods={snapshots.map((s) => s.method).join(',')}>
      <TrainingCurvesPanel config={config} snapshots={snapshots} running={running} />
      <LandscapePanel snapshots={snapshots} running={running} />
      <MultiplierSweepPanel config={config} snapshots={snapshots} running={running} kMapping={kMapping} onKMapping={setKMapping} />
      <SensitivityMapPanel config={config} snapshots={snapshots} running={running} />
      <NtvPanel config={config} snapshots={snapshots} running={running} />
      <ModeSelectionPanel config={config} snapshots={snapshots} running={running} />
      <ClaimsPanel config={config} snapshots={snapshots} running={running} kMapping={kMapping} />
      <DrumExplorer seed={config.seed} kMapping={kMapping} />
    </div>
  );
}
