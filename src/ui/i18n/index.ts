/**
 * The interface's translations: i18next with react-i18next (why these: see README, "Libraries"), resources bundled
 * (src/ui/i18n/locales; no network, so offline use and the CSP stay as they are), the language following the store's
 * (src/state/languagePreference.ts decides it). Components read texts with `useT(namespace)`; numbers go through
 * `formatNumber` in the language's locale.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { getLanguage, type LanguageId } from '../../core/language';
import { useLabStore } from '../../state/store';
import { en, type EnglishCatalogs, type LazyNamespace } from './locales/en';
import { zh } from './locales/zh';

export const resources = { en, zh } as const;

export type Namespace = keyof EnglishCatalogs;

let started = false;
/** Catalogs registered before startI18n (a view's chunk loaded first); added at init. */
const pendingCatalogs = new Map<LazyNamespace, { en: object; zh: object }>();

/**
 * Adds a view's namespace in both languages (its chunk calls this at load, before it renders): the AxTrain, NAS, NPU
 * and Paper texts are not part of the first paint (en.ts LazyNamespace).
 */
export function registerCatalog(namespace: LazyNamespace, catalog: { readonly en: object; readonly zh: object }): void {
  if (!i18next.isInitialized) {
    pendingCatalogs.set(namespace, catalog);
    return;
  }
  if (i18next.hasResourceBundle('en', namespace)) return;
  i18next.addResourceBundle('en', namespace, catalog.en, true, true);
  i18next.addResourceBundle('zh', namespace, catalog.zh, true, true);
}

/** Initialises i18next in the store's language (synchronously: the resources are bundled) and follows the store. */
export function startI18n(): void {
  if (started) return;
  started = true;
  void i18next.use(initReactI18next).init({
    resources,
    lng: useLabStore.getState().language,
    fallbackLng: 'en',
    ns: Object.keys(en),
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
    initAsync: false,
  });
  for (const [namespace, catalog] of pendingCatalogs) registerCatalog(namespace, catalog);
  pendingCatalogs.clear();
  useLabStore.subscribe((state, previous) => {
    if (state.language !== previous.language) void i18next.changeLanguage(state.language);
  });
}

/** The texts of one namespace, in the current language. */
export function useT<N extends Namespace>(namespace: N) {
  return useTranslation(namespace).t;
}

/** A number in the locale of `language` (grouping as that locale writes it). */
export function formatNumber(value: number, language: LanguageId, options?: Intl.NumberFormatOptions): string {
  return value.toLocaleString(getLanguage(language).locale, options);
}

/** The current language, for formatNumber. */
export function useLanguage(): LanguageId {
  return useLabStore((state) => state.language);
}
