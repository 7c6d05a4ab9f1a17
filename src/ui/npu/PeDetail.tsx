/**
 * Fig. 5(b): inside one PE, with the values of the neuron it works on at the current cycle.
 * x reg and w reg feed the multiply-add unit; its dot product waits in the temporary register; the bias from
 * b reg is added; the activate unit applies ReLU (hidden layers) or passes the value (output layer); the switch
 * sends it straight to the o reg (blue dotted path: predictor) or through the ⊙c multiplier (orange path:
 * approximator hidden layers, a·c: Algorithm 1 line 9, the §IV PE, the authors' code). With ⊙c inside the
 * activation (eq. 4 as printed, config.controlPlacement) the labels say so: the PE then scales Σ x·w by c before
 * the bias, and the drawing keeps the §IV wiring.
 */
import { useLabStore } from '../../state/store';
import { computePeValues, findPeNeuron, formatValue } from './timeline';
import type { NpuModel } from './useNpuModel';
import { useT } from '../i18n';

function formatVector(values: readonly number[], max = 3): string {
  const shown = values.slice(0, max).map(formatValue).join(', ');
  return values.length > max ? `[${shown}, … ${values.length}]` : `[${shown}]`;
}

interface RegProps {
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  value: string;
  className?: string;
  testId?: string;
}

function Unit({ x, y, w, h, title, value, className = 'npu-unit', testId }: RegProps) {
  return (
    <g data-testid={testId}>
      <rect x={x} y={y} width={w} height={h} rx={6} className={className} />
      <text x={x + 8} y={y + 16} className="npu-label-strong">
        {title}
      </text>
      <text x={x + 8} y={y + 33} className={value.length > 18 ? 'npu-value npu-value-small' : 'npu-value'}>
        {value}
      </text>
    </g>
  );
}

export function PeDetail({ model }: { model: NpuModel }) {
  const pe = useLabStore((s) => s.npuSelectedPe);
  const cycle = useLabStore((s) => s.npuCycle);
  const selectNpuPe = useLabStore((s) => s.selectNpuPe);
  const t = useT('npu');
  if (pe === null) return null;
  const found = findPeNeuron(model.events, pe, Math.floor(cycle));
  const close = (
    <button type="button" className="npu-btn small" onClick={() => selectNpuPe(null)} aria-label={t('pe.closeLabel')}>
      {t('pe.close')}
    </button>
  );
  if (!found) {
    return (
      <div className="npu-pe-detail" data-testid="pe-detail">
        <div className="npu-pe-detail-head">
          <strong>PE {pe}</strong> {t('pe.idle')} {close}
        </div>
      </div>
    );
  }
  const v = computePeValues(model.weights, model.events, model.input, found.event);
  const hadamard = v.control !== null;
  // ⊙c inside the activation (eq. 4 as printed): o = f(Σ x·w × c + b); after it (§IV PE, the default): o = f(Σ x·w + b) × c.
  const inside = hadamard && model.weights.controlPlacement === 'insideActivation';
  const netName = v.net === 'predictor' ? t('pe.predictionSubnet') : t('pe.approximationSubnet');
  const stateText = found.state === 'computing' ? t('pe.computing') : found.state === 'done' ? t('pe.finished') : t('pe.next');
  return (
    <div className="npu-pe-detail" data-testid="pe-detail" data-net={v.net} data-layer={v.layer} data-neuron={v.neuron}>
      <div className="npu-pe-detail-head">
        <strong>PE {pe}</strong>
        {t('pe.head', { net: netName, layer: v.layer, neuron: v.neuron, state: stateText, from: found.event.startCycle, to: found.event.startCycle + found.event.cycles - 1 })}{' '}
        {close}
      </div>
      <svg viewBox="0 0 830 220" className="npu-pe-svg" role="img" aria-label={t('pe.inside', { pe })}>
        <defs>
          <marker id="pe-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#546e7a" />
          </marker>
        </defs>
        <Unit x={10} y={10} w={165} h={42} title={t('pe.xReg')} value={formatVector(v.x)} testId="pe-x" />
        <Unit x={10} y={62} w={165} h={42} title={t('pe.wReg')} value={formatVector(v.w)} testId="pe-w" />
        <Unit x={10} y={150} w={165} h={42} title={t('pe.bReg')} value={formatValue(v.b)} testId="pe-b" />
        <Unit x={190} y={30} w={120} h={56} title={t('pe.multiplyAdd')} value={t('pe.macs', { n: v.x.length })} className="npu-unit op" />
        <Unit x={335} y={36} w={110} h={44} title={t('pe.tempReg')} value={formatValue(v.dot)} testId="pe-temp" />
        <circle cx={470} cy={58} r={13} className="npu-unit op" />
        <text x={464} y={63} className="npu-label-strong">
          +
        </text>
        <Unit
          x={500}
          y={30}
          w={120}
          h={56}
          title={v.relu ? t('pe.activateRelu') : t('pe.activateLinear')}
          value={`${formatValue(v.preActivation)} → ${formatValue(v.activation)}`}
          className="npu-unit op"
          testId="pe-activation"
        />
        <Unit x={645} y={36} w={60} h={44} title={t('pe.switch')} value={hadamard ? '⊙c' : t('pe.direct')} className={`npu-unit switch ${hadamard ? 'approx' : 'pred'}`} />
        <Unit x={720} y={36} w={100} h={44} title={t('pe.oReg')} value={formatValue(v.output)} className="npu-unit reg-out" testId="pe-out" />
        <Unit
          x={640}
          y={140}
          w={120}
          h={52}
          title={t('pe.multiplier')}
          value={hadamard ? `× c = ${formatValue(v.control ?? 0)}` : t('pe.notUsed')}
          className={`npu-unit op${hadamard ? '' : ' unused'}`}
          testId="pe-control"
        />

        <g className="pe-wire">
          <path d="M 175 31 H 181 V 50 H 188" markerEnd="url(#pe-arrow)" />
          <path d="M 175 83 H 181 V 66 H 188" markerEnd="url(#pe-arrow)" />
          <path d="M 310 58 H 333" markerEnd="url(#pe-arrow)" />
          <path d="M 445 58 H 455" markerEnd="url(#pe-arrow)" />
          <path d="M 175 171 H 470 V 73" markerEnd="url(#pe-arrow)" />
          <path d="M 483 58 H 498" markerEnd="url(#pe-arrow)" />
          <path d="M 620 58 H 643" markerEnd="url(#pe-arrow)" />
        </g>
        {/* Blue dotted: straight to o reg (prediction subnet, output layers). Orange solid: through ⊙c. */}
        <path d="M 705 50 H 718" className={`pe-path-pred${hadamard ? ' off' : ''}`} markerEnd="url(#pe-arrow)" />
        <path d="M 690 80 V 138" className={`pe-path-approx${hadamard ? '' : ' off'}`} markerEnd="url(#pe-arrow)" />
        <path d="M 760 166 H 790 V 82" className={`pe-path-approx${hadamard ? '' : ' off'}`} markerEnd="url(#pe-arrow)" />
        <text x={190} y={125} className="npu-label" data-testid="pe-formula">
          {inside
            ? `o = ReLU(Σ x·w × c + b) = ReLU(${formatValue(v.dot)} × ${formatValue(v.control ?? 0)} + ${formatValue(v.b)}) = ${formatValue(v.output)}  ${t('pe.insideNote')}`
            : `${v.relu ? 'a = ReLU(Σ x·w + b)' : 'a = Σ x·w + b'} = ${formatValue(v.activation)}${
                hadamard ? ` ;  o = a × c = ${formatValue(v.activation)} × ${formatValue(v.control ?? 0)} = ${formatValue(v.output)}` : ' ;  o = a'
              }`}
        </text>
        <text x={190} y={210} className="npu-label-small">
          {inside ? t('pe.insideHint') : t('pe.pathsHint')}
        </text>
      </svg>
    </div>
  );
}
