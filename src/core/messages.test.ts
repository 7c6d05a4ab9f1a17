import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS } from './language';
import { MESSAGES, formatMessage, message, type MessageId } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the state layer’s messages', () => {
  it('exist in every language, with the same placeholders, and Chinese characters in Chinese', () => {
    for (const [id, templates] of Object.entries(MESSAGES)) {
      for (const language of LANGUAGE_IDS) expect(templates[language].trim(), `${id}.${language}`).not.toBe('');
      expect([...new Set(placeholders(templates.zh))], id).toEqual([...new Set(placeholders(templates.en))]);
      expect(/[\u3400-\u9fff]/.test(templates.zh), id).toBe(true);
    }
  });

  it('formats nested parts and numbers in the language asked for', () => {
    const silent = message('workerSilent', { worker: message('trainingWorker'), seconds: 5 });
    const m = message('stalledResume', { silent, at: message('atStep', { step: 12000 }), where: message('onBackend', { backend: 'wasm' }), lost: '' });
    expect(formatMessage(m, 'en')).toBe(
      'The training worker stopped responding (no progress for 5 s). It was ended. Continue resumes from step 12000, the last checkpoint, with the same settings on wasm.',
    );
    expect(formatMessage(m, 'zh')).toBe('训练工作线程停止响应（5 秒没有进展）。它已被结束。“继续”会以相同设置在 wasm 上从第 12000 步（最后的检查点）接着训练。');
  });

  it('leaves an unknown placeholder as written and never reads inherited properties', () => {
    expect(formatMessage({ id: 'continued', values: { at: message('atStep', { step: 3 }) } }, 'en')).toBe('The run continued from step 3, its last checkpoint, on {backend}.');
    const hostile = Object.create({ backend: 'inherited' }) as Record<string, string>;
    expect(formatMessage({ id: 'continued', values: hostile }, 'en')).toContain('{backend}');
    expect(formatMessage({ id: 'nope' as MessageId }, 'zh')).toBe('nope');
  });
});
