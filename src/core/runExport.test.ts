import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig } from './config';
import { formatHash } from './link';
import { RUN_CSV_HEADER, buildRunJson, buildWeightsJson, formatReproduceCommand, quoteShellWord, renderRunCsv, runFileStem } from './runExport';
import type { EvaluationPoint } from './weights';

function point(step: number, trueInvocation: number, overallError: number | null): EvaluationPoint {
  return {
    step,
    loss: 0.5,
    mse: 0.1,
    crossEntropy: 0.4,
    loneTrueInvocation: null,
    metrics: {
      trueInvocation,
      predictedInvocation: 0.25,
      predictionAccuracy: 0.5,
      overallError,
      overallErrorWorstOutput: overallError,
      codeAgreement: 0.75,
      codeOverallError: 0.01,
      samples: 512,
      safeCount: 100,
      predictedSafeCount: 128,
    },
  };
}

const config = cloneConfig(DEFAULT_CONFIG);
config.seed = 7;
const run = { config, hash: formatHash(config), backend: 'cpu', evaluations: [point(100, 0.125, 0.02), point(200, 0.5, null)], step: 200 };

describe('run exports (issue 13)', () => {
  it('writes one CSV row per evaluation with seed, backend and link on each, an empty field for an undefined error', () => {
    const lines = renderRunCsv(run).trimEnd().split('\r\n');
    expect(lines[0]).toBe(RUN_CSV_HEADER.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1].split(',').slice(0, 5)).toEqual(['100', '0.125', '0.25', '0.5', '0.02']);
    expect(lines[2].split(',')[4]).toBe('');
    expect(lines[2].endsWith(`,7,cpu,${run.hash}`)).toBe(true);
  });

  it('the JSON carries the link, the command, seed, backend and every evaluation', () => {
    const json = buildRunJson(run, '2026-12-02T00:00:00.000Z');
    expect(json).toMatchObject({ format: 'axnet-lab-run', version: 1, seed: 7, backend: 'cpu', step: 200, link: '#v=1&seed=7' });
    expect(json.command).toBe("npx axlab train '#v=1&seed=7&backend=cpu' --json");
    expect(json.evaluations).toEqual(run.evaluations);
    expect(JSON.parse(JSON.stringify(json)).config.customFunction.expression).toBe('sin(3*x0)*exp(-x1)');
  });

  it('pins the backend the page ran on in the command unless the link names one, and quotes for the shell', () => {
    expect(formatReproduceCommand('#v=1&backend=wasm', 'cpu')).toBe("npx axlab train '#v=1&backend=wasm' --json");
    expect(formatReproduceCommand('#v=1', null)).toBe("npx axlab train '#v=1' --json");
    expect(quoteShellWord("it's")).toBe("'it'\\''s'");
    expect(runFileStem({ target: 'custom', seed: 3 }, 40)).toBe('axnet-custom-seed3-step40');
  });

  it('writes the weights as plain arrays with the forward rule', () => {
    const layer = { fanIn: 1, fanOut: 2, kernel: Float32Array.from([0.5, -1]), bias: Float32Array.from([0, 0.25]) };
    const json = buildWeightsJson({ approximator: [layer], predictor: [layer], fusedLayers: [0] }, '#v=1', 9);
    expect(json.approximator[0]).toEqual({ fanIn: 1, fanOut: 2, kernel: [0.5, -1], bias: [0, 0.25] });
    expect(json).toMatchObject({ step: 9, fusedLayers: [0], predictionOutput: 'softmax', controlPlacement: 'afterActivation' });
  });
});
