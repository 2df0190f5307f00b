// Sentences of the import, export, fmt and init commands, in both languages (kept apart from the validate catalogue).
import type { Locale, MessageData } from '../findings.js';
import { format } from './index.js';
import { tools as zh } from './tools-zh-CN.js';
import { tools as en } from './tools-en.js';

export type ToolKey = keyof typeof zh;

const catalogues: Record<Locale, Record<ToolKey, string>> = { 'zh-CN': zh, en };

export function toolMessage(locale: Locale, key: ToolKey, data: MessageData = {}): string {
  return format(catalogues[locale][key], data, locale);
}

/** A problem that ends a command with exit code 2 and one sentence, like UsageError but with these commands' sentences. */
export class ToolError extends Error {
  constructor(
    readonly key: ToolKey,
    readonly data: MessageData = {},
  ) {
    super(key);
  }
}
