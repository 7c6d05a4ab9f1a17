import { describe, expect, it } from 'vitest';
import { formatMessage, message, type Message } from '../messages';
import golden from './fixtures/claimTexts.en.json';
import { syntheticReport } from './fixtures/hardwareReports';
import { computeAxtrainClaimMessages, computeAxtrainClaims, formatAxtrainClaim, lookupSingleRun, type AxtrainClaim, type HardwareSetting } from './report';

/** DRUM k = 1…8 (the last value repeated past the given ones), NTV at 400, 660 and 850 mV. */
const report = (acc: Parameters<typeof syntheticReport>[0], losses: number[]) => syntheticReport(acc, losses, 8);
const bp = report({ exact: 0.96, drum: [0.9, 0.95, 0.96, 0.96], ntv: [0.6, 0.9, 0.95] }, [10, 4, 2, 1.5]);
const act = report({ exact: 0.96, drum: [0.92, 0.95, 0.96, 0.96], ntv: [0.65, 0.92, 0.95] }, [5, 3, 1.5, 1.2]);
const actpas = report({ exact: 0.96, drum: [0.95, 0.96, 0.96, 0.96], ntv: [0.9, 0.95, 0.96] }, [2, 2, 1, 1]);
const ntv400: HardwareSetting = { kind: 'ntv', voltageMv: 400, flipRate: 0.1 };
const ntv660: HardwareSetting = { kind: 'ntv', voltageMv: 660, flipRate: 0.01 };
const drum1: HardwareSetting = { kind: 'drum', k: 1 };

/** Every branch of the claims: computed, and "needs" the method, BP or AxTrain; both data sets' voltages; a K → k remapping. */
const SCENARIOS: Record<Exclude<keyof typeof golden, 'about'>, () => AxtrainClaim[]> = {
  tunedNtv400: () => computeAxtrainClaimMessages('breastcancer', lookupSingleRun({ bp, act, actpas }, { actpas: ntv400 })),
  noBp: () => computeAxtrainClaimMessages('breastcancer', lookupSingleRun({ act, actpas }, { actpas: drum1 })),
  bpOnly: () => computeAxtrainClaimMessages('breastcancer', lookupSingleRun({ bp }, {})),
  digitsTuned660: () => computeAxtrainClaimMessages('digits', lookupSingleRun({ bp, act, actpas }, { actpas: ntv660 })),
  remapped: () => computeAxtrainClaimMessages('breastcancer', lookupSingleRun({ bp, act, actpas }, { actpas: drum1 }), { K1: 2, K2: 4, K3: 6 }),
};

/**
 * English words left in a Chinese text, apart from what stays as written in it: method labels and ids, hardware and
 * unit names, and the formula's subscripts (L<sub>exact</sub>). Single letters (k, p, L, E) are symbols.
 */
const KEPT_IN_CHINESE = /\b(AxTrain|act|pas|actpas|bp|BP|DRUM|NTV|mV|Fig|K[1-8])\b/g;
const englishWordsIn = (text: string) =>
  text
    .replace(/<sub>exact<\/sub>/g, ' ')
    .replace(/<\/?sub>/g, ' ')
    .replace(KEPT_IN_CHINESE, ' ')
    .match(/[A-Za-z]{2,}/g) ?? [];

const textsOf = (claim: AxtrainClaim): Message[] => [claim.figure, claim.claim, claim.reading, message('axtrainClaimNotComputed', { why: claim.reading })];

describe('AxTrain claims as Messages', () => {
  it('format in English to the sentences the CLI report printed before they were Messages', () => {
    for (const [name, compute] of Object.entries(SCENARIOS)) {
      const english = compute().map((claim) => formatAxtrainClaim(claim, 'en'));
      expect(
        english.map(({ id, figure, claim, reading }) => ({ id, figure, claim, reading })),
        name,
      ).toEqual(golden[name as keyof typeof SCENARIOS]);
    }
  });

  it('computeAxtrainClaims is the same claims formatted in English, numbers unchanged', () => {
    const lookup = lookupSingleRun({ bp, act, actpas }, { actpas: ntv400 });
    const messages = computeAxtrainClaimMessages('breastcancer', lookup);
    expect(computeAxtrainClaims('breastcancer', lookup)).toEqual(messages.map((claim) => formatAxtrainClaim(claim, 'en')));
    expect(messages.map((c) => c.ours)).toEqual(computeAxtrainClaims('breastcancer', lookup).map((c) => c.ours));
    const aggressive = messages.find((c) => c.id === 'fig7-aggressive')!;
    expect(aggressive.reading).toEqual(message('axtrainClaimFig7Reading', { runs: 50, points: '30.00' }));
  });

  it('format in Chinese with Chinese characters and no English sentence words, in every branch', () => {
    let checked = 0;
    for (const [name, compute] of Object.entries(SCENARIOS)) {
      for (const claim of compute()) {
        for (const text of textsOf(claim).map((m) => formatMessage(m, 'zh'))) {
          expect(/[\u3400-\u9fff]/.test(text), `${name} ${claim.id}: ${text}`).toBe(true);
          expect(englishWordsIn(text), `${name} ${claim.id}: ${text}`).toEqual([]);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(5 * 8 * 4);
    const [k1] = SCENARIOS.tunedNtv400();
    expect(formatAxtrainClaim(k1, 'zh')).toMatchObject({ figure: '图 6', claim: 'K1 下 AxTrain-act 相对 BP 降低归一化损失' });
  });
});
