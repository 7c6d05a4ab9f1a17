/**
 * The interface language as a preference: the page opens in the link's `lang=`, else the last choice (localStorage),
 * else the browser's languages (src/core/language.ts resolveLanguage); every later choice is remembered and sets
 * `<html lang>` (a link's own language is not remembered: it was the sender's choice). A stored value is only ever compared with the language ids, never merged into anything.
 */
import { getLanguage, resolveLanguage, type LanguageId } from '../core/language';
import { useLabStore } from './store';

export const LANGUAGE_STORAGE_KEY = 'axlab.lang';

function readStored(): unknown {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, sandboxed frame)
  }
}

function remember(language: LanguageId): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered; the link still carries it
  }
}

function applyToDocument(language: LanguageId): void {
  if (typeof document !== 'undefined') document.documentElement.lang = getLanguage(language).htmlLang;
}

let unsubscribe: (() => void) | null = null;

/** Sets the store's language at startup and keeps `<html lang>` and the stored choice in step with it. */
export function startLanguagePreference(fromLink: LanguageId | null): () => void {
  unsubscribe?.();
  const browserTags = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language].filter(Boolean);
  const initial = resolveLanguage(fromLink, readStored(), browserTags);
  useLabStore.getState().setLanguage(initial);
  applyToDocument(useLabStore.getState().language);
  unsubscribe = useLabStore.subscribe((state, previous) => {
    if (state.language === previous.language) return;
    applyToDocument(state.language);
    remember(state.language);
  });
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}
