/**
 * The user's own target function (issue 13): an expression y = f(x0, …, x(n−1)), n = 1…4, typed in the lab,
 * trained like a benchmark (data, training, surfaces, metrics, NPU).
 *
 * Safety: the text is untrusted (it travels in links). It is
 *  1. refused above CUSTOM_FUNCTION_LIMITS.maxLength characters before anything parses it;
 *  2. parsed by mathjs' `parse` (a hand-written recursive-descent parser: no `eval`, no `new Function`);
 *  3. walked node by node: only the node types and names of the whitelist below pass (numbers, x0…x3, pi, e,
 *     + − * / ^, unary ±, parentheses and the functions of CUSTOM_FUNCTIONS), within limits on depth and
 *     node count; anything else (`constructor`, `import(…)`, assignments, strings, matrices, property access,
 *     comparisons, conditionals) is refused with a message naming it;
 *  4. evaluated by this module's own closures over the validated tree (mathjs' evaluator is never used);
 *  5. checked to be finite on a grid over the input ranges.
 *
 * The CPU-path cost of one call is estimated from the operation count (CUSTOM_OP_INSTRUCTIONS, an estimate in
 * the same units and rules as src/core/npu/cpuCost.ts: dynamic x86-64 instructions).
 */
import type { MathNode } from 'mathjs/number';
import { getExpressionParser } from './expressionParser';
import type { Rng } from '../rng';
import { CUSTOM_LAB_DEFAULTS, CUSTOM_MAX_INPUTS, type CustomFunctionConfig } from './customDefaults';
import { makeAxnetPreset, makeBaselinePreset } from './topologies';
import type { TargetSpec } from './types';
import { formatMessage, message, type Message } from '../messages';

export type { CustomFunctionConfig } from './customDefaults';

export const CUSTOM_FUNCTION_LIMITS = {
  /** Characters of the expression; longer text is refused before parsing. */
  maxLength: 200,
  /** Depth of the expression tree (parentheses do not count). */
  maxDepth: 20,
  /** Nodes of the expression tree (numbers, inputs, operators, calls). */
  maxNodes: 100,
  /** Inputs x0 … x(maxInputs−1). */
  maxInputs: CUSTOM_MAX_INPUTS,
  /** |lo|, |hi| of every input range. */
  maxRangeMagnitude: 1e6,
  /** Grid points of the finiteness check (per input: ⌊maxGridPoints^(1/n)⌋, at least 2). */
  maxGridPoints: 4096,
} as const;

type Evaluator = (x: ArrayLike<number>) => number;

interface FunctionRule {
  /** Allowed argument counts. */
  arity: readonly number[];
  apply: (...args: number[]) => number;
  /** Estimated dynamic instructions of one call (see CUSTOM_OP_INSTRUCTIONS). */
  instructions: number;
}

/**
 * Estimated x86-64 dynamic instructions per operation (estimate, same rule as cpuCost.ts: 1 per arithmetic
 * instruction, a libm call ≈40–100). Shown in the UI with the total.
 */
export const CUSTOM_OP_INSTRUCTIONS = {
  /** Loading an input or a constant. */
  load: 1,
  /** + − * / and unary − (one addsd/subsd/mulsd/divsd/xorpd). */
  arithmetic: 1,
  /** ^ and pow (libm pow). */
  pow: 100,
  /** sqrt (one sqrtsd), abs (andpd), min/max (minsd/maxsd), floor/ceil/round (roundsd), sign (2 compares). */
  simple: 1,
  /** exp, log, log2, log10, sin, cos, tan, cbrt (libm). */
  libm: 40,
  /** asin, acos, atan, sinh, cosh, tanh (libm). */
  libmInverse: 50,
  /** atan2, hypot (libm). */
  libmTwoArgument: 60,
  /** Call and return of the function itself. */
  callOverhead: 10,
} as const;

const I = CUSTOM_OP_INSTRUCTIONS;

/** The whitelisted functions, by the name typed in the expression. A Map: no prototype keys. */
export const CUSTOM_FUNCTIONS: ReadonlyMap<string, FunctionRule> = new Map<string, FunctionRule>([
  ['sin', { arity: [1], apply: Math.sin, instructions: I.libm }],
  ['cos', { arity: [1], apply: Math.cos, instructions: I.libm }],
  ['tan', { arity: [1], apply: Math.tan, instructions: I.libm }],
  ['asin', { arity: [1], apply: Math.asin, instructions: I.libmInverse }],
  ['acos', { arity: [1], apply: Math.acos, instructions: I.libmInverse }],
  ['atan', { arity: [1], apply: Math.atan, instructions: I.libmInverse }],
  ['atan2', { arity: [2], apply: Math.atan2, instructions: I.libmTwoArgument }],
  ['sinh', { arity: [1], apply: Math.sinh, instructions: I.libmInverse }],
  ['cosh', { arity: [1], apply: Math.cosh, instructions: I.libmInverse }],
  ['tanh', { arity: [1], apply: Math.tanh, instructions: I.libmInverse }],
  ['exp', { arity: [1], apply: Math.exp, instructions: I.libm }],
  ['log', { arity: [1], apply: Math.log, instructions: I.libm }],
  ['log2', { arity: [1], apply: Math.log2, instructions: I.libm }],
  ['log10', { arity: [1], apply: Math.log10, instructions: I.libm }],
  ['sqrt', { arity: [1], apply: Math.sqrt, instructions: I.simple }],
  ['cbrt', { arity: [1], apply: Math.cbrt, instructions: I.libm }],
  ['abs', { arity: [1], apply: Math.abs, instructions: I.simple }],
  ['sign', { arity: [1], apply: Math.sign, instructions: 2 * I.simple }],
  ['floor', { arity: [1], apply: Math.floor, instructions: I.simple }],
  ['ceil', { arity: [1], apply: Math.ceil, instructions: I.simple }],
  ['round', { arity: [1], apply: Math.round, instructions: I.simple }],
  ['min', { arity: [2, 3, 4], apply: Math.min, instructions: I.simple }],
  ['max', { arity: [2, 3, 4], apply: Math.max, instructions: I.simple }],
  ['pow', { arity: [2], apply: Math.pow, instructions: I.pow }],
  ['hypot', { arity: [2, 3, 4], apply: Math.hypot, instructions: I.libmTwoArgument }],
]);

/** Named constants an expression may use. */
const CUSTOM_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** The binary and unary operators that pass, by mathjs' function name. */
const BINARY_OPERATORS: ReadonlyMap<string, (a: number, b: number) => number> = new Map([
  ['add', (a: number, b: number) => a + b],
  ['subtract', (a: number, b: number) => a - b],
  ['multiply', (a: number, b: number) => a * b],
  ['divide', (a: number, b: number) => a / b],
  ['pow', (a: number, b: number) => a ** b],
]);

const INPUT_PATTERN = /^x([0-3])$/;

export interface CompiledCustomFunction {
  /** The expression as typed (trimmed). */
  expression: string;
  /** n: one more than the highest input index used (x1 alone gives 2 inputs). */
  inputCount: number;
  /** y = f(x) over the validated tree. */
  evaluate: Evaluator;
  /** Nodes of the tree (parentheses not counted). */
  nodeCount: number;
  depth: number;
  /** Estimated dynamic instructions of one call (CUSTOM_OP_INSTRUCTIONS summed over the tree, plus the call). */
  cpuInstructions: number;
  /** The count in words, for the UI: e.g. "2 libm calls (80), 3 arithmetic (3), …". */
  cpuCostBreakdown: string;
}

/** A refusal: `problem` in any language (src/core/messages.ts), `message` its English (the link's notices, the CLI). */
export type CustomFunctionResult = { ok: true; value: CompiledCustomFunction } | { ok: false; message: string; problem: Message };

const refuse = (problem: Message): CustomFunctionResult => ({ ok: false, message: formatMessage(problem, 'en'), problem });

class ExpressionError extends Error {
  constructor(readonly problem: Message) {
    super(formatMessage(problem, 'en'));
  }
}

/** "2, 3 or 4" as a message (the last two joined by the language's "or"). */
function orList(values: readonly number[]): Message | string {
  if (values.length === 1) return String(values[0]);
  return message('orList', { first: values.slice(0, -1).join(', '), last: values[values.length - 1] });
}

/** Shortens untrusted text for a message. */
function show(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 30 ? `“${printable.slice(0, 30)}…”` : `“${printable}”`;
}

interface Tally {
  nodes: number;
  maxInput: number;
  instructions: number;
  counts: Map<string, { count: number; instructions: number }>;
}

function tally(t: Tally, label: string, instructions: number): void {
  t.instructions += instructions;
  const entry = t.counts.get(label) ?? { count: 0, instructions: 0 };
  entry.count += 1;
  entry.instructions += instructions;
  t.counts.set(label, entry);
}

/** Walks one node of the parsed tree: refuses anything outside the whitelist, returns its evaluator. */
function build(node: MathNode, depth: number, t: Tally): { evaluate: Evaluator; depth: number } {
  if (node.type === 'ParenthesisNode') return build((node as unknown as { content: MathNode }).content, depth, t);
  if (depth > CUSTOM_FUNCTION_LIMITS.maxDepth) throw new ExpressionError(message('customTooDeep', { max: CUSTOM_FUNCTION_LIMITS.maxDepth }));
  t.nodes += 1;
  if (t.nodes > CUSTOM_FUNCTION_LIMITS.maxNodes) throw new ExpressionError(message('customTooManyParts', { max: CUSTOM_FUNCTION_LIMITS.maxNodes }));
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') throw new ExpressionError(message('customConstantKind'));
      if (!Number.isFinite(value)) throw new ExpressionError(message('customNumberInfinite'));
      tally(t, 'loads', I.load);
      return { evaluate: () => value, depth };
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      const input = INPUT_PATTERN.exec(name);
      if (input) {
        const index = Number(input[1]);
        t.maxInput = Math.max(t.maxInput, index);
        tally(t, 'loads', I.load);
        return { evaluate: (x) => x[index], depth };
      }
      const constant = CUSTOM_CONSTANTS.get(name);
      if (constant !== undefined) {
        tally(t, 'loads', I.load);
        return { evaluate: () => constant, depth };
      }
      throw new ExpressionError(message('customUnknownName', { name: show(name) }));
    }
    case 'OperatorNode': {
      const { fn, op, args } = node as unknown as { fn: string; op: string; args: MathNode[] };
      if (args.length === 1 && (fn === 'unaryMinus' || fn === 'unaryPlus')) {
        const inner = build(args[0], depth + 1, t);
        if (fn === 'unaryPlus') return inner;
        tally(t, 'arithmetic', I.arithmetic);
        return { evaluate: (x) => -inner.evaluate(x), depth: inner.depth };
      }
      const apply = BINARY_OPERATORS.get(fn);
      if (apply === undefined || args.length !== 2) throw new ExpressionError(message('customOperator', { op: show(op) }));
      const a = build(args[0], depth + 1, t);
      const b = build(args[1], depth + 1, t);
      if (fn === 'pow') tally(t, 'pow', I.pow);
      else tally(t, 'arithmetic', I.arithmetic);
      const left = a.evaluate;
      const right = b.evaluate;
      return { evaluate: (x) => apply(left(x), right(x)), depth: Math.max(a.depth, b.depth) };
    }
    case 'FunctionNode': {
      const { fn, args } = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : null;
      const rule = name === null ? undefined : CUSTOM_FUNCTIONS.get(name);
      if (name === null || rule === undefined) {
        throw new ExpressionError(message('customFunctionRefused', { name: show(name ?? fn.type), allowed: [...CUSTOM_FUNCTIONS.keys()].join(', ') }));
      }
      if (!rule.arity.includes(args.length))
        throw new ExpressionError(
          rule.arity.length === 1 && rule.arity[0] === 1
            ? message('customArityOne', { name, count: args.length })
            : message('customArityMany', { name, arity: orList(rule.arity), count: args.length }),
        );
      const built = args.map((arg) => build(arg, depth + 1, t));
      tally(t, rule.instructions >= I.libm ? 'libm calls' : 'simple functions', rule.instructions);
      const evaluators = built.map((b) => b.evaluate);
      const apply = rule.apply;
      const evaluate: Evaluator =
        evaluators.length === 1
          ? (x) => apply(evaluators[0](x))
          : evaluators.length === 2
            ? (x) => apply(evaluators[0](x), evaluators[1](x))
            : (x) => apply(...evaluators.map((e) => e(x)));
      return { evaluate, depth: Math.max(...built.map((b) => b.depth)) };
    }
    default:
      throw new ExpressionError(message('customNodeRefused', { what: describeNode(node.type) }));
  }
}

function describeNode(type: string): Message | string {
  switch (type) {
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return message('nodeAssignment');
    case 'AccessorNode':
    case 'IndexNode':
      return message('nodeAccess');
    case 'ArrayNode':
    case 'ObjectNode':
      return message('nodeMatrix');
    case 'ConditionalNode':
      return message('nodeConditional');
    case 'BlockNode':
      return message('nodeBlock');
    case 'RangeNode':
      return message('nodeRange');
    case 'RelationalNode':
      return message('nodeComparison');
    default:
      return `${type.replace(/Node$/, '')}`;
  }
}

/** Parses and validates `expression` (steps 1–4 above); does not check finiteness (see checkCustomFunction). */
export function compileCustomFunction(expression: string): CustomFunctionResult {
  if (typeof expression !== 'string') return refuse(message('customNotText'));
  if (expression.length > CUSTOM_FUNCTION_LIMITS.maxLength) return refuse(message('customTooLong', { length: expression.length, max: CUSTOM_FUNCTION_LIMITS.maxLength }));
  const text = expression.trim();
  if (text === '') return refuse(message('customEmpty'));
  const parse = getExpressionParser();
  if (!parse) return refuse(message('customParserNotLoaded'));
  let root: MathNode;
  try {
    root = parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(message('customParse', { detail: detail.slice(0, 120) }));
  }
  const t: Tally = { nodes: 0, maxInput: -1, instructions: 0, counts: new Map() };
  let built: { evaluate: Evaluator; depth: number };
  try {
    built = build(root, 1, t);
  } catch (error) {
    if (error instanceof ExpressionError) return refuse(error.problem);
    // A RangeError (call-stack overflow) cannot happen within maxLength, but is refused the same way.
    return refuse(message('customTooComplex'));
  }
  tally(t, 'call overhead', I.callOverhead);
  const cpuCostBreakdown = [...t.counts.entries()].map(([label, { count, instructions }]) => `${count} ${label} (${instructions})`).join(', ');
  return {
    ok: true,
    value: {
      expression: text,
      inputCount: Math.max(1, t.maxInput + 1),
      evaluate: built.evaluate,
      nodeCount: t.nodes,
      depth: built.depth,
      cpuInstructions: t.instructions,
      cpuCostBreakdown,
    },
  };
}

/** Why `range` is not a usable input range, or null. */
export function findRangeProblem(range: readonly [number, number], name: string): Message | null {
  const [lo, hi] = range;
  const limit = CUSTOM_FUNCTION_LIMITS.maxRangeMagnitude;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return message('customRangeFinite', { name });
  if (Math.abs(lo) > limit || Math.abs(hi) > limit) return message('customRangeLimit', { name, limit });
  if (!(lo < hi)) return message('customRangeOrder', { name, lo, hi });
  return null;
}

/**
 * The first grid point where `fn` is not finite on the ranges, or null: ⌊maxGridPoints^(1/n)⌋ points per input
 * (ends included), evaluated on float32-rounded inputs like the dataset (sampleTargetRows).
 */
export function findNonFinitePoint(fn: CompiledCustomFunction, ranges: readonly (readonly [number, number])[]): { point: number[]; value: number } | null {
  const n = fn.inputCount;
  const perAxis = Math.max(2, Math.floor(CUSTOM_FUNCTION_LIMITS.maxGridPoints ** (1 / n) + 1e-9));
  const total = perAxis ** n;
  const point = new Float64Array(n);
  for (let index = 0; index < total; index++) {
    let rest = index;
    for (let i = 0; i < n; i++) {
      const step = rest % perAxis;
      rest = Math.floor(rest / perAxis);
      const [lo, hi] = ranges[i];
      point[i] = Math.fround(lo + ((hi - lo) * step) / (perAxis - 1));
    }
    const value = fn.evaluate(point);
    if (!Number.isFinite(value)) return { point: [...point], value };
  }
  return null;
}

/** Full check of a custom target: the expression compiles, its ranges are valid and it is finite on them. */
export function checkCustomFunction(config: Readonly<CustomFunctionConfig>): CustomFunctionResult {
  const compiled = compileCustomFunction(config.expression);
  if (!compiled.ok) return compiled;
  const fn = compiled.value;
  for (let i = 0; i < fn.inputCount; i++) {
    const range = config.ranges[i];
    if (range === undefined) return refuse(message('customNoRange', { name: `x${i}` }));
    const problem = findRangeProblem(range, `x${i}`);
    if (problem) return refuse(problem);
  }
  const bad = findNonFinitePoint(fn, config.ranges);
  if (bad) {
    const where = bad.point.map((value, i) => `x${i} = ${Number(value.toPrecision(4))}`).join(', ');
    return refuse(message('customNotFinite', { where, value: String(bad.value) }));
  }
  return compiled;
}

/** Which custom targets were already built (expression and ranges): the UI and the dataset ask often. */
const SPEC_CACHE = new Map<string, TargetSpec>();
const SPEC_CACHE_SIZE = 16;

/** The key of a custom config: the expression and the ranges of the inputs it uses. */
export function customFunctionKey(config: Readonly<CustomFunctionConfig>): string {
  return JSON.stringify([config.expression, config.ranges]);
}

/**
 * The TargetSpec of a custom function (throws with the check's message when it is invalid: the link and the
 * UI only store checked configs). One output, absolute error, inputs uniform on their ranges.
 */
export function buildCustomTarget(config: Readonly<CustomFunctionConfig>): TargetSpec {
  const key = customFunctionKey(config);
  const cached = SPEC_CACHE.get(key);
  if (cached) return cached;
  const checked = checkCustomFunction(config);
  if (!checked.ok) throw new Error(`Invalid custom function: ${checked.message}`);
  const fn = checked.value;
  const n = fn.inputCount;
  const ranges = config.ranges.slice(0, n).map(([lo, hi]) => [lo, hi] as const);
  const inputNames = Array.from({ length: n }, (_, i) => `x${i}`);
  const approximator = [n, ...CUSTOM_LAB_DEFAULTS.approximatorHidden, 1];
  const spec: TargetSpec = {
    id: 'custom',
    title: `Custom: ${fn.expression}`,
    description: `Your own function y = ${fn.expression}, inputs ${inputNames.map((name, i) => `${name} ∈ [${ranges[i][0]}, ${ranges[i][1]}]`).join(', ')}, drawn uniformly.`,
    inputDim: n,
    outputDim: 1,
    inputNames,
    outputNames: ['y'],
    errorMetric: 'absolute',
    boundPresets: [
      {
        value: CUSTOM_LAB_DEFAULTS.errorBound,
        source: 'custom function: lab default, measured for sin(3*x0)*exp(-x1) on [0, 1]² (customDefaults.ts); scale it to your function’s range',
      },
      { value: 0.01, source: 'custom function: a tighter bound' },
      { value: 0.05, source: 'custom function: a looser bound (the default function is then safe everywhere)' },
    ],
    topologies: [
      makeAxnetPreset(approximator, CUSTOM_LAB_DEFAULTS.predictorHidden, 'custom function: lab default (unverified)'),
      makeBaselinePreset(approximator, CUSTOM_LAB_DEFAULTS.predictorHidden, 'custom function: baseline classifier of the same width'),
    ],
    evaluate(input: ArrayLike<number>, output: Float64Array): void {
      output[0] = fn.evaluate(input);
    },
    sampleInput(rng: Rng, output: Float64Array): void {
      for (let i = 0; i < n; i++) output[i] = ranges[i][0] + (ranges[i][1] - ranges[i][0]) * rng.next();
    },
    inputRanges: ranges,
  };
  if (SPEC_CACHE.size >= SPEC_CACHE_SIZE) SPEC_CACHE.delete(SPEC_CACHE.keys().next().value as string);
  SPEC_CACHE.set(key, spec);
  return spec;
}
