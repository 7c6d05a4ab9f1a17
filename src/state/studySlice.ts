/**
 * Study slice: the Paper (§V) view's state. Results come from IndexedDB (cached jobs) and from the
 * study workers (studyController.ts); figures and claims are derived from them in the view.
 * Not part of the URL: results are never in the link (the plan and its seeds recompute them).
 */
import type { StateCreator } from 'zustand';
import type { StudySize } from '../core/study/plan';
import { STUDY_PROTOCOLS, type StudyProtocol } from '../core/study/protocols';
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
  /** The budget protocol the figures and per-figure verdicts are read under (./core/study/protocols.ts); no retraining. */
  studyProtocol: StudyProtocol;
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
  setStudyProtocol: (protocol: StudyProtocol) => void;
  setStudyState: (patch: Partial<Pick<StudySlice, 'studyStatus' | 'studyProgress' | 'studyErrors' | 'studyWallMs' | 'studyMessage'>>) => void;
  replaceStudyResults: (results: Record<string, JobResult>) => void;
  addStudyResult: (result: JobResult) => void;
  countTrainedJob: () => void;
}

export const createStudySlice: StateCreator<LabState, [], [], StudySlice> = (set) => ({
  paperOpen: false,
  studySize: 'quick',
  studyProtocol: STUDY_PROTOCOLS[0],
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
  setStudyProtocol: (studyProtocol) => set(STUDY_PROTOCOLS.includes(studyProtocol) ? { studyProtocol } : {}),
  setStudyState: (patch) => set(patch),
  replaceStudyResults: (studyResults) => set({ studyResults }),
  addStudyResult: (result) => set((state) => ({ studyResults: { ...state.studyResults, [result.id]: result } })),
  countTrainedJob: () => set((state) => ({ studyTrainedCount: state.studyTrainedCount + 1 })),
});
