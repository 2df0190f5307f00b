// Diff formatters by name.
import text from './text.js';
import markdown from './markdown.js';
import json from './json.js';
import github from './github.js';
import type { DiffFormatter } from './types.js';

export const diffFormatters: Record<string, DiffFormatter> = { text, markdown, json, github };

export function getDiffFormatter(name: string): DiffFormatter | undefined {
  return Object.hasOwn(diffFormatters, name) ? diffFormatters[name] : undefined;
}
