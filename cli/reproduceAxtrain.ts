/**
 * `axlab reproduce --paper axtrain [--quick] [--seeds N] [--out DIR] [--cache DIR]`: the AxTrain study
 * (src/core/axtrain/study.ts) in Node on tfjs cpu: every unit (data set × seed) trains bp, act, pas per NTV
 * setting and AxTrain fine-tuned per claim setting (src/ml/axtrain/study.ts); writes DIR/report.md and
 * DIR/results.json (one row per trained net: data set, seed, method, the setting it trained for, every hardware
 * result). --cache DIR keeps finished units, so an interrupted run resumes. The runner (src/core/axtrain/studyRunner.ts),
 * the assembly of the results and both files' text are the Paper view's too, so the browser exports the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { selectBackend } from '../src/ml/backend';
import { assembleAxtrainStudyResults, buildAxtrainStudyPlan, formatAxtrainResultsJson, renderAxtrainStudyReport, type AxtrainUnitRecord } from '../src/core/axtrain/study';
import { runAxtrainStudy } from '../src/core/axtrain/studyRunner';
import { runAxtrainStudyUnit } from '../src/ml/axtrain/study';
import { createDirectoryCache, type ReproduceOptions } from './reproduce';

export async function runAxtrainReproduce(options: ReproduceOptions): Promise<number> {
  if (options.shard) throw new Error('--shard applies to the §V study only');
  await selectBackend('cpu');
  const plan = buildAxtrainStudyPlan({ quick: options.quick, seeds: options.seeds ?? undefined });
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  const started = performance.now();
  let finished = 0;
  const run = await runAxtrainStudy(plan, {
    cache: options.cacheDir ? createDirectoryCache<AxtrainUnitRecord>(resolve(options.cacheDir)) : null,
    runUnit: (unit, { log }) =>
      runAxtrainStudyUnit(unit, (line) => {
        process.stderr.write(`  ${line}\n`);
        log(line);
      }),
    onUnit: (record, cached) => {
      finished++;
      process.stderr.write(`[${finished}/${plan.units.length}] ${cached ? 'cached' : 'done  '} ${record.key} · elapsed ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  const results = assembleAxtrainStudyResults(plan, run.records, run.wallMs);
  await writeFile(join(out, 'results.json'), formatAxtrainResultsJson(results));
  await writeFile(join(out, 'report.md'), renderAxtrainStudyReport(results));
  process.stdout.write(`AxTrain study: ${results.rows.length} nets in ${(results.wallMs / 1000).toFixed(0)} s → ${join(out, 'report.md')}\n`);
  return 0;
}
