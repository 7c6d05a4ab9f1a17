/**
 * Fig. 5(a) of the paper, animated: on-chip memory (with the grey P(x) region), tiles of PEs with input and
 * output buffers, the controller, the bus scheduler, the CPU, the data bus (solid) and the control bus (dotted).
 * Everything drawn follows from (schedule, cycle): packets ride the bus for the transfers in flight, PEs show
 * their neuron and value, and the controller's route lights up after it reads P(x) in stage 3.
 */
import { memo, useRef } from 'react';
import { useSvgElementExport } from '../exports/ExportMenu';
import type { NpuLocation, NpuParams } from '../../core/npu';
import { useLabStore } from '../../state/store';
import { findActiveEvents, findDecision, findPeNeuron, findPhase, formatValue, interpolatePolyline, type TransferEvent } from './timeline';
import type { NpuModel } from './useNpuModel';
import { useT } from '../i18n';

const W = 960;
const H = 530;
const MEM = { x: 20, y: 50, w: 170, h: 300 };
const TILES = { x: 220, y: 50, w: 480, h: 300 };
const CTRL = { x: 730, y: 50, w: 200, h: 72 };
const SCHED = { x: 760, y: 150, w: 140, h: 50 };
const CPU = { x: 730, y: 440, w: 200, h: 80 };
const BUS_Y = 410;
const CONTROL_BUS_Y = 32;
const MEM_PORT_X = 105;
const CTRL_PORT_X = 910;
const CPU_PORT_X = 830;
const SCHED_PORT_X = 880;
const CTRL_CPU_X = 745;
export const MAX_TILES_SHOWN = 4;
export const MAX_PES_SHOWN = 16;

type Point = readonly [number, number];

interface TileBox {
  index: number;
  x: number;
  w: number;
  ibX: number;
  obX: number;
  pes: { pe: number; x: number; y: number; w: number; h: number }[];
}

/** Tile and PE boxes for `params` (at most MAX_TILES_SHOWN tiles × MAX_PES_SHOWN PEs are drawn). */
export function layoutTiles(params: Pick<NpuParams, 'tiles' | 'pesPerTile'>): TileBox[] {
  const shownTiles = Math.min(params.tiles, MAX_TILES_SHOWN);
  const gap = 14;
  const tw = (TILES.w - gap * (shownTiles - 1)) / shownTiles;
  const shownPes = Math.min(params.pesPerTile, MAX_PES_SHOWN);
  const area = { w: tw - 16, h: 206 };
  let best = { cols: 1, rows: shownPes, score: -1 };
  for (let cols = 1; cols <= shownPes; cols++) {
    const rows = Math.ceil(shownPes / cols);
    const score = Math.min(area.w / cols / 1.15, area.h / rows);
    if (score > best.score) best = { cols, rows, score };
  }
  const cellW = area.w / best.cols;
  const cellH = area.h / best.rows;
  const tiles: TileBox[] = [];
  for (let t = 0; t < shownTiles; t++) {
    const x = TILES.x + t * (tw + gap);
    const pes = [];
    for (let k = 0; k < shownPes; k++) {
      const col = k % best.cols;
      const row = Math.floor(k / best.cols);
      pes.push({ pe: t * params.pesPerTile + k, x: x + 8 + col * cellW + 3, y: TILES.y + 26 + row * cellH + 3, w: cellW - 6, h: cellH - 6 });
    }
    tiles.push({ index: t, x, w: tw, ibX: x + tw / 4 + 2, obX: x + (3 * tw) / 4 - 2, pes });
  }
  return tiles;
}

/** Path from the data bus into a location (reverse it to leave the location). */
function entryPath(location: NpuLocation | 'cpu', tile: TileBox): Point[] {
  switch (location) {
    case 'onChipMemory':
    case 'dram':
      return [
        [MEM_PORT_X, BUS_Y],
        [MEM_PORT_X, MEM.y + MEM.h],
      ];
    case 'inputBuffer':
      return [
        [tile.ibX, BUS_Y],
        [tile.ibX, TILES.y + TILES.h - 14],
      ];
    case 'outputBuffer':
      return [
        [tile.obX, BUS_Y],
        [tile.obX, TILES.y + TILES.h - 14],
      ];
    case 'weightBuffers':
      return [
        [tile.ibX, BUS_Y],
        [tile.ibX, TILES.y + TILES.h - 14],
        [tile.x + tile.w / 2, TILES.y + 130],
      ];
    case 'controller':
      return [
        [CTRL_PORT_X, BUS_Y],
        [CTRL_PORT_X, CTRL.y + CTRL.h],
      ];
    case 'cpu':
      return [
        [CPU_PORT_X, BUS_Y],
        [CPU_PORT_X, CPU.y],
      ];
    default: {
      const never: never = location;
      throw new Error(`Unsupported NPU location: ${String(never)}`);
    }
  }
}

function transferPath(from: NpuLocation | 'cpu', to: NpuLocation | 'cpu', fromTile: TileBox, toTile: TileBox): Point[] {
  return [...entryPath(from, fromTile).reverse(), ...entryPath(to, toTile)];
}

const PAYLOAD_LABEL: Record<TransferEvent['payload'], string> = {
  input: 'x',
  weights: 'W,b',
  activations: 'a',
  control: 'c',
  prediction: 'P(x),c',
  output: 'H(x)',
};

/**
 * What a PE does in cycle k of a neuron (schedule.ts): fanIn MACs, then activate (bias + ReLU), then ⊙c; with ⊙c
 * inside the activation (eq. 4 as printed) the ⊙c multiply comes before activate.
 */
function describePeCycle(macs: number, hadamard: boolean, k: number, inside: boolean, names: { activate: string; multiply: string }): string {
  if (k < macs) return `MAC ${k + 1}/${macs}`;
  if (!hadamard) return names.activate;
  if (k === macs) return inside ? names.multiply : names.activate;
  return inside ? names.activate : names.multiply;
}

function tileSpecific(location: NpuLocation): boolean {
  return location === 'inputBuffer' || location === 'outputBuffer' || location === 'weightBuffers';
}

interface Props {
  model: NpuModel;
  params: NpuParams;
}

export const NpuDiagram = memo(function NpuDiagram({ model, params }: Props) {
  const t = useT('npu');
  const cycleNames = { activate: t('diagram.activate'), multiply: t('diagram.multiply') };
  const cycle = useLabStore((s) => s.npuCycle);
  const playing = useLabStore((s) => s.npuPlayback === 'playing');
  const selectedPe = useLabStore((s) => s.npuSelectedPe);
  const selectNpuPe = useLabStore((s) => s.selectNpuPe);
  const { schedule, events, timeline } = model;
  const svgRef = useRef<SVGSVGElement>(null);
  // Export: the diagram as drawn now (the animation's current cycle).
  useSvgElementExport('npu-diagram', t('diagram.exportLabel'), svgRef);
  const tiles = layoutTiles(params);
  const phase = findPhase(timeline, cycle);
  const done = cycle >= timeline.total;
  // Paused on an integer cycle, show packets mid-way through that cycle.
  const packetTime = playing ? cycle : Math.floor(cycle) + 0.5;
  const active = done ? [] : findActiveEvents(events, Math.floor(cycle));
  const decision = findDecision(events);
  const stage2End = schedule.stages[1].startCycle + schedule.stages[1].cycles;
  const stage3Start = schedule.stages[2].startCycle;
  const decided = decision !== null && cycle >= stage3Start;
  const safe = schedule.invoked === 'approximator';
  const cpuPhase = phase?.kind === 'cpu';
  const cpuRun = schedule.cpu;
  const cpuDone = cpuRun !== null && cycle >= cpuRun.startCycle + cpuRun.cycles;
  const transfers = active.filter((e): e is TransferEvent => e.type === 'transfer');
  const busActive = transfers.length > 0 || cpuPhase;
  const controllerActive = phase?.kind === 'stage' && phase.stage === 3;
  const totalPes = params.tiles * params.pesPerTile;
  const hiddenPes = totalPes - tiles.reduce((s, tile) => s + tile.pes.length, 0);
  const output = schedule.forward.approximatorOutput;

  const packets: { key: string; x: number; y: number; label: string }[] = [];
  transfers.forEach((e, k) => {
    const frac = (packetTime - e.startCycle) / e.cycles;
    const label = `${PAYLOAD_LABEL[e.payload]} ×${e.words}`;
    const perTile = tileSpecific(e.from) || tileSpecific(e.to) ? tiles : tiles.slice(0, 1);
    perTile.forEach((tile) => {
      const [x, y] = interpolatePolyline(transferPath(e.from, e.to, tile, tile), frac);
      packets.push({ key: `${k}-${tile.index}`, x, y, label });
    });
  });
  if (cpuPhase && cpuRun) {
    const frac = Math.min(1, ((packetTime - cpuRun.startCycle) / cpuRun.cycles) * 4); // x travels in the first quarter
    const [x, y] = interpolatePolyline(transferPath('onChipMemory', 'cpu', tiles[0], tiles[0]), frac);
    packets.push({ key: 'cpu', x, y, label: `x ×${model.input.length}` });
  }

  const region = (y: number, h: number, title: string, value: string, grey = false, testId?: string) => (
    <g>
      <rect x={MEM.x + 10} y={y} width={MEM.w - 20} height={h} rx={4} className={grey ? 'npu-mem-px' : 'npu-mem-region'} />
      <text x={MEM.x + 18} y={y + 15} className="npu-label-strong">
        {title}
      </text>
      <text x={MEM.x + 18} y={y + 31} className="npu-label" data-testid={testId}>
        {value}
      </text>
    </g>
  );

  return (
    <svg ref={svgRef} className="npu-diagram" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('diagram.label')} data-testid="npu-diagram" data-cycle={Math.floor(cycle)}>
      <desc id="npu-pe-hint">{t('diagram.peHint')}</desc>
      <defs>
        <marker id="npu-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#607d8b" />
        </marker>
      </defs>

      {/* Control bus (dotted): controller → tiles and controller → CPU. */}
      <g className={`npu-control-bus${decided && safe ? ' npu-route-on' : ''}`}>
        <path d={`M ${CTRL.x + 12} ${CTRL.y} V ${CONTROL_BUS_Y} H ${TILES.x + 20}`} />
        {tiles.map((tile) => (
          <path key={tile.index} d={`M ${tile.x + tile.w / 2} ${CONTROL_BUS_Y} V ${TILES.y}`} markerEnd="url(#npu-arrow)" />
        ))}
      </g>
      <g className={`npu-control-bus${decided && !safe ? ' npu-route-on' : ''}`}>
        <path d={`M ${CTRL_CPU_X} ${CTRL.y + CTRL.h} V ${CPU.y}`} markerEnd="url(#npu-arrow)" />
      </g>
      <text x={TILES.x + 24} y={CONTROL_BUS_Y - 6} className="npu-label">
        {t('diagram.controlBus')}
      </text>

      {/* Data bus. */}
      <g className={`npu-data-bus${busActive ? ' active' : ''}`}>
        <path d={`M ${MEM_PORT_X} ${BUS_Y} H ${CTRL_PORT_X}`} className="npu-bus-main" />
        <path d={`M ${MEM_PORT_X} ${MEM.y + MEM.h} V ${BUS_Y}`} />
        {tiles.map((tile) => (
          <g key={tile.index}>
            <path d={`M ${tile.ibX} ${TILES.y + TILES.h - 14} V ${BUS_Y}`} />
            <path d={`M ${tile.obX} ${TILES.y + TILES.h - 14} V ${BUS_Y}`} />
          </g>
        ))}
        <path d={`M ${CTRL_PORT_X} ${CTRL.y + CTRL.h} V ${BUS_Y}`} />
        <path d={`M ${CPU_PORT_X} ${BUS_Y} V ${CPU.y}`} />
      </g>
      <text x={MEM_PORT_X + 10} y={BUS_Y + 16} className="npu-label">
        {t('diagram.dataBus', { bits: params.busWidthBits })}
      </text>
      <path d={`M ${SCHED_PORT_X} ${SCHED.y + SCHED.h} V ${BUS_Y}`} className="npu-sched-link" />

      {/* On-chip memory. */}
      <g data-testid="npu-memory">
        <rect x={MEM.x} y={MEM.y} width={MEM.w} height={MEM.h} rx={8} className="npu-box" />
        <text x={MEM.x + 10} y={MEM.y - 8} className="npu-title">
          {t('diagram.memory')}
        </text>
        {region(MEM.y + 10, 44, t('diagram.input'), model.input.slice(0, 3).map(formatValue).join(', ') + (model.input.length > 3 ? ' …' : ''))}
        {region(MEM.y + 60, 44, schedule.weightsFromDram ? t('diagram.weightsFromDram') : 'W, b', schedule.layerByLayer ? t('diagram.reloaded') : t('diagram.resident'))}
        {region(MEM.y + 110, 58, 'P(x)', cycle >= stage2End ? t('safeProbability', { p: formatValue(schedule.forward.safeProbability) }) : '—', true, 'npu-mem-px')}
        {cycle >= stage2End ? (
          <text x={MEM.x + 18} y={MEM.y + 161} className="npu-label">
            {schedule.forward.predictedSafe ? t('diagram.safe') : t('diagram.unsafe')}
          </text>
        ) : null}
        {region(MEM.y + 174, 44, t('diagram.control'), cycle >= stage2End ? t('diagram.values', { n: schedule.forward.controls.reduce((s, c) => s + c.length, 0) }) : '—')}
        {region(
          MEM.y + 224,
          60,
          safe ? t('diagram.output') : t('diagram.cpuResult'),
          done ? (safe && output ? Array.from(output.slice(0, 2), formatValue).join(', ') : model.exact.slice(0, 2).map(formatValue).join(', ')) : '—',
        )}
      </g>

      {/* Tiles of PEs. */}
      {tiles.map((tile) => (
        <g key={tile.index} data-testid={`npu-tile-${tile.index}`}>
          <rect x={tile.x} y={TILES.y} width={tile.w} height={TILES.h} rx={16} className="npu-tile" />
          <text x={tile.x + 10} y={TILES.y + 18} className="npu-label-strong">
            {t('diagram.tile', { tile: tile.index })}
          </text>
          {tile.pes.map((box) => {
            const state = findPeNeuron(events, box.pe, Math.floor(cycle));
            const computing = !done && state?.state === 'computing';
            const net = state?.event.net;
            const showValue = state && state.state !== 'waiting';
            const compact = box.h < 44 || box.w < 60;
            const activity =
              state && !compact
                ? `${state.event.net === 'predictor' ? t('diagram.predictorShort') : t('diagram.approximatorShort')} L${state.event.layer} n${state.event.neuron}`
                : '';
            const reading = !state
              ? ''
              : compact
                ? showValue
                  ? formatValue(state.event.value)
                  : '·'
                : computing
                  ? describePeCycle(
                      state.event.macs,
                      state.event.control !== null,
                      Math.floor(cycle) - state.event.startCycle,
                      model.weights.controlPlacement === 'insideActivation',
                      cycleNames,
                    )
                  : showValue
                    ? `= ${formatValue(state.event.value)}`
                    : t('diagram.waiting');
            // No aria-label: the button's name is its visible text (WCAG 2.5.3, label in name); the hint is its description.
            return (
              <g
                key={box.pe}
                data-testid={`npu-pe-${box.pe}`}
                role="button"
                tabIndex={0}
                aria-describedby="npu-pe-hint"
                aria-pressed={selectedPe === box.pe}
                data-active={computing ? 'true' : 'false'}
                className="npu-pe-group"
                onClick={() => selectNpuPe(selectedPe === box.pe ? null : box.pe)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    selectNpuPe(selectedPe === box.pe ? null : box.pe);
                  }
                }}
              >
                <rect
                  x={box.x}
                  y={box.y}
                  width={box.w}
                  height={box.h}
                  rx={6}
                  className={`npu-pe${computing ? ` computing ${net}` : ''}${selectedPe === box.pe ? ' selected' : ''}${!state ? ' idle' : ''}`}
                />
                <text x={box.x + 6} y={box.y + 13} className="npu-label-small">
                  PE {box.pe}
                </text>
                {state && !compact ? (
                  <>
                    <text x={box.x + 6} y={box.y + box.h / 2 + 4} className="npu-label">
                      {activity}
                    </text>
                    <text x={box.x + 6} y={box.y + box.h / 2 + 20} className="npu-value">
                      {reading}
                    </text>
                  </>
                ) : state && compact ? (
                  <text x={box.x + 6} y={box.y + box.h - 5} className="npu-label-small">
                    {reading}
                  </text>
                ) : null}
              </g>
            );
          })}
          <rect x={tile.x + 8} y={TILES.y + TILES.h - 50} width={tile.w / 2 - 12} height={36} rx={4} className="npu-buffer" />
          <text x={tile.x + 14} y={TILES.y + TILES.h - 28} className="npu-label-small">
            {t('diagram.inputBuffer')}
          </text>
          <rect x={tile.x + tile.w / 2 + 4} y={TILES.y + TILES.h - 50} width={tile.w / 2 - 12} height={36} rx={4} className="npu-buffer" />
          <text x={tile.x + tile.w / 2 + 10} y={TILES.y + TILES.h - 28} className="npu-label-small">
            {t('diagram.outputBuffer')}
          </text>
        </g>
      ))}
      {params.tiles > MAX_TILES_SHOWN || hiddenPes > 0 ? (
        <text x={TILES.x} y={TILES.y + TILES.h + 16} className="npu-label">
          {t('diagram.hiddenPes', { total: totalPes, tiles: params.tiles, perTile: params.pesPerTile, hidden: hiddenPes })}
        </text>
      ) : null}

      {/* Controller, bus scheduler, CPU. */}
      <g data-testid="npu-controller" data-active={controllerActive ? 'true' : 'false'}>
        <rect x={CTRL.x} y={CTRL.y} width={CTRL.w} height={CTRL.h} rx={8} className={`npu-box${controllerActive ? ' active' : ''}`} />
        <text x={CTRL.x + 12} y={CTRL.y + 20} className="npu-title">
          {t('diagram.controller')}
        </text>
        <text x={CTRL.x + 12} y={CTRL.y + 40} className="npu-label">
          {decided ? t('safeProbability', { p: formatValue(schedule.forward.safeProbability) }) : t('diagram.waitsForP')}
        </text>
        <text x={CTRL.x + 12} y={CTRL.y + 58} className="npu-label-strong">
          {decided ? t('diagram.invoke', { where: safe ? t('transport.routeApproximator') : 'CPU' }) : ''}
        </text>
      </g>
      <g>
        <rect x={SCHED.x} y={SCHED.y} width={SCHED.w} height={SCHED.h} rx={8} className={`npu-box${busActive ? ' soft-active' : ''}`} />
        <text x={SCHED.x + 10} y={SCHED.y + 20} className="npu-title">
          {t('diagram.scheduler')}
        </text>
        <text x={SCHED.x + 10} y={SCHED.y + 38} className="npu-label-small">
          {busActive ? t('diagram.granted') : t('diagram.idle')}
        </text>
      </g>
      <g data-testid="npu-cpu" data-active={cpuPhase ? 'true' : 'false'}>
        <rect x={CPU.x} y={CPU.y} width={CPU.w} height={CPU.h} rx={8} className={`npu-box npu-cpu${cpuPhase ? ' active' : ''}`} />
        <text x={CPU.x + 12} y={CPU.y + 20} className="npu-title">
          CPU ({formatValue(params.cpuClockHz / 1e9)} GHz)
        </text>
        <text x={CPU.x + 12} y={CPU.y + 38} className="npu-label">
          {cpuRun ? t('diagram.cpuExact', { instructions: cpuRun.instructions }) : t('diagram.notInvoked')}
        </text>
        {cpuRun ? (
          <>
            <rect x={CPU.x + 12} y={CPU.y + 50} width={CPU.w - 24} height={10} rx={3} className="npu-progress-bg" />
            <rect
              x={CPU.x + 12}
              y={CPU.y + 50}
              width={(CPU.w - 24) * Math.min(1, Math.max(0, (cycle - cpuRun.startCycle) / cpuRun.cycles))}
              height={10}
              rx={3}
              className="npu-progress"
            />
            <text x={CPU.x + 12} y={CPU.y + 74} className="npu-label-small">
              {cpuDone ? t('diagram.cpuDone') : t('diagram.cpuCycles', { cycles: cpuRun.cycles, cpuCycles: cpuRun.cpuCycles })}
            </text>
          </>
        ) : null}
      </g>

      {packets.map((p) => (
        <g key={p.key} className="npu-packet" transform={`translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`}>
          <circle r={7} />
          <text x={10} y={-8} className="npu-packet-label">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
});
