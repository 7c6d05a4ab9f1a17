/**
 * The AxTrain progress line in the interface's language: the same reading as describeMethodProgress
 * (src/state/axtrainSlice.ts: epoch to 0.1, then diverged / scored), and the worker's phase names (src/ml/axtrain)
 * put into the catalog's words; a phase the catalog does not know is shown as the worker wrote it.
 */
import type { AxtrainConfig, ClassificationDatasetId } from '../../core/axtrain/config';
import { CLASSIFICATION_DATASETS } from '../../core/axtrain/datasets';
import type { AxtrainMethodSnapshot } from '../../core/axtrain/run';
import { countMethodEpochs } from '../../state/axtrainSlice';
import { useT } from '../i18n';

type AxtrainT = ReturnType<typeof useT<'axtrain'>>;

export function describeAxtrainPhase(phase: string, t: AxtrainT): string {
  if (phase === 'done') return t('phase.done');
  if (phase === 'scored on every hardware setting') return t('phase.scored');
  const scoring = /^scoring on every hardware setting \((\d+) \/ (\d+)\)$/.exec(phase);
  if (scoring) return t('phase.scoring', { done: scoring[1], total: scoring[2] });
  return phase;
}

export function useDescribeProgress(): (snapshot: AxtrainMethodSnapshot, config: Pick<AxtrainConfig, 'epochs' | 'pasEpochs'>) => string {
  const t = useT('axtrain');
  return (snapshot, config) => {
    const epochs = countMethodEpochs(snapshot.method, config);
    if (snapshot.totalSteps === 0) return t('status.epochOf', { epoch: '0', epochs });
    const epoch = Math.round((snapshot.step * epochs * 10) / snapshot.totalSteps) / 10; // to 0.1 epoch
    const shown = Number.isInteger(epoch) ? String(epoch) : epoch.toFixed(1);
    const end = snapshot.diverged ? ` · ${t('status.divergedAt', { step: snapshot.diverged.atStep })}` : snapshot.hardware ? ` · ${t('status.hardwareScored')}` : '';
    return `${t('status.epochOf', { epoch: shown, epochs })}${end}`;
  };
}

/** The worker's line on the data (src/ml/axtrain/data.ts), in the catalog's words; another line is shown as written. */
export function describeAxtrainData(description: string, t: AxtrainT): string {
  const rows = /^(.*): (\d+) train \/ (\d+) test rows \(stratified\)$/.exec(description);
  const id = Object.keys(CLASSIFICATION_DATASETS).find((key) => CLASSIFICATION_DATASETS[key as ClassificationDatasetId].title === rows?.[1]) as ClassificationDatasetId | undefined;
  if (rows && id) return t('status.dataRows', { title: t(`datasets.${id}.title`), train: rows[2], test: rows[3] });
  const draws = /^(\S+): (\d+) train \/ (\d+) test draws$/.exec(description);
  if (draws) return t('status.dataDraws', { dataset: draws[1], train: draws[2], test: draws[3] });
  return description;
}
