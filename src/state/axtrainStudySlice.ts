/**
 * AxTrain study slice: the Paper view's AxTrain (ISLPED'18) section. Unit records come from IndexedDB (cached units)
 * and from the study worker (axtrainStudyController.ts); the claims and tables are derived from them in the view,
 * through the same pure code as `axlab reproduce --paper axtrain` (src/core/axtrain/study.ts). Not part of the URL:
 * the plan and its seeds recompute the results.
 */
import type { StateCreator } from 'zustand';
import type { AxtrainUnitRecord } from '../core/axtrain/study';
import type { AxtrainStudyProgress } from '../core/axtrain/studyRunner';
import type { LabState } from './store';
import type { StudyStatus } from './studySlice';

/** The plan's two budgets (buildAxtrainStudyPlan): quick = CI-sized, 1 seed; full = the reference's epochs, 3 seeds. */
export const AXTRAIN_BUDGETS = ['quick', 'full'] as const;
export type AxtrainBudget = (typeof AXTRAIN_BUDGETS)[number];

export interface AxtrainStudySlice {
  axtrainBudget: AxtrainBudget;
  axtrainStatus: StudyStatus;
  axtrainProgress: AxtrainStudyProgress | null;
  /** Finished units of the current budget (cached or fresh), by unit key. */
  axtrainRecords: Record<string, AxtrainUnitRecord>;
  /** Units read from the cache (not trained) for the current budget. */
  axtrainCachedCount: number;
  /** Units trained in this page session, for the current budget. */
  axtrainTrainedCount: number;
  axtrainMessage: string | null;
  setAxtrainBudget: (budget: AxtrainBudget) => void;
  setAxtrainState: (patch: Partial<Pick<AxtrainStudySlice, 'axtrainStatus' | 'axtrainProgress' | 'axtrainMessage'>>) => void;
  /** Replaces every record (the cache as read): all of them count as cached. */
  replaceAxtrainRecords: (records: Record<string, AxtrainUnitRecord>) => void;
  addAxtrainRecord: (record: AxtrainUnitRecord, cached: boolean) => void;
}

const EMPTY_RESULTS = { axtrainRecords: {}, axtrainCachedCount: 0, axtrainTrainedCount: 0, axtrainProgress: null, axtrainMessage: null } as const;

export const createAxtrainStudySlice: StateCreator<LabState, [], [], AxtrainStudySlice> = (set) => ({
  axtrainBudget: 'quick',
  axtrainStatus: 'idle',
  ...EMPTY_RESULTS,
  setAxtrainBudget: (axtrainBudget) => set((state) => (axtrainBudget === state.axtrainBudget ? {} : { axtrainBudget, axtrainStatus: 'idle', ...EMPTY_RESULTS })),
  setAxtrainState: (patch) => set(patch),
  replaceAxtrainRecords: (records) => set({ axtrainRecords: { ...records }, axtrainCachedCount: Object.keys(records).length, axtrainTrainedCount: 0 }),
  addAxtrainRecord: (record, cached) =>
    set((state) => {
      const known = Object.hasOwn(state.axtrainRecords, record.key);
      return {
        axtrainRecords: { ...state.axtrainRecords, [record.key]: record },
        axtrainCachedCount: state.axtrainCachedCount + (cached && !known ? 1 : 0),
        axtrainTrainedCount: state.axtrainTrainedCount + (cached ? 0 : 1),
      };
    }),
});
