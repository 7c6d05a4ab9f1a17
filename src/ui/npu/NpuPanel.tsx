/**
 * The NPU view (paper §IV, Fig. 5): the trained AXNet runs on the simulated NPU of src/core/npu, one inference
 * at a time, animated stage by stage; an energy panel breaks the inference down by component and averages over
 * the test set. Works for any target: the NPU model only needs the weights and an input.
 * In compare mode the axnet worker's network is simulated, and the onepass / iterative networks add their test-set
 * gains (Fig. 10b).
 */
import { useRef } from 'react';
import { getConfigCpuPathCost } from '../../core/npu';
import { useOnScreen } from '../useOnScreen';
import { useLabStore } from '../../state/store';
import { playRun } from '../../state/trainingController';
import { NpuConstants } from './NpuConstants';
import { NpuDiagram } from './NpuDiagram';
import { NpuEnergy, NpuGainTable } from './NpuEnergy';
import { NpuHardware } from './NpuHardware';
import { NpuInputPicker } from './NpuInputPicker';
import { NpuTransport, useNpuPlayback } from './NpuTransport';
import { PeDetail } from './PeDetail';
import { useNpuModel } from './useNpuModel';
import './npu.css';
import { ExportMenu, ExportScope } from '../exports/ExportMenu';
import { useRunStem } from '../exports/RunExports';
import { registerCatalog, useT } from '../i18n';
import { npu } from '../i18n/locales/npu';

// This view's texts in both languages: not part of the first paint (src/ui/i18n/locales/en.ts LazyNamespace).
registerCatalog('npu', npu);

export function NpuPanel() {
  return (
    <ExportScope>
      <NpuPanelBody />
    </ExportScope>
  );
}

function NpuPanelBody() {
  const t = useT('npu');
  const exportStem = useRunStem();
  const sectionRef = useRef<HTMLElement>(null);
  const result = useNpuModel(useOnScreen(sectionRef));
  const params = useLabStore((s) => s.npuParams);
  const status = useLabStore((s) => s.status);
  const step = useLabStore((s) => s.step);
  const targetId = useLabStore((s) => s.config.target);
  const customFunction = useLabStore((s) => s.config.customFunction);
  const methods = useLabStore((s) => s.config.methods);
  const compareMode = methods.length > 1;
  const hasAxnet = methods.includes('axnet');
  const training = status === 'running' || status === 'initializing';
  const model = result.kind === 'ready' ? result.model : null;
  useNpuPlayback(model);

  return (
    <section ref={sectionRef} className="panel npu-panel" data-testid="panel-npu" id="panel-npu" aria-labelledby="npu-title">
      <header className="panel-header">
        <div className="panel-title-row">
          <h2 id="npu-title">{t('title')}</h2>
          <ExportMenu stem={exportStem} testId="export-npu" />
        </div>
        <p className="panel-caption">{t('caption')}</p>
      </header>
      {result.kind === 'none' ? (
        <div className="placeholder npu-empty" data-testid="npu-empty">
          {compareMode && !hasAxnet ? (
            <p data-testid="npu-no-axnet">
              <strong>{t('noAxnetTitle')}</strong> {t('noAxnet')}
            </p>
          ) : (
            <p>
              <strong>{compareMode ? t('trainComparedFirst') : t('trainFirst')}</strong> {t('loadsWhen', { training: training ? t('trainingNow', { step }) : '' })}
            </p>
          )}
          {!training && (hasAxnet || result.baselines.length === 0) ? (
            <button type="button" className="npu-btn primary" data-testid="npu-train" onClick={() => playRun()}>
              ▶ {compareMode ? t('trainMethods') : t('trainAxnet')}
            </button>
          ) : null}
          {result.baselines.length > 0 ? <NpuGainTable axnet={null} baselines={result.baselines} samples={result.baselines[0].aggregate.samples} /> : null}
        </div>
      ) : result.kind === 'error' ? (
        <p className="placeholder" data-testid="npu-error">
          {t('cannotRun', { message: result.message })}
        </p>
      ) : model ? (
        <>
          <p className="muted small npu-weights-note" data-testid="npu-weights-step">
            {t('weightsFrom', { step: model.weightsStep })}
            {compareMode ? t('weightsCompare') : ''}
            {status === 'running' ? t('weightsTraining') : ''}
            {t('weightsNets', {
              target: model.target.id,
              approximator: [model.weights.approximator[0].fanIn, ...model.weights.approximator.map((l) => l.fanOut)].join('-'),
              predictor: [model.weights.predictor[0].fanIn, ...model.weights.predictor.map((l) => l.fanOut)].join('-'),
              pes: params.tiles * params.pesPerTile,
            })}
          </p>
          <NpuTransport model={model} />
          <div className="npu-diagram-wrap">
            <NpuDiagram model={model} params={params} />
          </div>
          <PeDetail model={model} />
          <div className="npu-row">
            <NpuInputPicker model={model} />
            <NpuEnergy model={model} />
          </div>
          <NpuHardware model={model} />
          <NpuConstants cpuCost={model.cpuCost} defaultCpuCost={getConfigCpuPathCost({ target: targetId, customFunction })} />
        </>
      ) : null}
    </section>
  );
}
