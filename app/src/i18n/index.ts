// The board's languages: English and Korean, through i18next and react-i18next
// (well kept, no build step: texts are JSON with named placeholders, and
// `<Trans>` puts links and names inside a sentence whatever its word order).
// Korean is chosen when the browser prefers it, unless the member chose; the
// choice is remembered. Amounts stay exact (bigint, lib/amount); dates and
// durations are written by `Intl` in the chosen language (`locale()`).

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ko from './ko.json';

export const LANGUAGES = { en: 'English', ko: '한국어' } as const;
export type Language = keyof typeof LANGUAGES;
const LANGUAGE_KEY = 'peer.language';
const LOCALES: Record<Language, string> = { en: 'en-GB', ko: 'ko-KR' };

const isLanguage = (l: string | null | undefined): l is Language => !!l && l in LANGUAGES;

/** The member's choice if any, else the first of the browser's languages the board speaks, else English. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const p of preferred) {
    const base = p.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

const browser = typeof window !== 'undefined';
const first = browser ? initialLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? []) : 'en';
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: first,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
if (browser) document.documentElement.lang = first;

/** Switches the board's language and remembers it in this browser. */
export function setLanguage(language: Language) {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export const language = (): Language => (isLanguage(i18next.language) ? i18next.language : 'en');

/** The `Intl` locale of the chosen language. */
export const locale = (): string => LOCALES[language()];

export default i18next;
