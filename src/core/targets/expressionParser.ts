/**
 * mathjs' expression parser (`parse` of mathjs/number, a hand-written recursive-descent parser), loaded on demand: it is
 * about 40 kB gzip, and only the custom target needs it (customFunction.ts). Every entry that may read a custom function
 * awaits loadExpressionParser() first: the CLI at its start, the workers through loadTargetData('custom'), the page
 * before a link or a target switch brings the custom target in (src/state/expressionParserGate.ts), and the tests in
 * their setup. Before that, customFunction.ts refuses an expression with a clear message instead of parsing it.
 */
import type { MathNode } from 'mathjs/number';

export type ParseExpression = (text: string) => MathNode;

let parse: ParseExpression | null = null;
let loading: Promise<void> | null = null;

export function loadExpressionParser(): Promise<void> {
  if (parse) return Promise.resolve();
  loading ??= import('mathjs/number').then(
    ({ create, parseDependencies }) => {
      parse = create({ parseDependencies }).parse;
    },
    (error: unknown) => {
      loading = null; // a failed chunk load (offline) may be retried
      throw error;
    },
  );
  return loading;
}

/** The parser once loadExpressionParser() has resolved, else null. */
export function getExpressionParser(): ParseExpression | null {
  return parse;
}
