import type { Catalog } from './locales/en';

/**
 * One namespace's texts in both languages, side by side in one file (src/ui/i18n/locales/<area>.ts), so that each
 * area of the UI can be translated on its own: `zh` must have exactly `en`'s keys (its type), and catalog.test.ts checks
 * the placeholders. Register the namespace in en.ts and zh.ts.
 */
export function defineNamespace<const E extends { readonly [key: string]: unknown }>(en: E, zh: Catalog<E>): { en: E; zh: Catalog<E> } {
  return { en, zh };
}
