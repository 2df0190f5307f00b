// The shape of the guide site's word list: the ids the Chinese list defines, the same ids in every language.
import type { site } from './site-zh-CN.js';

export type SiteWordId = keyof typeof site;
export type SiteWords = Record<SiteWordId, string>;
