import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const AXLAB = new URL('./axlab.js', import.meta.url).pathname;

describe('axlab axtrain', () => {
  it("trains the link's methods and prints every hardware setting, the modes and the claims as JSON", async () => {
    const { stdout } = await run('node', [AXLAB, 'axtrain', '#ax=breastcancer&ax.epochs=2&ax.pasEpochs=1&ax.runs=3&ax.methods=bp,actpas', '--json', '--quiet']);
    const report = JSON.parse(stdout);
    expect(report.runs.map((r: { method: string }) => r.method)).toEqual(['bp', 'actpas']);
    expect(report.runs[0].steps).toBe(16);
    expect(report.runs[1].steps).toBe(24);
    expect(report.runs[0].hardware.results).toHaveLength(12);
    expect(report.runs[1].hardware.results.at(-1).accuracy.runs).toBe(3);
    expect(report.modes).toHaveLength(2);
    expect(report.claims.map((c: { figure: string }) => c.figure)).toContain('Fig. 7');
    expect(report.claims.find((c: { id: string }) => c.id === 'fig7-aggressive').ours).toEqual(expect.any(Number));
  }, 60_000);

  it('refuses a link without an AxTrain part, with exit code 2', async () => {
    const failure = await run('node', [AXLAB, 'axtrain', '#seed=3']).catch((error: { code: number; stderr: string }) => error);
    expect((failure as { code: number }).code).toBe(2);
    expect((failure as { stderr: string }).stderr).toMatch(/no AxTrain part/);
  });
});
