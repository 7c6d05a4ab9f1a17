import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildQuickStudyRecords, QUICK_STUDY_RESULTS } from '../../core/axtrain/fixtures/quickStudy';
import { buildAxtrainStudyPlan, formatAxtrainResultsJson, renderAxtrainStudyReport } from '../../core/axtrain/study';
import { buildStudyPlan } from '../../core/study/plan';
import type { JobResult } from '../../core/study/results';
import { selectAxtrainStudyView } from '../../state/axtrainStudyView';
import { RESULTS_CSV_HEADER, buildStudyReport, escapeCsvField, renderAxtrainExports, renderResultsCsv } from './exports';

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

  it('AxTrain: the browser’s report.md and results.json are renderAxtrainStudyReport and the CLI’s JSON of the same rows', () => {
    const plan = buildAxtrainStudyPlan({ quick: true });
    const records = buildQuickStudyRecords();
    // The rows as the Paper view holds them: one cached record per unit, in any order.
    const { results } = selectAxtrainStudyView(plan, Object.fromEntries(Object.entries(records).reverse()));
    const files = renderAxtrainExports(results);
    expect(files.markdown.name).toBe('axtrain-study-quick-report.md');
    expect(files.json.name).toBe('axtrain-study-quick-results.json');
    // The same rows assembled as `axlab reproduce --paper axtrain` does (its rows in unit order, its wall time).
    const cliResults = {
      version: plan.version,
      plan: { quick: true, seeds: 1, units: plan.units.map((u) => u.key) },
      rows: QUICK_STUDY_RESULTS.rows,
      wallMs: QUICK_STUDY_RESULTS.wallMs,
    };
    expect(files.markdown.text).toBe(renderAxtrainStudyReport(cliResults));
    expect(files.json.text).toBe(formatAxtrainResultsJson(cliResults));
    // And the files that command wrote for these rows, byte for byte.
    const dir = new URL('../../core/axtrain/fixtures/quick-study/', import.meta.url);
    expect(files.markdown.text).toBe(readFileSync(new URL('report.md', dir), 'utf8'));
    expect(files.json.text).toBe(readFileSync(new URL('results.json', dir), 'utf8'));
    expect(renderAxtrainExports({ ...results, plan: { ...results.plan, quick: false } }).json.name).toBe('axtrain-study-full-results.json');
  });
});
