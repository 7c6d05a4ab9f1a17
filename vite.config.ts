import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
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
  base: './',
  worker: { format: 'es' },
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
