/**
 * The warning before Play starts a run of legal but extreme size (issue 12): the run's estimate (src/core/runEstimate.ts)
 * on the backend it will use, from the speed this browser measured for that backend when one is known (the backend
 * measurement, cached or fresh, and the live steps/s of earlier runs, each turned into MAC/s by its own net's step), and
 * the smaller config "Shrink" offers, which leaves a class link's locked or hidden controls alone.
 */
import type { ClassId } from '../core/classroom/classIds';
import type { ClassroomLink } from '../core/classroom/classLink';
import { BACKEND_CHAIN, type BackendName, type LabConfig, type MethodId } from '../core/config';
import { estimateRun, estimateRunWork, findExtremeReasons, shrinkConfig, throughputFromMeasurement, type RunEstimate, type ShrinkField } from '../core/runEstimate';
import { resolveTarget } from '../core/targets';
import { planSweep, type SweepSpec } from '../core/sweep';
import type { BackendAttempt } from '../../workers/protocol';
import { configChangeMessages } from './runChange';
import type { Message } from '../core/messages';

/** MAC/s per backend, the latest measured in this page. */
const measuredMacPerSecond: Partial<Record<BackendName, number>> = {};

function isBackendName(name: string): name is BackendName {
  return (BACKEND_CHAIN as readonly string[]).includes(name);
}

function stepMacsOf(config: Readonly<LabConfig>): number {
  return estimateRunWork(config, config.methods[0] ?? 'axnet', resolveTarget(config)).stepMacs;
}

/** Notes the speeds a worker reported for `config`: its backend measurement and its live rate. */
export function noteMeasuredSpeeds(config: Readonly<LabConfig>, report: readonly BackendAttempt[] | null, backend: string | null, stepsPerSecond: number): void {
  const rated = [...(report ?? []).map((attempt) => ({ name: attempt.name, rate: attempt.stepsPerSecond })), { name: backend ?? '', rate: stepsPerSecond }];
  const macs = stepMacsOf(config);
  for (const { name, rate } of rated) {
    if (isBackendName(name) && rate !== undefined && Number.isFinite(rate) && rate > 0) measuredMacPerSecond[name] = throughputFromMeasurement(rate, macs);
  }
}

/** Forgets the measured speeds (tests). */
export function forgetMeasuredSpeeds(): void {
  for (const name of BACKEND_CHAIN) delete measuredMacPerSecond[name];
}

/**
 * The estimate of `config` on its backend: a forced one's measured speed, for 'auto' the fastest measured; else the table.
 * A comparison (several methods) trains its lanes at once: the estimate of its longest lane (iterative's budget is 16×
 * AXNet's), with the slowest step and the memory of all lanes together.
 */
export function estimateConfig(config: Readonly<LabConfig>): RunEstimate {
  const methods: readonly MethodId[] = config.methods.length > 0 ? config.methods : ['axnet'];
  const lanes = methods.map((method) => estimateMethod(config, method));
  if (lanes.length === 1) return lanes[0];
  const longest = lanes.reduce((a, b) => (b.runMs > a.runMs ? b : a));
  return { ...longest, stepMs: Math.max(...lanes.map((lane) => lane.stepMs)), memoryBytes: lanes.reduce((sum, lane) => sum + lane.memoryBytes, 0) };
}

function estimateMethod(config: Readonly<LabConfig>, method: MethodId): RunEstimate {
  const shape = resolveTarget(config);
  if (config.backend !== 'auto') return estimateRun(config, method, shape, config.backend, measuredMacPerSecond[config.backend]);
  const fastest = BACKEND_CHAIN.filter((name) => measuredMacPerSecond[name] !== undefined).sort((a, b) => (measuredMacPerSecond[b] ?? 0) - (measuredMacPerSecond[a] ?? 0))[0];
  return fastest ? estimateRun(config, method, shape, fastest, measuredMacPerSecond[fastest]) : estimateRun(config, method, shape, 'auto');
}

/** The config fields behind each class-link control id that Shrink would change. */
const SHRINK_FIELDS_BY_CONTROL: Partial<Record<ClassId, readonly ShrinkField[]>> = {
  topology: ['approximatorHidden', 'predictorHidden'],
  advanced: ['batchSize', 'trainSize', 'testSize'],
  steps: ['steps'],
};

/** Fields a class link locks or hides: the user cannot change them, so neither does Shrink. */
export function frozenShrinkFields(classroom: Readonly<ClassroomLink>): Set<ShrinkField> {
  const frozen = new Set<ShrinkField>();
  for (const id of [...classroom.lock, ...classroom.hide]) for (const field of SHRINK_FIELDS_BY_CONTROL[id] ?? []) frozen.add(field);
  return frozen;
}

export interface ExtremeRunQuestion {
  estimate: RunEstimate;
  /** The smaller config Shrink applies, and its changes in words (empty: nothing may shrink). */
  shrunk: LabConfig;
  changes: Message[];
}

/**
 * A sweep trains all its variants as one model group (one program, K models a step): the sum of the variants' estimates
 * (step, run, work and memory). Null when the sweep cannot be planned (it says why itself when it starts).
 */
export function estimateSweep(spec: SweepSpec, config: Readonly<LabConfig>): RunEstimate | null {
  const { plan } = planSweep(spec, config);
  if (!plan || plan.variants.length === 0) return null;
  const variants = plan.variants.map((variant) => estimateMethod(variant.config, plan.method));
  const sum = (pick: (estimate: RunEstimate) => number) => variants.reduce((total, estimate) => total + pick(estimate), 0);
  return {
    ...variants[0],
    stepMacs: sum((e) => e.stepMacs),
    evalMacs: sum((e) => e.evalMacs),
    dataValues: sum((e) => e.dataValues),
    parameters: sum((e) => e.parameters),
    memoryBytes: sum((e) => e.memoryBytes),
    stepMs: sum((e) => e.stepMs),
    evalMs: sum((e) => e.evalMs),
    dataMs: sum((e) => e.dataMs),
    runMs: sum((e) => e.runMs),
  };
}

/**
 * The question to ask before `config` starts, or null when its estimate passes no threshold. `estimate`: the run's own
 * when it is not the config's (a sweep: estimateSweep).
 */
export function askAboutExtremeRun(config: Readonly<LabConfig>, classroom: Readonly<ClassroomLink>, estimate: RunEstimate = estimateConfig(config)): ExtremeRunQuestion | null {
  if (findExtremeReasons(estimate).length === 0) return null;
  const shrunk = shrinkConfig(config as LabConfig, frozenShrinkFields(classroom));
  return { estimate, shrunk, changes: configChangeMessages(config, shrunk) };
}
