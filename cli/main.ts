/**
 * axlab: the headless entry of AXNet Lab. Same core and ml code as the browser (STYLE.md: one model,
 * two runtimes); in Node the tfjs backend is cpu (default) or wasm.
 *
 *   axlab targets
 *   axlab eval <target>                       rows on stdin → exact outputs on stdout
 *   axlab drum <k>                            integer pairs `a b` on stdin → signed DRUM-k products on stdout
 *   axlab axtrain '<link>' [--json]           AxTrain's methods on the link's data, on every hardware setting (cli/axtrain.ts)
 *   axlab nas '<link>' [--json]               the NAS search (SMAC, random, enumeration) on the link's nas=<target> (cli/nas.ts)
 *   axlab train '<link or #hash>' [--json] [--backend cpu|wasm]
 *   axlab bench-node [--steps N] [--quick] [--out FILE]  steps/s of the trainer vs a naive Layers-API model.fit,
 *                                             and model-steps/s of K-model groups vs PyTorch (bench/nodeBench.ts)
 *   axlab reproduce [--quick] [--init ID] [--out DIR] [--shard i/n]   the §V study (or shard i of n) → report.md, results.json, fig-*.svg (cli/reproduce.ts)
 *   axlab merge DIR… [--out DIR]              the shards' results → the report of a single run
 *   axlab sweep '<link or #hash>' [--json] [--backend cpu|wasm]   every variant of the link's sweep (cli/sweep.ts)
 */
import { getTarget, isTargetId, listTargets } from '../src/core/targets';
import { parseLink, problemsText } from '../src/core/link';
import { loadExpressionParser } from '../src/core/targets/expressionParser';
import { CliUsageError, checkWritableOutput, describeFileError, formatTable, parseIntegerArgument, rejectUnknownOptions, takeFlag, takeOption } from './args';
import { parseDecimal } from '../src/core/decimal';
import { TARGET_DOMAINS, findDomainViolation } from '../src/core/targets/domains';
import type { TargetId } from '../src/core/targets/types';
import { DRUM_K_MAX } from '../src/core/approx/drum';
import { computeDrumProducts, parseDrumK } from './drum';

/** Exit code for bad input (usage errors, unknown targets, malformed rows). */
export const EXIT_USAGE = 2;

/** Every usage error of the commands (their own classes extend it). */
const UsageError = CliUsageError;

const USAGE = `Usage:
  axlab targets                                   list the targets
  axlab eval <target>                             read input rows (whitespace-separated) on stdin, print exact outputs
  axlab drum <k>                                  read integer pairs \`a b\` on stdin, one per line; print each signed
                                                  DRUM-k product (sign-magnitude, k = 1…${DRUM_K_MAX}), one per line
  axlab axtrain '<link or #hash>' [--json] [--backend cpu|wasm] [--quiet]
                                                  AxTrain (ISLPED'18): train bp, act, pas, actpas on the link's ax=<dataset>
                                                  and print clean accuracy, S(w), accuracy on DRUM k = 1…8 and NTV 400/660/850 mV
                                                  (mean ± std over ax.runs masks), energy estimates and the paper's claims
  axlab nas '<link or #hash>' [--json] [--backend cpu|wasm] [--quiet]
                                                  NAS (DATE'20): SMAC, random search and the MICRO'12 enumeration on the
                                                  link's nas=<target> at one budget; prints each front, the three online
                                                  picks and the timings; --json: every evaluation, fronts, picks;
                                                  nas.method=axnet|onepass|iterative: AXNet-NAS (approximator + predictor
                                                  widths, scored by true invocation and the whole system's NPU cost)
  axlab train '<link or #hash>' [--json] [--backend cpu|wasm] [--hardware [--pas-steps N]]
                                                  train every method the link names and print the final §V metrics;
                                                  --hardware: AXNet's fused net also on DRUM k = 1…8 and NTV 400/660/850 mV;
                                                  --pas-steps N: and a copy fine-tuned N steps on each (noise-aware, AxTrain-pas)
  axlab sweep '<link or #hash>' [--json] [--backend cpu|wasm]
                                                  train every variant of the link's sweep (sweep=…&sweepValues=… or
                                                  sweepRange=from:to:count[:log], sweepSeeds=N) as one model group
                                                  and print one row per variant
  axlab npu '<link or #hash>' [--json] [--sample K] train as the link says, then run test sample K on the NPU model
                                                  (stages, cycles, energy per component) and print test-set aggregates;
                                                  with methods=axnet,onepass,iterative one gain row per method (Fig. 10b)
  axlab bench-node [--steps N] [--json] [--quick] [--out FILE]
                                                  training steps/s on cpu and wasm vs a naive tfjs model.fit, and
                                                  model-steps/s of K = 1, 8, 64, 256 models (--quick: 1, 8) vs PyTorch
  axlab reproduce [--quick] [--init ID] [--out DIR] [--jobs N] [--cache DIR] [--shard i/n]
                                                  train the §V study (Fig. 2, 6–9, 10a, 10c); write DIR/report.md,
                                                  DIR/results.json, DIR/fig-*.svg (default DIR ./reproduce-out);
                                                  --init authorsZeroBias (default, the authors' code) or bias0.1;
                                                  --shard i/n trains only shard i of n (1-based) for axlab merge
  axlab merge DIR… [--out DIR]                    combine the shards' results.json into the report of a single run`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function formatNumber(value: number): string {
  // Shortest text that reads back to the same float64.
  return String(value);
}

function runTargets(): void {
  const rows = listTargets().map((t) => [t.id, `${t.inputDim}→${t.outputDim}`, t.errorMetric, String(t.boundPresets[0]?.value ?? ''), t.title]);
  const header = ['id', 'dims', 'metric', 'bound', 'title'];
  printTable(header, rows);
}

async function runEval(args: string[]): Promise<void> {
  const id = args[0];
  if (!id) throw new UsageError('eval needs a target id, e.g. `axlab eval bessel_Jnu`');
  rejectUnknownOptions(args, 'eval');
  if (args.length > 1) throw new UsageError(`eval takes one target id, not ${args.length} arguments (the rows come on stdin)`);
  if (!isTargetId(id))
    throw new UsageError(
      `Unknown target: ${id}. Known: ${listTargets()
        .map((t) => t.id)
        .join(', ')}`,
    );
  process.stdout.write(evaluateRows(id, await readStdin()));
}

/**
 * The exact outputs of `target` for the stdin rows in `text`, one line each (blank lines and `#` comments
 * skipped). Every field must be a decimal number (src/core/decimal.ts) and every row inside the target's domain
 * (src/core/targets/domains.ts); the first bad line throws a usage error naming its number, before anything is printed.
 */
function evaluateRows(id: TargetId, text: string): string {
  const target = getTarget(id);
  const output = new Float64Array(target.outputDim);
  const lines: string[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    if (fields.length !== target.inputDim) throw new UsageError(`line ${k + 1}: expected ${target.inputDim} numbers for ${id}, got ${fields.length}`);
    const input = fields.map((field) => {
      const value = parseDecimal(field);
      if (value === null) throw new UsageError(`line ${k + 1}: not a decimal number: ${JSON.stringify(field)} (write digits, like 0.5 or 1e-3)`);
      return value;
    });
    const violation = findDomainViolation(id, input, target.inputNames);
    if (violation) throw new UsageError(`line ${k + 1}: outside the domain of ${id} (${TARGET_DOMAINS[id].description}): ${violation}`);
    target.evaluate(input, output);
    if (!output.every(Number.isFinite)) throw new UsageError(`line ${k + 1}: ${id} is not finite at this input`);
    lines.push(Array.from(output, formatNumber).join(' '));
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `axlab drum <k>`: the signed DRUM-k product of each stdin pair (cli/drum.ts). */
async function runDrum(args: string[]): Promise<void> {
  const k = parseDrumK(args);
  const lines = computeDrumProducts(await readStdin(), k);
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
}

async function runTrain(argsIn: string[]): Promise<void> {
  const args = [...argsIn];
  const json = takeFlag(args, '--json');
  const backendArg = takeOption(args, '--backend');
  const quiet = takeFlag(args, '--quiet');
  const hardware = takeFlag(args, '--hardware');
  const pasStepsText = takeOption(args, '--pas-steps');
  const pasSteps = pasStepsText === undefined ? 0 : parseIntegerArgument(pasStepsText, '--pas-steps', 0, 1e6);
  if (pasSteps > 0 && !hardware) throw new UsageError('--pas-steps needs --hardware');
  rejectUnknownOptions(args, 'train');
  if (args.length !== 1) throw new UsageError(`train needs exactly one link or hash, e.g. axlab train '#steps=500&seed=3'`);
  const { config, problems } = parseLink(args[0]);
  if (problems.length > 0) throw new UsageError(`Bad link:\n  ${problemsText(problems).join('\n  ')}`);
  await loadTensorflow();
  const { trainLink } = await import('./train');
  await trainLink(config, { json, quiet, backendArg, hardware: hardware ? { pasSteps } : null });
}

/**
 * tf.js, loaded only by the commands that train (0.5 s of start-up on this machine, measured): usage errors and
 * `targets`, `eval` and `drum` answer without it. The cpu backend's "install tfjs-node" banner goes to stderr;
 * PROD silences it.
 */
async function loadTensorflow(): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  tf.env().set('PROD', true);
}

function printTable(header: string[], rows: string[][]): void {
  process.stdout.write(`${formatTable(header, rows)}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  await loadExpressionParser(); // every command may read a link with a custom function (expressionParser.ts)
  switch (command) {
    case 'targets':
      return runTargets();
    case 'eval':
      return runEval(rest);
    case 'drum':
      return runDrum(rest);
    case 'train':
      return runTrain(rest);
    // Their usage errors (SweepUsageError, NpuUsageError, …) extend CliUsageError: exit 2 with the message.
    case 'axtrain': {
      await loadTensorflow();
      const { runAxtrain } = await import('./axtrain');
      return runAxtrain(rest);
    }
    case 'nas': {
      const { runNas } = await import('./nas');
      return runNas(rest);
    }
    case 'sweep': {
      await loadTensorflow();
      const { runSweep } = await import('./sweep');
      process.exitCode = await runSweep(rest);
      return;
    }
    case 'npu': {
      await loadTensorflow();
      const { runNpu } = await import('./npu');
      return runNpu(rest);
    }
    case 'bench-node': {
      const args = [...rest];
      const json = takeFlag(args, '--json');
      const quick = takeFlag(args, '--quick');
      const out = takeOption(args, '--out');
      const stepsText = takeOption(args, '--steps');
      const steps = stepsText === undefined ? (quick ? 100 : 300) : parseIntegerArgument(stepsText, '--steps', 10, 1e7);
      rejectUnknownOptions(args, 'bench-node');
      if (args.length) throw new UsageError(`bench-node takes no arguments besides its options, not ${JSON.stringify(args[0])}`);
      if (out !== undefined) checkWritableOutput(out, 'file');
      await loadTensorflow();
      const { runNodeBench } = await import('../bench/nodeBench');
      await runNodeBench({ steps, json, quick, out });
      return;
    }
    case 'reproduce': {
      const { parseReproduceArgs, runReproduce } = await import('./reproduce');
      const options = parseReproduceArgs(rest, (message) => {
        throw new UsageError(message);
      });
      checkWritableOutput(options.out, 'directory');
      if (options.cacheDir !== null) checkWritableOutput(options.cacheDir, 'directory', '--cache');
      await loadTensorflow();
      process.exitCode = await runReproduce(options);
      return;
    }
    case 'merge': {
      const { parseMergeArgs, runMerge } = await import('./reproduce');
      const fail = (message: string): never => {
        throw new UsageError(message);
      };
      const options = parseMergeArgs(rest, fail);
      checkWritableOutput(options.out, 'directory');
      process.exitCode = await runMerge(options, fail);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`Unknown command: ${command}\n${USAGE}`);
  }
}

/** Node's system errors (file system, sockets) carry a code and a syscall; they are the user's environment, not a bug. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Every failure ends in one line on stderr and an exit code, never a stack trace (issue 12 item 8): usage errors
 * exit 2; file-system errors name the path and exit 1; anything else is a bug, reported by its message (the stack
 * with AXLAB_DEBUG=1) with exit 1. A reader that closes the pipe early (`axlab targets | head -1`) ends the
 * program quietly with exit 0: nobody is left to read the rest.
 */
function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`axlab: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (isSystemError(error)) {
    process.stderr.write(`axlab: cannot ${error.syscall}${error.path ? ` ${error.path}` : ''}: ${describeFileError(error)}\n`);
    return 1;
  }
  const debug = process.env.AXLAB_DEBUG === '1';
  const text = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`axlab: ${text}\n${debug ? '' : '(set AXLAB_DEBUG=1 for the stack trace)\n'}`);
  return 1;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.exitCode = reportFailure(error);
});
// A closed stderr has no one to tell; the exit code still says how the run went.
process.stderr.on('error', () => {});
main(process.argv.slice(2)).catch((error: unknown) => {
  process.exitCode = reportFailure(error);
});
