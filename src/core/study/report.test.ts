import { describe, expect, it } from 'vitest';
import { buildStudyPlan } from './plan';
import { figureFileName, renderMarkdownTable, renderStudyReport } from './report';
import { makeFakeResult } from './testing';

describe('renderStudyReport', () => {
  it('states the budget, the wall time, the claims and every figure', () => {
    for (const size of ['quick', 'full'] as const) {
      const plan = buildStudyPlan(size);
      const results = Object.fromEntries(plan.jobs.slice(1).map((job) => [job.id, makeFakeResult(job)]));
      const text = renderStudyReport({
        version: 1,
        size,
        budgetStatement: plan.budgetStatement,
        finishedAt: '2026-01-01T00:00:00.000Z',
        wallMs: 61_000,
        environment: 'test',
        plan,
        results,
      });
      expect(text).toContain(size === 'quick' ? 'QUICK budget' : 'full budget');
      expect(text.includes('not full-budget results')).toBe(size === 'quick');
      expect(text).toContain('Wall time: 61.0 s');
      expect(text).toContain('## Claims: paper vs ours');
      for (const name of ['Fig. 2', 'Fig. 6', 'Fig. 7', 'Fig. 8', 'Fig. 9', 'Fig. 10a', 'Fig. 10c']) expect(text).toContain(`## ${name} — `);
      expect(text).toContain(`Missing jobs: ${plan.jobs[0].id}`);
      expect(text).not.toMatch(/NaN/);
      expect(text).toContain('- Initialization: authors’ code: zero biases');
      expect(text).toContain('AXNet’s ⊙c: a(i+1) = f(W(i)ᵀa(i) + b(i)) ⊙ c(i)');
    }
  });

  it('says which initialization a plan ran with, and that an old plan (no field) started at biases 0.1', () => {
    const report = (plan: ReturnType<typeof buildStudyPlan>) =>
      renderStudyReport({ version: 1, size: 'quick', budgetStatement: plan.budgetStatement, finishedAt: '', wallMs: 0, environment: 'test', plan, results: {} });
    expect(report(buildStudyPlan('quick', { initialization: 'bias0.1' }))).toContain('- Initialization: biases 0.1 (lab default)');
    const { initialization: _dropped, ...old } = buildStudyPlan('quick');
    expect(report(old as ReturnType<typeof buildStudyPlan>)).toContain('not recorded (a plan older than version 3: biases 0.1)');
  });

  it('escapes table cells and names figure files', () => {
    expect(renderMarkdownTable({ header: ['a|b'], rows: [['x\ny']] })).toBe('| a\\|b |\n|---|\n| x y |');
    expect(figureFileName({ id: 'fig10a' })).toBe('fig-10a.svg');
  });
});
