import { beforeEach, describe, expect, it } from 'vitest';
import { buildAxtrainStudyPlan, type AxtrainUnitRecord } from '../core/axtrain/study';
import { buildQuickStudyRecords, QUICK_STUDY_RESULTS } from '../core/axtrain/fixtures/quickStudy';
import { selectAxtrainStudyView } from './axtrainStudyView';
import { useLabStore } from './store';

const plan = buildAxtrainStudyPlan({ quick: true });
const records = buildQuickStudyRecords();
const [first, second] = plan.units.map((u) => records[u.key]);

describe('AxTrain study slice', () => {
  beforeEach(() => {
    useLabStore.getState().setAxtrainBudget('quick');
    useLabStore.getState().replaceAxtrainRecords({});
    useLabStore.getState().setAxtrainState({ axtrainStatus: 'idle', axtrainProgress: null, axtrainMessage: null });
  });

  it('starts on the quick budget with nothing', () => {
    const s = useLabStore.getState();
    expect(s).toMatchObject({ axtrainBudget: 'quick', axtrainStatus: 'idle', axtrainRecords: {}, axtrainCachedCount: 0, axtrainTrainedCount: 0 });
  });

  it('counts cached and trained units apart, and a unit read twice once', () => {
    const s = useLabStore.getState();
    s.addAxtrainRecord(first, true);
    s.addAxtrainRecord(first, true);
    s.addAxtrainRecord(second, false);
    expect(useLabStore.getState()).toMatchObject({ axtrainCachedCount: 1, axtrainTrainedCount: 1 });
    expect(Object.keys(useLabStore.getState().axtrainRecords)).toEqual([first.key, second.key]);
    useLabStore.getState().replaceAxtrainRecords({ [first.key]: first });
    expect(useLabStore.getState()).toMatchObject({ axtrainCachedCount: 1, axtrainTrainedCount: 0 });
  });

  it('switching budget drops the other budget’s results; choosing the same budget keeps them', () => {
    useLabStore.getState().addAxtrainRecord(first, false);
    useLabStore.getState().setAxtrainState({ axtrainStatus: 'done', axtrainMessage: 'x' });
    useLabStore.getState().setAxtrainBudget('quick');
    expect(Object.keys(useLabStore.getState().axtrainRecords)).toHaveLength(1);
    useLabStore.getState().setAxtrainBudget('full');
    expect(useLabStore.getState()).toMatchObject({
      axtrainBudget: 'full',
      axtrainStatus: 'idle',
      axtrainRecords: {},
      axtrainTrainedCount: 0,
      axtrainProgress: null,
      axtrainMessage: null,
    });
  });

  it('the view: rows in plan order, units done, and the wall time as the sum of the units’ own', () => {
    const all = selectAxtrainStudyView(plan, { [second.key]: second, [first.key]: first });
    expect(all).toMatchObject({ done: 2, total: 2, wallMs: QUICK_STUDY_RESULTS.wallMs });
    expect(all.results).toEqual(QUICK_STUDY_RESULTS);
    const some = selectAxtrainStudyView(plan, { [second.key]: second });
    expect(some).toMatchObject({ done: 1, total: 2, wallMs: second.wallMs });
    expect(some.results.rows).toEqual(second.rows);
    // A record of a unit outside the plan (another budget) is not counted.
    const stranger: AxtrainUnitRecord = { ...first, key: 'v1-breastcancer-s9-e1-p1-r1' };
    expect(selectAxtrainStudyView(plan, { [stranger.key]: stranger })).toMatchObject({ done: 0, wallMs: 0, results: { rows: [] } });
  });
});
