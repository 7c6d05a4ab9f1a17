// Typed keys: t('header.play') is checked against the English catalog, so a missing key fails the typecheck.
import 'i18next';
import type { EnglishCatalogs } from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: EnglishCatalogs;
    returnNull: false;
  }
}
