// English sentences of the import, export, fmt and init commands.
import type { tools as zh } from './tools-zh-CN.js';

export const tools: Record<keyof typeof zh, string> = {
  'fmt-changed': '{count} {count|plural:file is:files are} not formatted; run qingdan fmt to fix {count|plural:it:them}.',
  'fmt-done': 'Formatted {changed} {changed|plural:file:files}; {unchanged} already formatted.',
  'fmt-broken': '{file} cannot be formatted; fix this first:',
  'fmt-unsafe-data': '{file} left alone: formatting would change its data (perhaps an alias *name would come before its anchor &name). Reorder those keys by hand.',
  'fmt-unsafe-comments': '{file} left alone: formatting would lose a comment. This is a bug in qingdan; please report it.',
};
