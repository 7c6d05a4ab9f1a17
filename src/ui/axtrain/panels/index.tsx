/**
 * PLACEHOLDER for the AxTrain figure panels (Figs. 1, 4, 6, 7, 9, the DRUM explorer, the training curves), which
 * another branch builds in this folder and which replace this file. It keeps the props the view passes: the
 * config the results were trained with, one snapshot per method, and whether the run trains now.
 */
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig } from '../../../core/axtrain/config';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';

export interface AxtrainPanelsProps {
  config: AxtrainConfig;
  snapshots: AxtrainMethodSnapshot[];
  running: boolean;
}

export function AxtrainPanels({ config, snapshots, running }: AxtrainPanelsProps) {
  return (
    <section className="panel" aria-labelledby="axtrain-panels-title" data-testid="axtrain-panels" data-running={running ? 'true' : 'false'}>
      <h2 id="axtrain-panels-title">Results on {config.dataset}</h2>
      <ul>
        {snapshots.map((snapshot) => {
          const last = snapshot.points.at(-1);
          return (
            <li key={snapshot.method} data-testid={`axtrain-result-${snapshot.method}`}>
              {AXTRAIN_METHOD_LABELS[snapshot.method]}: {last ? `test accuracy ${(100 * last.testAccuracy).toFixed(1)} % at epoch ${last.epoch.toFixed(0)}` : 'not evaluated yet'}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
