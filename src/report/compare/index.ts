// Compare formatters by name.
import text from './text.js';
import markdown from './markdown.js';
import json from './json.js';
import html from './html.js';
import type { CompareFormatter } from './types.js';

export const compareFormatters: Record<string, CompareFormatter> = { text, markdown, json, html };

