/**
 * The training loop of one AxTrain run in the browser, without its transport: every method of the config
 * (bp, act, pas, actpas) on the same data, trained in LOCKSTEP. A round gives each method that is still training
 * the same number of steps (a chunk sized to `budgetMs` for the slowest method), one method per turn, so the
 * curves never stand more than one chunk apart (they share ⌈train / batch⌉ steps per epoch); actpas goes on alone
 * for its pasEpochs. At every evaluation step (every computeEvalEveryEpochs(epochs) epochs and the last) a method
 * gets its AxtrainPoint, the Fig. 1 loss along a random direction and the Fig. 4 last-layer sensitivity map; at
 * its end (or when it diverged: the trainer keeps its last good weights) its report on every hardware setting,
 * after which its trainer is disposed. The report is made one setting per turn (exact, DRUM-k for each k, then
 * each NTV voltage with its R masks; one turn per round), so that a turn stays short and pause is answered within
 * one: measured in Node, a whole report on digits takes 2.7 s on wasm and 10 s on cpu, and bp, act and pas end
 * together. The pieces equal evaluateOnHardware's whole report (NTV masks come from one stream per voltage).
 * The worker (workers/axtrain.worker.ts) drives this turn by turn; cli/axtrain.ts trains the same methods one after
 * another (same numbers: each method has its own engine and streams, so the order does not change them).
 */
import type { AxtrainConfig, AxtrainMethodId } from '../../core/axtrain/config';
import { computeEvalEveryEpochs, type AxtrainMethodDelta, type AxtrainPoint, type LossLandscapeSnapshot, type SensitivityMapSnapshot } from '../../core/axtrain/run';
import type { HardwareReport } from '../../core/axtrain/report';
import type { BackendName } from '../../core/config';
import type { AxtrainData } from './data';
import type { AxtrainCheckpoint } from '../../core/checkpoint';
import { NTV_VOLTAGE_PRESETS, type NtvVoltageMv } from '../../core/approx/ntv';
import { DRUM_EVAL_KS, evaluateOnHardware } from './evaluate';
import { createAxtrainTrainer, type AxtrainTrainer } from './trainer';
import { computeLastLayerSensitivityMap, computeLossLandscape } from './views';

export interface AxtrainSessionOptions {
  /** Clock in ms (default performance.now). */
  now?: () => number;
  /** Landscape resolution (Fig. 1): points over [−span, span] (defaults of computeLossLandscape). */
  landscape?: { points?: number; span?: number };
  /** Continue from this checkpoint of a session of the same config and data: the rest equals the uninterrupted run (same backend). */
  checkpoint?: AxtrainCheckpoint;
}

export interface AxtrainTurnOutcome {
  /** Steps the method of this turn trained (0 for a report piece, or when everything is finished). */
  steps: number;
  /** The chunk every training method gets in the current round. */
  roundSteps: number;
  /** Wall time of the turn, training, evaluation or report piece, ms (the base of the host's rest). */
  elapsedMs: number;
}

export interface AxtrainLaneProgress {
  method: AxtrainMethodId;
  step: number;
  totalSteps: number;
  state: 'training' | 'scoring' | 'finished';
}

export interface AxtrainSession {
  readonly methods: readonly AxtrainMethodId[];
  readonly backend: BackendName;
  /** Evaluation every this many steps (and at each method's last step). */
  readonly evalEverySteps: number;
  /** True once every method is trained and has its hardware report. */
  readonly done: boolean;
  /** Method-steps (summed over methods) per wall-clock second, over windows of ≥ 0.5 s. */
  readonly stepsPerSecond: number;
  /** Wall time inside the trainers' train() so far, summed over methods, ms. */
  readonly trainingMs: number;
  /** One turn of the lockstep: one method's chunk of the round (≈ budgetMs), or one piece of a report. */
  trainTurn(budgetMs: number): Promise<AxtrainTurnOutcome>;
  /** Where each method stands now. */
  readProgress(): AxtrainLaneProgress[];
  /** What changed per method since the last call (all: every method, changed or not — the first message). */
  takeDeltas(all?: boolean): AxtrainMethodDelta[];
  /** Restarts the throughput window (after a pause). */
  resetThroughput(): void;
  /** Whether a checkpoint can be taken now and is new: between two rounds, after an evaluation or a report since the last one. */
  readonly checkpointDue: boolean;
  /**
   * Every method's state between two rounds as plain data (take the deltas first: a checkpoint holds no pending views).
   * A session restored from it goes on as this one does.
   */
  checkpoint(): Promise<AxtrainCheckpoint>;
  dispose(): void;
}

/** One piece of a method's hardware report: the exact net first (it brings the counts), then one setting per piece. */
interface ScoringPiece {
  drumKs: number[];
  voltagesMv: NtvVoltageMv[];
}

const SCORING_PIECES: readonly ScoringPiece[] = [
  { drumKs: [], voltagesMv: [] },
  ...DRUM_EVAL_KS.map((k) => ({ drumKs: [k], voltagesMv: [] })),
  ...NTV_VOLTAGE_PRESETS.map((preset) => ({ drumKs: [], voltagesMv: [preset.voltageMv] })),
];

interface MethodLane {
  method: AxtrainMethodId;
  /** training → scoring (its hardware report, piece by piece) → finished (trainer disposed). */
  state: 'training' | 'scoring' | 'finished';
  trainer: AxtrainTrainer | null;
  step: number;
  totalSteps: number;
  phase: string;
  trainingMs: number;
  diverged: AxtrainMethodDelta['diverged'];
  /** The report so far and the next piece of it (scoring). */
  scoring: { next: number; report: HardwareReport | null };
  pending: { points: AxtrainPoint[]; landscape: LossLandscapeSnapshot | null; sensitivityMap: SensitivityMapSnapshot | null; hardware: HardwareReport | null };
  changed: boolean;
}

const emptyPending = (): MethodLane['pending'] => ({ points: [], landscape: null, sensitivityMap: null, hardware: null });

export function createAxtrainSession(config: Readonly<AxtrainConfig>, data: AxtrainData, options: AxtrainSessionOptions = {}): AxtrainSession {
  const now = options.now ?? (() => performance.now());
  if (config.methods.length === 0) throw new Error('An AxTrain run needs at least one method');
  const lanes: MethodLane[] = [];
  const saved = options.checkpoint;
  if (saved && saved.lanes.map((lane) => lane.method).join(',') !== config.methods.join(','))
    throw new Error(`The AxTrain checkpoint is of the methods ${saved.lanes.map((lane) => lane.method).join(', ')}, not ${config.methods.join(', ')}`);
  try {
    config.methods.forEach((method, k) => {
      const lane = saved?.lanes[k];
      // A finished method of a checkpoint has no trainer (the page has its report); the others continue from theirs.
      const trainer = lane && !lane.trainer ? null : createAxtrainTrainer(config, method, data, lane?.trainer ? { checkpoint: lane.trainer } : {});
      if (!trainer && lane?.state !== 'finished') throw new Error(`The AxTrain checkpoint has no trainer for ${method}`);
      lanes.push({
        method,
        trainer,
        step: lane?.step ?? trainer!.step,
        totalSteps: lane?.totalSteps ?? trainer!.totalSteps,
        phase: lane?.phase ?? trainer!.phase,
        trainingMs: lane?.trainingMs ?? 0,
        diverged: lane?.diverged ? { ...lane.diverged } : null,
        state: lane?.state ?? 'training',
        scoring: lane ? structuredClone(lane.scoring) : { next: 0, report: null },
        pending: emptyPending(),
        changed: true,
      });
    });
    if (!lanes.some((lane) => lane.trainer)) throw new Error('The AxTrain checkpoint has nothing left to train or score');
  } catch (error) {
    for (const lane of lanes) lane.trainer?.dispose();
    throw error;
  }
  const anyTrainer = lanes.find((lane) => lane.trainer)!.trainer!;
  const backend = anyTrainer.backend;
  const epochSteps = anyTrainer.epochSteps;
  /** An evaluation or a report piece since the last checkpoint (what makes a new one worth taking). */
  let changedSinceCheckpoint = false;
  const evalEverySteps = computeEvalEveryEpochs(config.epochs) * epochSteps;
  /** Measured ms per step of each method (act's Hessian term makes it the slowest). */
  const msPerStep = new Map<AxtrainMethodId, number>(lanes.map((lane) => [lane.method, 2]));
  let windowStartAt = now();
  let windowSteps = 0;
  let stepsPerSecond = 0;

  const nextEvaluationStep = (lane: MethodLane) => Math.min(lane.totalSteps, (Math.floor(lane.step / evalEverySteps) + 1) * evalEverySteps);

  /** Point, landscape and sensitivity map of the net as it is now. */
  const evaluateLane = async (lane: MethodLane, trainer: AxtrainTrainer) => {
    lane.pending.points.push(await trainer.evaluate());
    lane.pending.landscape = await computeLossLandscape(trainer, options.landscape);
    lane.pending.sensitivityMap = await computeLastLayerSensitivityMap(trainer);
    lane.changed = true;
    changedSinceCheckpoint = true;
  };

  /** The method's end: it stops training; the next turns make its hardware report. */
  const startScoring = (lane: MethodLane) => {
    lane.state = 'scoring';
    lane.phase = `scoring on every hardware setting (0 / ${SCORING_PIECES.length})`;
  };

  /** One piece of the report; after the last, the report goes out and the method's tensors go. */
  const scoreNextPiece = async (lane: MethodLane, trainer: AxtrainTrainer) => {
    const part = await evaluateOnHardware(trainer, SCORING_PIECES[lane.scoring.next]);
    const report = lane.scoring.report;
    if (report === null) lane.scoring.report = part;
    else report.results.push(...part.results.filter((r) => r.setting.kind !== 'exact'));
    lane.scoring.next++;
    lane.phase = `scoring on every hardware setting (${lane.scoring.next} / ${SCORING_PIECES.length})`;
    lane.changed = true;
    changedSinceCheckpoint = true;
    if (lane.scoring.next < SCORING_PIECES.length) return;
    lane.pending.hardware = lane.scoring.report;
    lane.state = 'finished';
    lane.phase = 'scored on every hardware setting';
    trainer.dispose();
    lane.trainer = null;
  };

  const trainLane = async (lane: MethodLane, trainer: AxtrainTrainer, count: number) => {
    const evaluationAt = nextEvaluationStep(lane);
    const steps = Math.max(1, Math.min(count, evaluationAt - lane.step));
    const before = trainer.step;
    const startedAt = now();
    const result = await trainer.train(steps);
    const elapsed = now() - startedAt;
    const trained = result.step - before;
    if (trained > 0) msPerStep.set(lane.method, 0.7 * (msPerStep.get(lane.method) ?? 2) + 0.3 * (elapsed / trained));
    lane.step = result.step;
    lane.phase = trainer.phase;
    lane.trainingMs = trainer.trainingMs;
    lane.changed = true;
    windowSteps += trained;
    if (result.diverged) {
      lane.diverged = { ...result.diverged };
      // The trainer is back at its last good weights: their point and views, then their report.
      await evaluateLane(lane, trainer);
      startScoring(lane);
      return trained;
    }
    if (lane.step === evaluationAt) await evaluateLane(lane, trainer);
    if (lane.step >= lane.totalSteps) startScoring(lane);
    return trained;
  };

  /** The turns left in the round: each training method's chunk of roundSteps, then one report piece (when a report is due). */
  let roundQueue: (MethodLane | 'report')[] = [];
  let roundSteps = 0;
  const startRound = (budgetMs: number) => {
    const training = lanes.filter((lane) => lane.state === 'training');
    roundSteps = 0;
    if (training.length > 0) {
      // The slowest method's chunk takes ≈ budgetMs (act's Hessian term makes it the slowest).
      const slowest = Math.max(...training.map((lane) => msPerStep.get(lane.method) ?? 2));
      const chunk = Math.max(1, Math.floor(budgetMs / Math.max(slowest, 1e-3)));
      // All methods stand at the same step and share the evaluation steps: the chunk ends at the next one.
      const limit = Math.min(...training.map((lane) => nextEvaluationStep(lane) - lane.step));
      roundSteps = Math.max(1, Math.min(chunk, limit));
    }
    roundQueue = [...training, ...(lanes.some((lane) => lane.state === 'scoring') ? (['report'] as const) : [])];
  };

  return {
    methods: lanes.map((lane) => lane.method),
    backend,
    evalEverySteps,
    get done() {
      return lanes.every((lane) => lane.state === 'finished');
    },
    get stepsPerSecond() {
      return stepsPerSecond;
    },
    get trainingMs() {
      return lanes.reduce((sum, lane) => sum + lane.trainingMs, 0);
    },
    async trainTurn(budgetMs) {
      const startedAt = now();
      if (roundQueue.length === 0) startRound(budgetMs);
      const turn = roundQueue.shift();
      if (turn === undefined) return { steps: 0, roundSteps: 0, elapsedMs: 0 };
      let steps = 0;
      if (turn === 'report') {
        const lane = lanes.find((candidate) => candidate.state === 'scoring' && candidate.trainer !== null);
        if (lane?.trainer) await scoreNextPiece(lane, lane.trainer);
      } else if (turn.state === 'training' && turn.trainer) {
        steps = await trainLane(turn, turn.trainer, roundSteps);
      }
      const at = now();
      if (at - windowStartAt >= 500) {
        stepsPerSecond = (windowSteps * 1000) / (at - windowStartAt);
        windowStartAt = at;
        windowSteps = 0;
      }
      return { steps, roundSteps, elapsedMs: at - startedAt };
    },
    readProgress: () => lanes.map((lane) => ({ method: lane.method, step: lane.step, totalSteps: lane.totalSteps, state: lane.state })),
    takeDeltas(all = false) {
      const deltas: AxtrainMethodDelta[] = [];
      for (const lane of lanes) {
        if (!all && !lane.changed) continue;
        deltas.push({
          method: lane.method,
          step: lane.step,
          totalSteps: lane.totalSteps,
          phase: lane.phase,
          points: lane.pending.points,
          landscape: lane.pending.landscape,
          sensitivityMap: lane.pending.sensitivityMap,
          hardware: lane.pending.hardware,
          diverged: lane.diverged,
        });
        lane.pending = emptyPending();
        lane.changed = false;
      }
      return deltas;
    },
    resetThroughput() {
      windowStartAt = now();
      windowSteps = 0;
    },
    get checkpointDue() {
      return changedSinceCheckpoint && roundQueue.length === 0 && lanes.some((lane) => lane.trainer);
    },
    async checkpoint() {
      if (roundQueue.length > 0) throw new Error('An AxTrain checkpoint is taken between two rounds');
      const saved: AxtrainCheckpoint = {
        step: Math.min(...lanes.map((lane) => lane.step)),
        backend,
        lanes: await Promise.all(
          lanes.map(async (lane) => ({
            method: lane.method,
            state: lane.state,
            step: lane.step,
            totalSteps: lane.totalSteps,
            phase: lane.phase,
            trainingMs: lane.trainingMs,
            diverged: lane.diverged ? { ...lane.diverged } : null,
            scoring: structuredClone(lane.scoring),
            trainer: lane.trainer ? await lane.trainer.checkpoint() : null,
          })),
        ),
      };
      changedSinceCheckpoint = false;
      return saved;
    },
    dispose() {
      for (const lane of lanes) {
        lane.trainer?.dispose();
        lane.trainer = null;
      }
    },
  };
}

/** The distinct ArrayBuffers behind the deltas' Float32Arrays (the sensitivity maps), for postMessage's transfer list. */
export function collectDeltaBuffers(deltas: readonly AxtrainMethodDelta[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const delta of deltas) {
    const buffer = delta.sensitivityMap?.values.buffer;
    if (buffer instanceof ArrayBuffer) buffers.add(buffer);
  }
  return [...buffers];
}
