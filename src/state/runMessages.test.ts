import { describe, expect, it } from 'vitest';
import { formatMessage, type Message } from '../core/messages';
import { createDivergence, divergenceStopMessage } from '../core/divergence';
import { routeRunMessage, type RunWorkerEntry, type RunWorkerMessage } from './runMessages';

const asText = (reason: string | Message) => (typeof reason === 'string' ? reason : `zh: ${formatMessage(reason, 'zh')}`);

describe('routeRunMessage', () => {
  it('batches progress, ends the run on done, hands errors to fail, and refuses unknown messages', () => {
    const entry: RunWorkerEntry = { intent: 'running', finished: false };
    const pushed: string[] = [];
    const failed: [string, boolean][] = [];
    const handlers = {
      push: (item: { message: { type: string } }) => pushed.push(item.message.type),
      fail: (_: RunWorkerEntry, reason: string | Message, fatal: boolean) => failed.push([asText(reason), fatal]),
    };
    routeRunMessage(entry, { type: 'progress' } as RunWorkerMessage, handlers, 'test worker');
    expect(entry).toEqual({ intent: 'running', finished: false });
    routeRunMessage(entry, { type: 'done' } as RunWorkerMessage, handlers, 'test worker');
    expect(entry).toEqual({ intent: 'paused', finished: true });
    routeRunMessage(entry, { type: 'heartbeat' } as RunWorkerMessage, handlers, 'test worker');
    expect(pushed).toEqual(['progress', 'done']); // a heartbeat is for the watchdog only
    routeRunMessage(entry, { type: 'error', message: 'boom', fatal: true }, handlers, 'test worker');
    expect(pushed).toEqual(['progress', 'done']);
    expect(failed).toEqual([['boom', true]]);
    // A failure the worker worded itself reaches fail as its message, shown in the language on screen.
    const diverged = divergenceStopMessage(createDivergence(683, 672));
    routeRunMessage(entry, { type: 'error', message: formatMessage(diverged, 'en'), fatal: false, localized: diverged }, handlers, 'test worker');
    expect(failed[1]).toEqual([
      'zh: 训练发散：第 683 步时损失或权重变为 NaN/Inf；已恢复第 672 步的权重。请尝试更小的学习率。训练已停在最后一组正常的权重上；请修改设置或按“重置”。',
      false,
    ]);
    expect(() => routeRunMessage(entry, { type: 'ping' } as unknown as RunWorkerMessage, handlers, 'test worker')).toThrow(/Unsupported test worker message/);
  });

  it('hands a lost GPU to the controller that goes on elsewhere, and to fail (fatal, in words) where none does', () => {
    const entry: RunWorkerEntry = { intent: 'running', finished: false };
    const loss = { type: 'gpu-lost', backend: 'webgl', reason: 'the WebGL context was lost' } as const;
    const failed: [string, boolean][] = [];
    const lost: string[] = [];
    const base = { push: () => {}, fail: (_: RunWorkerEntry, reason: string | Message, fatal: boolean) => failed.push([asText(reason), fatal]) };
    routeRunMessage(entry, loss, { ...base, gpuLost: (_, l) => lost.push(`${l.backend}: ${l.reason}`) }, 'test worker');
    expect(lost).toEqual(['webgl: the WebGL context was lost']);
    expect(failed).toEqual([]);
    routeRunMessage(entry, loss, base, 'test worker');
    expect(failed).toEqual([['The GPU stopped responding on webgl (the WebGL context was lost).', true]]);
  });
});
