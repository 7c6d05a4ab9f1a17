/**
 * NAS study slice: the Paper view's NAS (DATE'20) section. Unit records (one NAS run each) come from IndexedDB and
 * from the NAS worker (nasStudyController.ts); the figures and tables are derived in the view through the same pure
 * code as `axlab reproduce --paper nas` (src/core/nas/study.ts). Not part of the URL: the plan recomputes them.
 */
import type { StateCreator } from 'zustand';
import type { NasUnitRecord } from '../core/nas/study';
import type { LabState } from './store';
import type { StudyStatus } from './studySlice';

export const NAS_STUDY_BUDGETS = ['quick', 'full'] as const;
export type NasStudyBudget = (typeof NAS_STUDY_BUDGETS)[number];

export interface NasStudyProgress {
  done: number;
  total: number;
  /** The run in progress (its unit key) and its evaluations so far. */
  running: string | null;
  evaluations: number;
}

export interface NasStudySlice {
  nasStudyBudget: NasStudyBudget;
  nasStudyStatus: StudyStatus;
  nasStudyProgress: NasStudyProgress | null;
  nasStudyRecords: Record<string, NasUnitRecord>;
  nasStudyMessage: string | null;
  setNasStudyBudget: (budget: NasStudyBudget) => void;
  setNasStudyState: (patch: Partial<Pick<NasStudySlice, 'nasStudyStatus' | 'nasStudyProgress' | 'nasStudyMessage'>>) => void;
  replaceNasStudyRecords: (records: Record<string, NasUnitRecord>) => void;
  addNasStudyRecord: (record: NasUnitRecord) => void;
}

export const createNasStudySlice: StateCreator<LabState, [], [], NasStudySlice> = (set) => ({
  nasStudyBudget: 'quick',
  nasStudyStatus: 'idle',
  nasStudyProgress: null,
  nasStudyRecords: {},
  nasStudyMessage: null,
  setNasStudyBudget: (nasStudyBudget) =>
    set((state) => (nasStudyBudget === state.nasStudyBudget ? {} : { nasStudyBudget, nasStudyStatus: 'idle', nasStudyRecords: {}, nasStudyProgress: null, nasStudyMessage: null })),
  setNasStudyState: (patch) => set(patch),
  replaceNasStudyRecords: (records) => set({ nasStudyRecords: { ...records } }),
  addNasStudyRecord: (record) => set((state) => ({ nasStudyRecords: { ...state.nasStudyRecords, [record.key]: record } })),
});
