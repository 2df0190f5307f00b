// The words of qingdan compare's reports in both languages.
import type { Locale, MessageData } from '../findings.js';
import { format } from './index.js';
import { compare as zh } from './compare-zh-CN.js';
import { compare as en } from './compare-en.js';

export type CompareKey = keyof typeof zh;

const catalogues: Record<Locale, Record<CompareKey, string>> = { 'zh-CN': zh, en };

export function compareText(locale: Locale, key: CompareKey, data: MessageData = {}): string {
  return format(catalogues[locale][key], data, locale);
}

/** The short name of a divergence class, for matrix cells. */
export function classLabel(locale: Locale, classId: string): string {
  const key = `class-${classId}` as CompareKey;
  return key in catalogues[locale] ? compareText(locale, key) : classId;
}
