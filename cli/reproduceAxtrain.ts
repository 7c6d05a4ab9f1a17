/**
 * `axlab reproduce --paper axtrain [--quick] [--seeds N] [--out DIR] [--cache DIR]`: the AxTrain study
 * (src/core/axtrain/study.ts) in Node on tfjs cpu: every unit (data set × seed) trains bp, act, pas per NTV
 * setting and AxTrain fine-tuned per claim setting (src/ml/axtrain/study.ts); writes DIR/report.md and
 * DIR/results.json (one row per trained net: data set, seed, method, the setting it trained for, every hardware
 * result). --cache DIR keeps finished units, so an interrupted run resumes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { selectBackend } from '../src/ml/backend';
import { buildAxtrainStudyPlan, renderAxtrainStudyReport, type AxtrainStudyResults, type AxtrainStudyRow } from '../src/core/axtrain/study';
import { runAxtrainStudyUnit } from '../src/ml/axtrain/study';
import { createDirectoryCache, type ReproduceOptions } from './reproduce';

export async function runAxtrainReproduce(options: ReproduceOptions): Promise<number> {
  if (options.shard) throw new Error('--shard applies to the §V study only');
  await selectBackend('cpu');
  const plan = buildAxtrainStudyPlan({ quick: options.quick, seeds: options.seeds ?? undefined });
  const cache = options.cacheDir ? createDirectoryCache<AxtrainStudyRow[]>(resolve(options.cacheDir)) : null;
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  const started = performance.now();
  const rows: AxtrainStudyRow[] = [];
  for (const [index, unit] of plan.units.entries()) {
    const cached = await cache?.get(unit.key);
    const unitRows = cached ?? (await runAxtrainStudyUnit(unit, (line) => process.stderr.write(`  ${line}\n`)));
    if (!cached) await cache?.set(unit.key, unitRows);
    rows.push(...unitRows);
    process.stderr.write(`[${index + 1}/${plan.units.length}] ${cached ? 'cached' : 'done  '} ${unit.key} · elapsed ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const results: AxtrainStudyResults = {
    version: plan.version,
    plan: { quick: plan.quick, seeds: plan.seeds, units: plan.units.map((u) => u.key) },
    rows,
    wallMs: Math.round(performance.now() - started),
  };
  await writeFile(join(out, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  await writeFile(join(out, 'report.md'), renderAxtrainStudyReport(results));
  process.stdout.write(`AxTrain study: ${rows.length} nets in ${(results.wallMs / 1000).toFixed(0)} s → ${join(out, 'report.md')}\n`);
  return 0;
}
