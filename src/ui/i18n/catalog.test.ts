import { describe, expect, it } from 'vitest';
import { axtrain } from './locales/axtrain';
import { en as eager } from './locales/en';
import { nas } from './locales/nas';
import { npu } from './locales/npu';
import { paper } from './locales/paper';
import { zh as eagerZh } from './locales/zh';

/** The first paint's catalogs and the lazily registered views' ones (en.ts LazyNamespace), as the page ends up with them. */
const en = { ...eager, axtrain: axtrain.en, nas: nas.en, npu: npu.en, paper: paper.en };
const zh = { ...eagerZh, axtrain: axtrain.zh, nas: nas.zh, npu: npu.zh, paper: paper.zh };

type Tree = { readonly [key: string]: string | Tree };

/** Every text of a catalog by its dotted key (namespace.key.subkey). */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Texts that are the same in Chinese: names of methods, papers and units the lab keeps as written. */
const SAME_IN_BOTH = new Set(['nav.axtrain', 'nav.nas']);

const english = flatten(en);
const chinese = flatten(zh);

describe('the interface catalogs', () => {
  it('have exactly the same keys in English and Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty text, and the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect((chinese.get(key) ?? '').trim(), key).not.toBe('');
      expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('are translated: every Chinese text has Chinese characters, unless it is a name kept as written', () => {
    for (const [key, text] of chinese) {
      if (SAME_IN_BOTH.has(key)) expect(text, key).toBe(english.get(key));
      else expect(/[\u3400-\u9fff]/.test(text), `${key}: ${text}`).toBe(true);
    }
  });
});
