/**
 * Messages between the Paper view (src/state/studyController.ts) and a study worker
 * (workers/study.worker.ts). One worker trains one study job at a time; the page runs two of them
 * (two cores) under runStudy, which owns the order, the cache and the ETA. Cancel = terminate.
 */
import type { StudyJob } from '../src/core/study/plan';
import type { JobResult } from '../src/core/study/results';

export type ToStudyWorkerMessage = { type: 'job'; job: StudyJob };

export type FromStudyWorkerMessage =
  | { type: 'result'; id: string; result: JobResult }
  | { type: 'error'; id: string; message: string };
