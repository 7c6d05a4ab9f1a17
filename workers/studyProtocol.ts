/**
 * Messages between the Paper view and a study worker (workers/study.worker.ts), for both of its studies:
 * - the AXNet (§V) study (src/state/studyController.ts): one worker trains one program of jobs at a time (a group of
 *   src/core/study/groups.ts: its jobs as one K-model program); the page runs two of them (two cores) under runStudy,
 *   which owns the order, the cache and the ETA;
 * - the AxTrain study (src/state/axtrainStudyController.ts): one worker trains one unit (data set × seed) at a time
 *   and posts a line per finished training, then the unit's rows; runAxtrainStudy owns the order, cache and ETA.
 * id names the work (a group's first job id, a unit's key). Cancel = terminate.
 */
import type { AxtrainStudyRow, AxtrainStudyUnit } from '../src/core/axtrain/study';
import type { StudyJob } from '../src/core/study/plan';
import type { JobResult } from '../src/core/study/results';

export type ToStudyWorkerMessage = { type: 'group'; id: string; jobs: StudyJob[] } | { type: 'axtrain-unit'; id: string; unit: AxtrainStudyUnit };

export type FromStudyWorkerMessage =
  | { type: 'results'; id: string; results: JobResult[] }
  | { type: 'axtrain-line'; id: string; line: string }
  | { type: 'axtrain-rows'; id: string; rows: AxtrainStudyRow[] }
  /** A sign of life after each chunk of training (the page's watchdog, src/state/studyWorkerPool.ts). */
  | { type: 'heartbeat'; id: string; step: number; chunkMs: number }
  | { type: 'error'; id: string; message: string };
