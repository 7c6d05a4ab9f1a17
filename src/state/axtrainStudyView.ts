/**
 * What the Paper view's AxTrain section shows and exports, from the slice's records (axtrainStudySlice.ts): apart from
 * the slice so that the store, which loads with the first paint, does not carry the study's assembly and report code.
 */
import { assembleAxtrainStudyResults, type AxtrainStudyPlan, type AxtrainStudyResults, type AxtrainUnitRecord } from '../core/axtrain/study';

/** What the section shows and exports: the study's results from the units at hand, their count and wall time. */
export interface AxtrainStudyView {
  results: AxtrainStudyResults;
  /** Units of the plan with a record. */
  done: number;
  total: number;
  /** Σ of the units' wall times: how long the numbers on screen took to compute (cached units keep theirs). */
  wallMs: number;
}

/** Pure: the records of `plan`'s units as the study's results (rows in plan order, as `axlab reproduce --paper axtrain` writes them). */
export function selectAxtrainStudyView(plan: AxtrainStudyPlan, records: Readonly<Record<string, AxtrainUnitRecord>>): AxtrainStudyView {
  const present = plan.units.filter((u) => Object.hasOwn(records, u.key));
  const wallMs = present.reduce((sum, u) => sum + records[u.key].wallMs, 0);
  return { results: assembleAxtrainStudyResults(plan, records, wallMs), done: present.length, total: plan.units.length, wallMs };
}
