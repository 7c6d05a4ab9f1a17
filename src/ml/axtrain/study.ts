/**
 * Trains one unit of the AxTrain study (src/core/axtrain/study.ts): bp, act, pas per NTV setting from scratch, and
 * AxTrain = the act net fine-tuned with a pas stage for each claim setting (one act run shared by all of them).
 */
import type { AxtrainMethodId } from '../../core/axtrain/config';
import { configureStudyTraining, type AxtrainStudyRow, type AxtrainStudyUnit } from '../../core/axtrain/study';
import type { HardwareSetting } from '../../core/axtrain/report';
import type { DenseLayerWeights } from '../../core/weights';
import { loadAxtrainData } from './data';
import { evaluateOnHardware } from './evaluate';
import { createAxtrainTrainer, trainAxtrainToCompletion, type AxtrainTrainerOptions } from './trainer';

export async function runAxtrainStudyUnit(
  unit: AxtrainStudyUnit,
  log: (line: string) => void = () => {},
  /** After each epoch of a training (a worker's heartbeat). */
  onChunk?: (chunkMs: number, step: number) => void,
): Promise<AxtrainStudyRow[]> {
  const data = await loadAxtrainData(unit.config);
  const rows: AxtrainStudyRow[] = [];
  let actNet: DenseLayerWeights[] | null = null;
  let actSteps = 0;
  const trainOne = async (method: AxtrainMethodId, setting: HardwareSetting | null, options: AxtrainTrainerOptions = {}) => {
    const config = configureStudyTraining(unit, method, setting);
    const trainer = createAxtrainTrainer(config, method === 'actpas' ? 'pas' : method, data, options);
    try {
      const points = await trainAxtrainToCompletion(trainer, Math.max(1, trainer.totalSteps / trainer.epochSteps), onChunk);
      if (trainer.diverged) log(`${unit.key} ${method}: ${trainer.diverged.message}`);
      if (method === 'act') {
        actNet = await trainer.readNet();
        actSteps = trainer.step;
      }
      const hardware = await evaluateOnHardware(trainer);
      rows.push({ dataset: unit.dataset, seed: unit.seed, method, trainedFor: setting, final: points.at(-1)!, hardware, trainingMs: Math.round(trainer.trainingMs) });
      log(`${unit.key} ${method}${setting ? ` for ${JSON.stringify(setting)}` : ''}: acc ${points.at(-1)!.testAccuracy.toFixed(4)} in ${(trainer.trainingMs / 1000).toFixed(1)} s`);
    } finally {
      trainer.dispose();
    }
  };
  await trainOne('bp', null);
  await trainOne('act', null);
  for (const setting of unit.pasSettings) await trainOne('pas', setting);
  for (const setting of unit.actpasSettings) {
    // AxTrain = act, then pas for pasEpochs from the act net (the trainer's actpas stages, sharing one act run).
    await trainOne('actpas', setting, { initialNet: actNet!, stages: [{ method: 'pas', epochs: unit.config.pasEpochs }], startStep: actSteps });
  }
  return rows;
}
