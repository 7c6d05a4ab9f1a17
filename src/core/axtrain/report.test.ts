import { describe, expect, it } from 'vitest';
import { syntheticReport } from './fixtures/hardwareReports';
import { lookupSingleRun, AXTRAIN_PAPER_CLAIMS, computeAxtrainClaims, computeMeanStd, readNtvVoltagePair, readTrainingSetting, selectApproximateModes } from './report';

const report = syntheticReport;

describe('AxTrain report', () => {
  it('mean ± sample std', () => {
    expect(computeMeanStd([1, 2, 3])).toEqual({ mean: 2, std: 1, runs: 3 });
    expect(computeMeanStd([4])).toEqual({ mean: 4, std: 0, runs: 1 });
    expect(computeMeanStd([]).runs).toBe(0);
  });

  it("computes the paper's Fig. 6 and Fig. 7 claims from our reports, only where the net was fine-tuned for the setting", () => {
    const bp = report({ exact: 0.96, drum: [0.9, 0.95, 0.96, 0.96], ntv: [0.6, 0.9, 0.95] }, [10, 4, 2, 1.5]);
    const act = report({ exact: 0.96, drum: [0.92, 0.95, 0.96, 0.96], ntv: [0.65, 0.92, 0.95] }, [5, 3, 1.5, 1.2]);
    const actpas = report({ exact: 0.96, drum: [0.95, 0.96, 0.96, 0.96], ntv: [0.9, 0.95, 0.96] }, [2, 2, 1, 1]);
    const claims = computeAxtrainClaims('breastcancer', lookupSingleRun({ bp, act, actpas }, { actpas: { kind: 'ntv', voltageMv: 400, flipRate: 0.1 } }));
    const byId = Object.fromEntries(claims.map((c) => [c.id, c]));
    // act at K1 → k = 1: 1 − 5/10 = 50 %; K2: 1 − 3/4 = 25 %; K3: 1 − 1.5/2 = 25 %.
    expect(byId['fig6-act-K1'].ours).toBeCloseTo(50, 10);
    expect(byId['fig6-act-K2'].ours).toBeCloseTo(25, 10);
    expect(byId['fig6-act-K3'].paper).toBe(AXTRAIN_PAPER_CLAIMS.fig6Act.K3);
    // actpas was fine-tuned for NTV 400 mV: its DRUM claims are not computed, and say why.
    expect(byId['fig6-actpas-K1'].ours).toBeNull();
    expect(byId['fig6-actpas-K1'].reading).toMatch(/trained for DRUM-1/);
    // Fig. 7 aggressive (breast cancer: 400 mV): (0.9 − 0.6)/0.6 = 50 %, absolute 30 points.
    expect(byId['fig7-aggressive'].ours).toBeCloseTo(50, 10);
    expect(byId['fig7-aggressive'].reading).toMatch(/absolute: 30\.00 points/);
    expect(byId['fig7-conservative'].ours).toBeNull(); // 660 mV: not the setting actpas was tuned for
    // A user mapping K1 → k = 2 moves the K1 claim.
    const remapped = computeAxtrainClaims('breastcancer', lookupSingleRun({ bp, act }, {}), { K1: 2 });
    expect(remapped.find((c) => c.id === 'fig6-act-K1')!.ours).toBeCloseTo(25, 10);
  });

  it('mode selection: the most aggressive k and the lowest voltage within 2 points of exact', () => {
    const r = report({ exact: 0.96, drum: [0.9, 0.945, 0.95, 0.96], ntv: [0.6, 0.95, 0.96] }, [10, 4, 2, 1.5]);
    const modes = selectApproximateModes('bp', r);
    expect(modes.drum).toEqual({ k: 2, accuracy: 0.945, energyRatio: 0.2 });
    expect(modes.ntv).toEqual({ voltageMv: 660, accuracy: 0.95, energyRatio: 0.36 });
    expect(selectApproximateModes('bp', report({ exact: 0.96, drum: [0.5, 0.5, 0.5, 0.5], ntv: [0.5, 0.5, 0.5] }, [1, 1, 1, 1])).drum).toBeNull();
  });

  it('Tab. 1 voltage pairs and the training setting of a config', () => {
    expect(readNtvVoltagePair('breastcancer')).toMatchObject({ aggressiveMv: 400, conservativeMv: 660 });
    expect(readNtvVoltagePair('digits')).toMatchObject({ aggressiveMv: 660, conservativeMv: 850 });
    expect(readTrainingSetting({ hardware: 'drum', drumK: 3, ntvVoltageMv: 400 })).toEqual({ kind: 'drum', k: 3 });
    expect(readTrainingSetting({ hardware: 'ntv', drumK: 3, ntvVoltageMv: 660 })).toEqual({ kind: 'ntv', voltageMv: 660, flipRate: 0.01 });
  });
});
