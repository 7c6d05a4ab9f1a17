/**
 * Study slice: the Paper (§V) view's state. Results come from IndexedDB (cached jobs) and from the
 * study workers (studyController.ts); figures and claims are derived from them in the view.
 * Not part of the URL: results are never in the link (the plan and its seeds recompute them).
 */
import type { StateCreator } from 'zustand';
import type { StudySize } from '../core/study/plan';
import type { JobResult } from '../core/study/results';
import type { LabState } from './store';

export type StudyStatus = 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'error';

export interface StudyProgressView {
  done: number;
  total: number;
  cachedCount: number;
  failedCount: number;
  elapsedMs: number;
  etaMs: number | null;
  /** Labels of the jobs being trained now. */
  running: string[];
}

export interface StudySlice {
  /** The Paper (§V) view is shown instead of the lab. */
  paperOpen: boolean;
  studySize: StudySize;
  studyStatus: StudyStatus;
  studyProgress: StudyProgressView | null;
  /** Results by job id (cached or fresh) for the current size. */
  studyResults: Record<string, JobResult>;
  studyErrors: { id: string; message: string }[];
  /** Jobs trained (not taken from the cache) in this page session, for the current size. */
  studyTrainedCount: number;
  /** Wall time of the last study run, ms. */
  studyWallMs: number;
  studyMessage: string | null;
  setPaperOpen: (open: boolean) => void;
  setStudySize: (size: StudySize) => void;
  setStudyState: (patch: Partial<Pick<StudySlice, 'studyStatus' | 'studyProgress' | 'studyErrors' | 'studyWallMs' | 'studyMessage'>>) => void;
  replaceStudyResults: (results: Record<string, JobResult>) => void;
  addStudyResult: (result: JobResult) => void;
  countTrainedJob: () => void;
}

export const createStudySlice: StateCreator<LabState, [], [], StudySlice> = (set) => ({
  paperOpen: false,
  studySize: 'quick',
  studyStatus: 'idle',
  studyProgress: null,
  studyResults: {},
  studyErrors: [],
  studyTrainedCount: 0,
  studyWallMs: 0,
  studyMessage: null,
  setPaperOpen: (paperOpen) => set({ paperOpen }),
  setStudySize: (studySize) =>
    set((state) =>
      studySize === state.studySize
        ? {}
        : { studySize, studyResults: {}, studyErrors: [], studyProgress: null, studyStatus: 'idle', studyTrainedCount: 0, studyWallMs: 0, studyMessage: null },
    ),
  setStudyState: (patch) => set(patch),
  replaceStudyResults: (studyResults) => set({ studyResults }),
  addStudyResult: (result) => set((state) => ({ studyResults: { ...state.studyResults, [result.id]: result } })),
  countTrainedJob: () => set((state) => ({ studyTrainedCount: state.studyTrainedCount + 1 })),
});
