/**
 * NPU cycle/energy model of AXNet (paper §IV, Fig. 5). Pure TypeScript: no DOM, no tf.
 *
 * API
 * - NPU_CONSTANTS / resolveNpuConstant(id, overrides): the cited energy and clock table
 *   ({ value, unit, citation, status: 'verified' | 'paper' | 'unverified' | 'estimate' }).
 * - NpuParams, DEFAULT_NPU_PARAMS, NPU_PARAM_FIELDS ({ key, field, min, max | values }), clampNpuParams(untrusted),
 *   diffNpuParams(params) / readNpuParams(entries): the architecture as a flat record for share links;
 *   edited constants travel as `e.<constantId>` in params.constantOverrides.
 *   params.hardware (`npu.hw`): exact, DRUM-k (k = 1…8) or NTV at 400 / 660 / 850 mV (src/core/approx/npuHardware.ts).
 * - resolveEnergyRates(params): pJ per MAC, activate, ⊙c multiply, word access (weight buffer, I/O buffers,
 *   on-chip memory, DRAM), word on the bus, controller decision and CPU instruction, each with its source constants;
 *   on DRUM-k the MAC's multiplier and on NTV the weight buffer are priced by src/core/approx/energy.ts.
 * - getCpuPathCost(targetId) / CPU_PATH_COSTS / makeCpuPathCost(n): estimated instructions per call of the exact
 *   function (status 'estimate').
 * - scheduleInference(weights, input, params, { cpuCost, decision? }) → NpuInferenceSchedule: float64 forward
 *   (P(x), c, H(x)), the five stages with per-neuron / per-transfer events, counts, energy per component (pJ, with
 *   citations), cycles, utilization, pJ/MAC, and a Timeloop-style summary
 *   `${cycles} cycles · ${pJ/MAC} pJ/MAC · ${util}% util · ${energy} pJ/inference`.
 * - scheduleBaselineInference({ approximator, classifier }, …): the same for onepass / iterative (no ⊙c).
 * - aggregateAxnetCost / aggregateBaselineCost(…, inputs [samples × inputDim], params, { cpuCost, predictedSafe? }):
 *   mean energy and cycles per inference, CPU-only energy, energy-efficiency gain E_cpu_only / E_avg, speedup;
 *   reweightNpuAggregate(aggregate, f, …): the same at another predicted invocation f (e.g. on approximate hardware).
 *
 * - scheduleApproximatorOnly(layers, activations, input, params): a lone approximator (DATE'20's NAS candidates: no
 *   predictor, no controller), per-layer relu / sigmoid / tanh (the sigmoid-table lookup, activationLutCycles, estimate);
 *   aggregateApproximatorCost(widths, activations, params, { cpuCost }) and nasHardwareCost(N, M, NasConfig, params,
 *   cpuCost): E_NPU, t_NPU, energy reduction E_CPU/E_NPU and speedup t_CPU/t_NPU from the shapes alone.
 * - NPU_PARAM_PRESETS / getNpuPreset(id) / findNpuPreset(params): the MICRO 2012 default and an Eyeriss-like preset.
 *
 * Units: energy in pJ, time in NPU cycles at params.clockHz (CPU time converted), sizes in words of params.wordBits.
 */
export * from './constants';
export * from './params';
export * from './energy';
export * from './cpuCost';
export * from './schedule';
export * from './aggregate';
export * from './approximatorCost';
