/**
 * The layers of ARCHITECTURE.md as import rules (`npm run depcheck`, part of `npm test`).
 *   src/core   pure TypeScript: no tf, no React, no DOM libraries, nothing from the layers above it
 *   src/ml     tf.js, no DOM: nothing from src/state or src/ui, no React or DOM-only libraries
 *   workers/   thin message loops over src/core + src/ml: nothing from src/state or src/ui
 *   cli/       the headless entry: the same core and ml code as the browser, nothing from src/state or src/ui
 *   src/ui     reaches the workers only through the controllers in src/state, which start them with
 *              `new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), …)`; a `new URL(…)` is not an
 *              import, so dependency-cruiser does not see it and no exemption is needed.
 * TypeScript is parsed with swc: dependency-cruiser does not support TypeScript 7's compiler, and its versions that
 * parse .tsx with swc (18.x) need Node 22, while this machine has Node 20. So the .tsx files (src/ui components,
 * src/main.tsx) are left out of the cruise for now; tsc's worker config (no DOM, no JSX) already stops src/core,
 * src/ml and workers/ from importing them. On Node 22: dependency-cruiser 18, and drop the .tsx exclusion.
 * Type-only imports count like any other.
 */
/** Libraries that need a DOM (or are the UI's and the store's own): not in src/core, src/ml, workers/ or cli/. Paths of packages are resolved ones. */
const DOM_LIBRARIES = '(^|/)node_modules/(react|react-dom|uplot|recharts|zustand)/';
const TENSORFLOW = '(^|/)node_modules/@tensorflow/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core is plain TypeScript: it imports only src/core and plain libraries (no tf, no React, no DOM).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/(ml|state|ui)/', '^workers/', '^cli/', TENSORFLOW, DOM_LIBRARIES] },
    },
    {
      name: 'ml-has-no-view',
      comment: 'src/ml is tf code with no DOM: it never imports the store, the UI, React or DOM-only libraries.',
      severity: 'error',
      from: { path: '^src/ml/' },
      to: { path: ['^src/(state|ui)/', '^workers/', '^cli/', DOM_LIBRARIES] },
    },
    {
      name: 'workers-have-no-view',
      comment: 'workers/ are message loops over src/core and src/ml: no store, no UI.',
      severity: 'error',
      from: { path: '^workers/' },
      to: { path: ['^src/(state|ui)/', '^cli/', DOM_LIBRARIES] },
    },
    {
      name: 'cli-has-no-view',
      comment: 'The CLI runs the same core and ml code as the browser, without the store or the UI.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: ['^src/(state|ui)/', DOM_LIBRARIES] },
    },
    {
      name: 'ui-reaches-workers-through-state',
      comment: 'src/ui talks to workers through the store and its controllers (src/state), never by importing workers/.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^workers/' },
    },
    {
      name: 'state-has-no-view',
      comment: 'The store and its controllers never import the UI.',
      severity: 'error',
      from: { path: '^src/state/' },
      to: { path: ['^src/ui/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(dist|coverage|test-results|playwright-report)/', '\\.tsx$'] },
    parser: 'swc',
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
