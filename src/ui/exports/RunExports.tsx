/**
 * The run's files for the Export menu of the Invocation panel: CSV and JSON of the run (src/core/runExport.ts), the
 * trained AXNet's weights as JSON and as a tfjs LayersModel (src/ml/export/layersModel.ts, loaded on demand: tf is
 * not in the page's first chunks), and the "Reproduce this" block: the share link and the `axlab train` command.
 */
import { buildRunJson, buildWeightsJson, formatReproduceCommand, renderRunCsv, runFileStem, type RunExportInput } from '../../core/runExport';
import { useLabStore } from '../../state/store';
import { getShareHash, getShareUrl } from '../../state/urlSync';
import { downloadBlob, downloadText } from './download';
import { useT } from '../i18n';
import { panels } from '../i18n/locales/panels';
import type { ExportAction } from './ExportMenu';

/** The labels of the run's exports in one language (panels.exports); English by default. */
type RunExportTexts = Pick<typeof panels.en.exports, 'runCsv' | 'runJson' | 'weightsJson' | 'tfjsModel' | 'trainFirst'>;

function readRun(): RunExportInput {
  const state = useLabStore.getState();
  return { config: state.config, hash: getShareHash(), backend: state.backend, evaluations: state.history, step: state.step };
}

/** The actions of the run's export menu; `hasWeights`: a trained AXNet was sent (pause or done). */
export function buildRunExportActions(
  stem: string,
  hasWeights: boolean,
  hasHistory: boolean,
  texts: { readonly [K in keyof RunExportTexts]: string } = panels.en.exports,
): ExportAction[] {
  return [
    { label: texts.runCsv, testId: 'export-run-csv', disabled: !hasHistory, run: () => downloadText(`${stem}-run.csv`, renderRunCsv(readRun()), 'text/csv') },
    {
      label: texts.runJson,
      testId: 'export-run-json',
      disabled: !hasHistory,
      run: () => downloadText(`${stem}-run.json`, `${JSON.stringify(buildRunJson(readRun()), null, 2)}\n`, 'application/json'),
    },
    {
      label: texts.weightsJson,
      testId: 'export-weights-json',
      disabled: !hasWeights,
      run: () => {
        const { weights, weightsStep } = useLabStore.getState();
        if (!weights) throw new Error(texts.trainFirst);
        downloadText(`${stem}-weights.json`, `${JSON.stringify(buildWeightsJson(weights, getShareHash(), weightsStep))}\n`, 'application/json');
      },
    },
    {
      label: texts.tfjsModel,
      testId: 'export-weights-tfjs',
      disabled: !hasWeights,
      run: async () => {
        const { weights } = useLabStore.getState();
        if (!weights) throw new Error(texts.trainFirst);
        const { exportAxnetLayersModelInPage } = await import('../../ml/export/layersModel');
        const binName = `${stem}-weights.bin`;
        const files = await exportAxnetLayersModelInPage(weights, binName);
        downloadText(`${stem}-model.json`, files.modelJson, 'application/json');
        downloadBlob(binName, new Blob([files.weightsBin], { type: 'application/octet-stream' }));
      },
    },
  ];
}

/** The file-name stem of the current run. */
export function useRunStem(): string {
  const target = useLabStore((state) => state.config.target);
  const seed = useLabStore((state) => state.config.seed);
  const step = useLabStore((state) => state.step);
  return runFileStem({ target, seed }, step);
}

export function ReproduceBlock() {
  const t = useT('panels');
  // Re-render with the config and backend (the link and command are read from the store then).
  useLabStore((state) => state.config);
  const backend = useLabStore((state) => state.backend);
  const url = getShareUrl();
  const command = formatReproduceCommand(getShareHash(), backend);
  return (
    <div className="reproduce" data-testid="reproduce">
      <h3 className="reproduce-title">{t('exports.reproduce')}</h3>
      <label className="field">
        <span className="field-label">{t('exports.link')}</span>
        <input type="text" readOnly value={url} data-testid="reproduce-link" onFocus={(event) => event.currentTarget.select()} />
      </label>
      <label className="field">
        <span className="field-label">{t('exports.command')}</span>
        <input type="text" readOnly value={command} data-testid="reproduce-command" onFocus={(event) => event.currentTarget.select()} />
      </label>
    </div>
  );
}
