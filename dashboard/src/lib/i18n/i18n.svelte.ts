// The current language as a rune-based store; the choice is remembered in localStorage.
import { setRequestLanguage } from '$lib/api/client';
import { isLang, type Lang } from './format';
import { translate, type MessageKey, type MessageParams } from './messages';

const STORAGE_KEY = 'osl-monitor.lang';

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be disabled (privacy mode); Polish is the default.
  }
  return 'pl';
}

class I18nStore {
  lang = $state<Lang>(readStoredLang());

  constructor() {
    // The server answers in the language chosen here (its error messages, run notes).
    setRequestLanguage(this.lang);
  }

  /** Translation in the current language; reading it in a template re-renders on a switch. */
  t = (key: MessageKey, params?: MessageParams): string => translate(this.lang, key, params);

  setLang(lang: Lang): void {
    this.lang = lang;
    setRequestLanguage(lang);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Not remembered, but the switch still works for this visit.
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

export const i18n = new I18nStore();
