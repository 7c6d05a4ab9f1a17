/**
 * The NPU's architecture parameters and every energy/clock constant, each with its citation and status,
 * all editable. Edits go into the NPU slice and from there into the share link (`npu.<key>`, `e.<id>`).
 */
import { useEffect, useState } from 'react';
import { NPU_CONSTANTS, NPU_CONSTANT_IDS, NPU_PARAM_FIELDS, NPU_PARAM_SOURCES, resolveNpuConstant, type CpuPathCost } from '../../core/npu';
import { useLabStore } from '../../state/store';

const FIELD_LABELS: Record<string, string> = {
  tiles: 'tiles',
  pesPerTile: 'PEs per tile',
  inputBufferWords: 'input buffer (words)',
  outputBufferWords: 'output buffer (words)',
  peWeightBufferWords: 'PE weight buffer (words)',
  onChipMemoryWords: 'on-chip memory (words)',
  busWidthBits: 'data bus width (bits)',
  clockHz: 'NPU clock (Hz)',
  cpuClockHz: 'CPU clock (Hz)',
  wordBits: 'word width (bits)',
  numberFormat: 'number format',
  hardware: 'hardware',
};

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

  return (
    <details className="npu-card npu-constants" data-testid="npu-constants">
      <summary>Architecture and constants — every value with its source, all editable{edits > 0 ? ` (${edits} constant${edits === 1 ? '' : 's'} edited)` : ''}</summary>
      <div className="npu-constants-body">
        <table className="npu-table">
          <caption>Architecture (defaults after the MICRO 2012 NPU)</caption>
          <tbody>
            {/* The hardware model has its own control in the Hardware card (NpuHardware.tsx). */}
            {NPU_PARAM_FIELDS.filter((f) => f.field !== 'hardware').map((f) => (
              <tr key={f.key}>
                <th scope="row">{FIELD_LABELS[f.field] ?? f.field}</th>
                <td>
                  {f.kind === 'enum' ? (
                    <select
                      data-testid={`npu-param-${f.field}`}
                      aria-label={FIELD_LABELS[f.field]}
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
                      label={FIELD_LABELS[f.field] ?? f.field}
                      onCommit={(value) => value !== null && setParam(f.field, value)}
                    />
                  )}
                </td>
                <td className="cite small">{NPU_PARAM_SOURCES[f.field]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">CPU instructions per call</th>
              <td>
                <NumberField
                  value={cpuInstructions ?? cpuCost.instructions}
                  testId="npu-param-cpuInstructions"
                  label="CPU instructions per call"
                  onCommit={(value) => setCpuInstructions(value === null || value === defaultCpuCost.instructions ? null : value)}
                />
              </td>
              <td className="cite small">
                <span className="badge estimate">estimate</span> {cpuCost.citation}
              </td>
            </tr>
          </tbody>
        </table>
        <table className="npu-table">
          <caption>Energy and clock constants (reference §4)</caption>
          <thead>
            <tr>
              <th scope="col">constant</th>
              <th scope="col">value</th>
              <th scope="col">unit</th>
              <th scope="col">source</th>
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
                      <button type="button" className="npu-btn small" onClick={() => setConstant(id, null)} title={`back to ${resolved.defaultValue}`}>
                        ↺
                      </button>
                    ) : null}
                  </td>
                  <td className="small">{resolved.unit}</td>
                  <td className="cite small">
                    <span className={`badge ${resolved.status}`}>{resolved.status}</span> {resolved.citation}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" className="npu-btn" data-testid="npu-reset-params" onClick={reset}>
          Reset architecture and constants
        </button>
      </div>
    </details>
  );
}
