import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
