/**
 * Vitest setup (vite.config.ts test.setupFiles): the photographs load lazily (photos.ts loadPhotos), and the
 * image-target tests sample them synchronously, so every test file starts with them loaded, as the worker
 * and the CLI do after loadTargetData. photosLazy.test.ts checks the not-loaded path in a fresh module.
 */
import { loadExpressionParser } from './expressionParser';
import { loadPhotos } from './photos';

await loadPhotos();
await loadExpressionParser(); // custom targets: mathjs' parser, loaded on demand like the photographs
