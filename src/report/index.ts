// Formatters by name; an unknown name is a usage error reported by the CLI.
import stylish from './stylish.js';
import json from './json.js';
import sarif from './sarif.js';
import github from './github.js';
import junit from './junit.js';
import codeclimate from './codeclimate.js';
import type { Formatter } from './types.js';

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, junit, codeclimate };

export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name] : undefined;
}
