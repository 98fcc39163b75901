import { firstSpoken, type Language } from '@pulse/shared/languages';
import { useSyncExternalStore } from 'react';
import { currentLanguage, onLanguageChange } from './runtime.js';

/** The language to start in before the server has said: the browser's preferred languages, else English. */
export const browserLanguage = (): Language => firstSpoken(typeof navigator === 'undefined' ? [] : navigator.languages) ?? 'en';

/** The current language; the component re-renders whenever it changes. */
export const useLanguage = (): Language => useSyncExternalStore(onLanguageChange, currentLanguage);
