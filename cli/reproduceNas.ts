/**
 * `axlab reproduce --paper nas [--quick] [--seeds N] [--out DIR] [--cache DIR]`: the NAS study (src/core/nas/study.ts)
 * in Node on tfjs wasm: every unit is one NAS run (SMAC, random search, enumeration) exactly as `axlab nas` and the
 * browser's NAS view run it; units of one benchmark, bound, seed and budget share their measured candidates (the
 * random search's and the enumeration's are the same whatever the weights). Writes DIR/report.md, DIR/results.json
 * and DIR/fig-nas-*.svg. --cache DIR keeps finished units, so an interrupted study resumes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { selectBackend } from '../src/ml/backend';
import {
  assembleNasStudyResults,
  buildNasStudyPlan,
  formatNasResultsJson,
  isNasUnitRecord,
  renderNasStudyFigures,
  renderNasStudyReport,
  type NasUnitRecord,
} from '../src/core/nas/study';
import type { NasMeasure } from '../src/core/nas/run';
import { createNasSession, resolveNasSessionSettings } from '../src/ml/nas/session';
import { createDirectoryCache, type ReproduceOptions } from './reproduce';

export async function runNasReproduce(options: ReproduceOptions): Promise<number> {
  if (options.shard) throw new Error('--shard applies to the §V study only');
  const selection = await selectBackend('wasm');
  const plan = buildNasStudyPlan({ quick: options.quick, seeds: options.seeds ?? undefined });
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  const cache = options.cacheDir ? createDirectoryCache<NasUnitRecord>(resolve(options.cacheDir)) : null;
  const shared = new Map<string, Map<string, NasMeasure>>();
  const records: Record<string, NasUnitRecord> = {};
  const started = performance.now();
  for (const [i, unit] of plan.units.entries()) {
    const cached = cache ? await cache.get(unit.key) : undefined;
    if (isNasUnitRecord(cached)) {
      records[unit.key] = cached;
      process.stderr.write(`[${i + 1}/${plan.units.length}] cached ${unit.key}\n`);
      continue;
    }
    const { config } = unit;
    // The method too: AXNet-NAS's axnet, onepass and iterative candidates share keys ('16r|p8') but not their measures.
    const measuresKey = `${config.method}|${config.target}|${config.boundGroup}|${config.seed}|${config.stepsPerCandidate}|${config.maxWidth}`;
    const measured = shared.get(measuresKey) ?? new Map<string, NasMeasure>();
    shared.set(measuresKey, measured);
    const unitStart = performance.now();
    const session = await createNasSession(resolveNasSessionSettings(config), measured);
    await session.run({
      onRound: (_records, round) =>
        process.stderr.write(`  ${unit.key} round ${round}: ${session.state.records.length} evaluations · ${((performance.now() - unitStart) / 1000).toFixed(0)} s\n`),
    });
    const record: NasUnitRecord = { key: unit.key, records: session.state.records, wallMs: Math.round(performance.now() - unitStart), backend: selection.backend };
    records[unit.key] = record;
    await cache?.set(unit.key, record);
    process.stderr.write(
      `[${i + 1}/${plan.units.length}] done   ${unit.key} in ${(record.wallMs / 1000).toFixed(0)} s · elapsed ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
  const results = assembleNasStudyResults(plan, records, Math.round(performance.now() - started));
  await writeFile(join(out, 'results.json'), formatNasResultsJson(results));
  await writeFile(join(out, 'report.md'), renderNasStudyReport(results));
  for (const [name, svg] of Object.entries(renderNasStudyFigures(results))) await writeFile(join(out, name), svg);
  process.stdout.write(`NAS study: ${plan.units.length} runs in ${(results.wallMs / 1000).toFixed(0)} s → ${join(out, 'report.md')}\n`);
  return 0;
}
