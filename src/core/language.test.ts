import { describe, expect, it } from 'vitest';
import { isLanguageId, languageOfTag, resolveLanguage } from './language';

describe('interface language', () => {
  it('reads the primary subtag of a BCP 47 tag', () => {
    expect(languageOfTag('zh-CN')).toBe('zh');
    expect(languageOfTag('zh-Hans-SG')).toBe('zh');
    expect(languageOfTag('en_GB')).toBe('en');
    expect(languageOfTag('fr-FR')).toBeNull();
    expect(languageOfTag('')).toBeNull();
  });

  it('prefers the link, then the stored choice, then the browser, then English', () => {
    expect(resolveLanguage('zh', 'en', ['en-US'])).toBe('zh');
    expect(resolveLanguage(null, 'zh', ['en-US'])).toBe('zh');
    expect(resolveLanguage(null, null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh');
    expect(resolveLanguage(null, undefined, ['fr-FR'])).toBe('en');
  });

  it('ignores stored values that are not a language (a hostile or stale localStorage)', () => {
    for (const stored of ['__proto__', 'constructor', 'EN', 42, {}, 'zh-CN']) expect(resolveLanguage(null, stored, ['en-US'])).toBe('en');
    expect(isLanguageId('toString')).toBe(false);
  });
});
