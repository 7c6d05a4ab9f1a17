/**
 * The languages of the lab's interface (issue 13): English and Simplified Chinese. One registry: the link's `lang=`,
 * the language switch, `<html lang>` and the number format read it. Pure: the UI's catalogs live in src/ui/i18n.
 */
export const LANGUAGES = [
  { id: 'en', label: 'English', htmlLang: 'en', locale: 'en-US' },
  { id: 'zh', label: '中文', htmlLang: 'zh-Hans', locale: 'zh-CN' },
] as const;

export type LanguageId = (typeof LANGUAGES)[number]['id'];

export const DEFAULT_LANGUAGE: LanguageId = 'en';

export const LANGUAGE_IDS: readonly LanguageId[] = LANGUAGES.map((l) => l.id);

export function isLanguageId(value: unknown): value is LanguageId {
  return typeof value === 'string' && (LANGUAGE_IDS as readonly string[]).includes(value);
}

export function getLanguage(id: LanguageId): (typeof LANGUAGES)[number] {
  return LANGUAGES.find((l) => l.id === id) ?? LANGUAGES[0];
}

/** The language of a BCP 47 tag (`zh-CN`, `zh-Hans-SG`, `en-GB`), or null for one the lab has no catalog for. */
export function languageOfTag(tag: string): LanguageId | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguageId(primary) ? primary : null;
}

/**
 * The language a page opens in: the link's `lang=` when it names one, else the one the user chose last time (stored),
 * else the first of the browser's languages the lab has, else English.
 */
export function resolveLanguage(fromLink: LanguageId | null, stored: unknown, browserTags: readonly string[]): LanguageId {
  if (fromLink) return fromLink;
  if (isLanguageId(stored)) return stored;
  for (const tag of browserTags) {
    const language = typeof tag === 'string' ? languageOfTag(tag) : null;
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}
