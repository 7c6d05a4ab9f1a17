import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { isNodeEnvironment, listBackendCandidates, selectBackend, selfTestBackend } from './backend';

describe('backend selection', () => {
  it('lists the fallback chain', () => {
    expect(listBackendCandidates('auto', false)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(listBackendCandidates('auto', true)).toEqual(['wasm', 'cpu']);
    expect(listBackendCandidates('webgl', false)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(listBackendCandidates('cpu', false)).toEqual(['cpu']);
    expect(isNodeEnvironment()).toBe(true);
  });

  it('selects cpu when forced, after a self-test', async () => {
    const result = await selectBackend('cpu');
    expect(result).toEqual({ backend: 'cpu', tried: [{ name: 'cpu', ok: true, reason: 'ok' }] });
    expect(tf.getBackend()).toBe('cpu');
    await expect(selfTestBackend()).resolves.toBeUndefined();
  });

  it('a forced browser backend in Node falls back with a reason', async () => {
    const result = await selectBackend('webgpu');
    expect(result.tried[0]).toMatchObject({ name: 'webgpu', ok: false });
    expect(result.tried[0].reason).toMatch(/Node/);
    expect(['wasm', 'cpu']).toContain(result.backend);
    expect(tf.getBackend()).toBe(result.backend);
    await tf.setBackend('cpu');
  });

  it('auto in Node picks wasm (or cpu when wasm fails)', async () => {
    const result = await selectBackend('auto');
    expect(result.tried.at(-1)?.ok).toBe(true);
    expect(['wasm', 'cpu']).toContain(result.backend);
    await tf.setBackend('cpu');
  });
});
