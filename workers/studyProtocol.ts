/**
 * Messages between the Paper view (src/state/studyController.ts) and a study worker
 * (workers/study.worker.ts). One worker trains one program of jobs at a time (a group of
 * src/core/study/groups.ts: its jobs as one K-model program); the page runs two of them (two cores)
 * under runStudy, which owns the order, the cache and the ETA. Cancel = terminate.
 */
import type { StudyJob } from '../src/core/study/plan';
import type { JobResult } from '../src/core/study/results';

/** id: the group's id (its first job's id). */
export type ToStudyWorkerMessage = { type: 'group'; id: string; jobs: StudyJob[] };

export type FromStudyWorkerMessage = { type: 'results'; id: string; results: JobResult[] } | { type: 'error'; id: string; message: string };
