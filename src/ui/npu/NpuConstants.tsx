/**
 * The NPU's architecture parameters and every energy/clock constant, each with its citation and status,
 * all editable. Edits go into the NPU slice and from there into the share link (`npu.<key>`, `e.<id>`).
 */
import { useEffect, useState } from 'react';
import { NPU_CONSTANTS, NPU_CONSTANT_IDS, NPU_PARAM_FIELDS, NPU_PARAM_SOURCES, resolveNpuConstant, type CpuPathCost } from '../../core/npu';
import { useLabStore } from '../../state/store';
import { useT } from '../i18n';
import { npu as npuTexts } from '../i18n/locales/npu';

/** A number input that commits on Enter or blur, so typing "0." does not fight the store. */
function NumberField({ value, onCommit, testId, label }: { value: number | null; onCommit: (value: number | null) => void; testId: string; label: string }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const commit = () => {
    if (text.trim() === '') onCommit(null);
    else {
      const n = Number(text);
      if (Number.isFinite(n)) onCommit(n);
      else setText(value === null ? '' : String(value));
    }
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      className="npu-number"
      data-testid={testId}
      aria-label={label}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

export function NpuConstants({ cpuCost, defaultCpuCost }: { cpuCost: CpuPathCost; defaultCpuCost: CpuPathCost }) {
  const params = useLabStore((s) => s.npuParams);
  const cpuInstructions = useLabStore((s) => s.npuCpuInstructions);
  const setParam = useLabStore((s) => s.setNpuParam);
  const setConstant = useLabStore((s) => s.setNpuConstant);
  const setCpuInstructions = useLabStore((s) => s.setNpuCpuInstructions);
  const reset = useLabStore((s) => s.resetNpuParams);
  const edits = Object.keys(params.constantOverrides).length;
  const t = useT('npu');
  const fieldLabel = (field: string) => (field in npuTexts.en.constants.field ? t(`constants.field.${field as keyof typeof npuTexts.en.constants.field}`) : field);

  return (
    <details className="npu-card npu-constants" data-testid="npu-constants">
      <summary>
        {t('constants.summary')}
        {edits > 0 ? t(edits === 1 ? 'constants.editedOne' : 'constants.editedMany', { n: edits }) : ''}
      </summary>
      <div className="npu-constants-body">
        <table className="npu-table">
          <caption>{t('constants.architecture')}</caption>
          <tbody>
            {/* The hardware model has its own control in the Hardware card (NpuHardware.tsx). */}
            {NPU_PARAM_FIELDS.filter((f) => f.field !== 'hardware').map((f) => (
              <tr key={f.key}>
                <th scope="row">{fieldLabel(f.field)}</th>
                <td>
                  {f.kind === 'enum' ? (
                    <select
                      data-testid={`npu-param-${f.field}`}
                      aria-label={fieldLabel(f.field)}
                      value={String(params[f.field])}
                      onChange={(event) => setParam(f.field, event.target.value)}
                    >
                      {f.values.map((value) => (
                        <option key={String(value)} value={String(value)}>
                          {String(value)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <NumberField
                      value={params[f.field]}
                      testId={`npu-param-${f.field}`}
                      label={fieldLabel(f.field)}
                      onCommit={(value) => value !== null && setParam(f.field, value)}
                    />
                  )}
                </td>
                <td className="cite small" lang="en">
                  {NPU_PARAM_SOURCES[f.field]}
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('constants.cpuInstructions')}</th>
              <td>
                <NumberField
                  value={cpuInstructions ?? cpuCost.instructions}
                  testId="npu-param-cpuInstructions"
                  label={t('constants.cpuInstructions')}
                  onCommit={(value) => setCpuInstructions(value === null || value === defaultCpuCost.instructions ? null : value)}
                />
              </td>
              <td className="cite small">
                <span className="badge estimate">{t('hardware.estimate')}</span> <span lang="en">{cpuCost.citation}</span>
              </td>
            </tr>
          </tbody>
        </table>
        <table className="npu-table">
          <caption>{t('constants.energyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('constants.constant')}</th>
              <th scope="col">{t('constants.value')}</th>
              <th scope="col">{t('constants.unit')}</th>
              <th scope="col">{t('constants.source')}</th>
            </tr>
          </thead>
          <tbody>
            {NPU_CONSTANT_IDS.map((id) => {
              const resolved = resolveNpuConstant(id, params.constantOverrides);
              return (
                <tr key={id} className={resolved.edited ? 'edited' : undefined}>
                  <th scope="row" title={id}>
                    {NPU_CONSTANTS[id].label}
                  </th>
                  <td>
                    <NumberField
                      value={resolved.value}
                      testId={`npu-const-${id}`}
                      label={NPU_CONSTANTS[id].label}
                      onCommit={(value) => setConstant(id, value === null || value === resolved.defaultValue ? null : value)}
                    />
                    {resolved.edited ? (
                      <button type="button" className="npu-btn small" onClick={() => setConstant(id, null)} title={t('constants.back', { value: resolved.defaultValue })}>
                        ↺
                      </button>
                    ) : null}
                  </td>
                  <td className="small">{resolved.unit}</td>
                  <td className="cite small">
                    <span className={`badge ${resolved.status}`}>{t(`constants.status.${resolved.status}`)}</span> <span lang="en">{resolved.citation}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" className="npu-btn" data-testid="npu-reset-params" onClick={reset}>
          {t('constants.reset')}
        </button>
      </div>
    </details>
  );
}
