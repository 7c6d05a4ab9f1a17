import { describe, expect, it } from 'vitest';
import { buildStudyPlan } from '../../core/study/plan';
import type { JobResult } from '../../core/study/results';
import { RESULTS_CSV_HEADER, buildStudyReport, escapeCsvField, renderResultsCsv } from './exports';

describe('study exports', () => {
  it('escapes CSV fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(escapeCsvField('plain')).toBe('plain');
    expect(escapeCsvField('a,b')).toBe('"a,b"');
    expect(escapeCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes one row per plan job, with values only where a result exists', () => {
    const plan = buildStudyPlan('quick');
    const job = plan.jobs[0];
    const metrics = {
      trueInvocation: 0.5,
      predictedInvocation: 0.25,
      predictionAccuracy: 0.2,
      overallError: 0.01,
      overallErrorWorstOutput: 0.01,
      codeAgreement: 0.9,
      codeOverallError: 0.005,
      samples: 512,
      safeCount: 256,
      predictedSafeCount: 128,
    };
    const point = { step: 200, metrics, loss: 1, mse: 0.5, crossEntropy: 0.5, loneTrueInvocation: null };
    const result: JobResult = {
      id: job.id,
      target: job.target,
      method: job.method,
      metrics: point,
      history: [point],
      params: 99,
      trainingMs: 1234.5,
      topology: job.topology,
      totalSteps: 200,
      diverged: null,
      backend: 'cpu',
      notes: ['a note, with a comma'],
    };
    const csv = renderResultsCsv(plan, { [job.id]: result });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(plan.jobs.length + 1);
    expect(lines[0]).toBe(RESULTS_CSV_HEADER.join(','));
    expect(lines[1]).toContain(`${job.id},`);
    expect(lines[1]).toContain(',99,200,1235,0.5,0.25,0.2,0.01,cpu,false,,"a note, with a comma"');
    expect(lines[2].endsWith('not run')).toBe(true);
    const report = buildStudyReport(plan, { [job.id]: result }, 1000, 'test');
    expect(report.size).toBe('quick');
    expect(Object.keys(report.results)).toEqual([job.id]);
  });
});
