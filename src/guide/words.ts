// The site's words in the page's language, with {placeholders} filled the same way as every other message.
import type { Locale } from '../findings.js';
import { format } from '../i18n/index.js';
import { site as zh } from '../i18n/site-zh-CN.js';
import { site as en } from '../i18n/site-en.js';
import type { SiteWordId, SiteWords } from '../i18n/site-types.js';

const WORDS: Record<Locale, SiteWords> = { 'zh-CN': zh, en };

export function siteWord(locale: Locale, id: SiteWordId, data?: Record<string, string | number>): string {
  return format(WORDS[locale][id] ?? id, data, locale);
}

export function isSiteWord(id: string): id is SiteWordId {
  return Object.hasOwn(zh, id);
}
