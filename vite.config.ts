import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built lab (issue 12 item 10), one list for the meta tag and the headers.
 * - script-src 'self' 'wasm-unsafe-eval': the bundle, the module workers (worker-src falls back to script-src, so
 *   no blob: is needed: wasm runs single-threaded, src/ml/backend.ts) and tfjs-backend-wasm's WebAssembly
 *   compilation; no 'unsafe-eval', no 'unsafe-inline'.
 * - style-src 'self': the bundled CSS file. React writes style={…} through the CSSOM (element.style), which CSP
 *   does not govern (only style="…" in parsed markup and <style> elements are), measured in Chromium by
 *   e2e/csp.spec.ts: zero violations while the lab trains and the charts draw.
 * - img-src 'self' blob: data:: the Paper view renders its SVG figures to PNG through a blob: URL (src/ui/paper/download.ts).
 * - connect-src 'self': the .wasm files; frame-ancestors only works as a header (a meta tag must leave it out, or
 *   Chromium logs an error).
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** The headers of `vite preview`; a host that serves dist/ should send the same. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=(), payment=()',
};

/**
 * The dev server cannot run under the strict policy: Vite injects its CSS as <style> elements and
 * @vitejs/plugin-react an inline React-refresh preamble. It gets the other headers and a policy that allows
 * exactly those two (dev only; the build and `vite preview` are strict).
 */
const DEV_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'",
    "style-src 'self' 'unsafe-inline'",
  ),
};

/** Writes the policy as the first element of <head> in the built index.html (not in dev, see DEV_HEADERS). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'axlab-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicyMeta(),
    // Offline use (issue 13): a Workbox service worker precaches the build (every file with its revision, so a new
    // build replaces the old one) and an installable manifest. src/state/offline.ts registers it and raises the
    // "update available" notice; in the dev server the plugin does nothing (devOptions off).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The globs below already take the icons and favicon.svg; the plugin's own copies would list them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'AXNet Lab',
        short_name: 'AXNet Lab',
        description: 'Train an AXNet (approximator + predictor fused by control vectors) live in your browser, online or off.',
        theme_color: '#1559b0',
        background_color: '#f5f6f8',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Everything the lab and its workers load: JS chunks, CSS, the page, the tfjs-backend-wasm .wasm files (Vite
        // assets, workers/prepareWasm.ts), the photographs and icons. The plugin adds manifest.webmanifest itself.
        globPatterns: ['**/*.{js,css,html,wasm,png,svg}'],
        // Not precached: the benchmark page (bench/, `npm run bench` only) and the multi-threaded wasm, which the lab
        // never loads (WASM_HAS_MULTITHREAD_SUPPORT is off, src/ml/backend.ts).
        globIgnores: ['bench/**', 'assets/bench-*.js', 'assets/bench.worker-*.js', 'assets/*threaded-simd*.wasm'],
        // The largest chunk (tfjs core, ~1.6 MB) is under Workbox's 2 MiB default; 4 MiB leaves room without hiding a runaway chunk.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // The first visit is controlled as soon as the precache is complete, so it works offline without a second load.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/bench\//],
      },
    }),
  ],
  // Absolute asset URLs: a link with an extra path (/foo/#v=1) loads the lab from the preview server's SPA
  // fallback instead of looking for /foo/assets/… (a blank page, issue 12 item 9). The build is served at the
  // site root.
  base: '/',
  worker: { format: 'es' },
  server: { headers: DEV_HEADERS },
  preview: { headers: SECURITY_HEADERS },
  optimizeDeps: {
    // Without this, the first Worker load re-optimizes dependencies and reloads the page (PLATFORM.md).
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm'],
  },
  build: {
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    // Second entry: the browser half of `npm run bench` (bench/run.mjs opens dist/bench/index.html).
    rollupOptions: { input: { main: 'index.html', bench: 'bench/index.html' } },
  },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'cli/**/*.test.ts', 'bench/**/*.test.ts'],
    setupFiles: ['src/core/targets/loadPhotos.setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
