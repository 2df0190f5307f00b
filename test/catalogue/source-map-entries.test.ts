// The entry-only fast path of SourceMap.locate must answer exactly as the whole-document parse does: checked on
// every path into every YAML file of the repository's catalogues and fixtures, and on layouts chosen to trip it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SourceMap } from '../../src/catalogue/source-map.js';
import type { DocPath } from '../../src/findings.js';
import { ROOT } from '../cli/run-cli.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? yamlFiles(file) : /\.ya?ml$/.test(name) ? [file] : [];
  });
}

/** Every path to every node of a parsed value, plus one missing field per mapping. */
function paths(value: unknown, prefix: DocPath = []): DocPath[] {
  const out: DocPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
    out.push([...prefix, 'no_such_field']);
  }
  return out;
}

let fastFiles = 0;

function expectSame(text: string, label: string): number {
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: false, merge: true, strict: false });
  } catch {
    value = undefined;
  }
  const all = paths(value);
  const whole = new SourceMap(text);
  whole.locate([]);
  // Paths into entries first: the fast path is taken until a question needs the whole document.
  const fast = new SourceMap(text);
  const entryFirst = [...all].sort((a, b) => Number(b.length >= 2 && typeof b[1] === 'number') - Number(a.length >= 2 && typeof a[1] === 'number'));
  let counted = false;
  for (const p of entryFirst) {
    if (!counted && !(p.length >= 2 && typeof p[1] === 'number')) {
      // Every entry answered without the whole document: the fast path really ran for this file.
      if ((fast as unknown as { document?: unknown }).document === undefined && p !== entryFirst[0]) fastFiles++;
      counted = true;
    }
    for (const key of [false, true]) expect(fast.locate(p, key), `${label} ${JSON.stringify(p)} key=${key}`).toEqual(whole.locate(p, key));
  }
  return all.length;
}

describe('SourceMap: one entry parsed alone answers as the whole document', () => {
  it('on every YAML file of lists/, test/fixtures and templates/init', () => {
    const files = [...yamlFiles(path.join(ROOT, 'lists')), ...yamlFiles(path.join(ROOT, 'test/fixtures')), ...yamlFiles(path.join(ROOT, 'templates/init'))];
    expect(files.length).toBeGreaterThan(100);
    let checked = 0;
    for (const file of files) checked += expectSame(readFileSync(file, 'utf8'), path.relative(ROOT, file));
    expect(checked).toBeGreaterThan(10_000);
    expect(fastFiles).toBeGreaterThan(50);
  }, 120_000);

  it.each([
    ['compact sequence at column 0, then another key', 'powers:\n- code: A\n  name: x\n- code: B\n  name: y\nlaws:\n- id: l\n'],
    ['an alias to an anchor in another entry', 'powers:\n  - &first\n    code: A\n  - code: B\n    copy: *first\n'],
    ['merge keys', 'base: &b {unit: days}\npowers:\n  - <<: *b\n    code: A\n'],
    ['block scalars and comments at odd places', 'powers:\n  - code: A\n    note: |\n      line one\n# a comment at column 0\n      - not an item\n    name: x\n  # between\n  - code: B\n'],
    ['multi-line plain and quoted scalars', 'powers:\n  - name: a long\n      plain scalar\n    text: "quoted\n      over lines"\n  - name: b\n'],
    ['a flow sequence section and a mapping section', 'powers: [{code: A}, {code: B}]\nconfig:\n  a: 1\n'],
    ['CRLF line endings', 'powers:\r\n  - code: A\r\n    name: x\r\n  - code: B\r\n'],
    ['a dash alone on its line, nested sequences', 'powers:\n  -\n    code: A\n  - - 1\n    - 2\n  - code: C\n'],
    ['duplicate section keys', 'powers:\n  - code: A\npowers:\n  - code: B\n'],
    ['a duplicate section key given as a flow sequence', 'powers:\n  - code: A\n  - code: B\npowers: [{code: C}]\n'],
    ['duplicate keys inside an entry', 'powers:\n  - code: A\n    name: x\n    name: y\n  - code: B\n'],
    ['several documents', 'powers:\n  - code: A\n---\npowers:\n  - code: B\n'],
    ['tabs and a byte order mark', '\ufeffpowers:\n  - code: A\n\t\n'],
    ['a section at the end without newline', 'laws:\n  - id: a\n  - id: b'],
    ['broken YAML inside one entry', 'powers:\n  - code: [A\n  - code: B\n'],
  ])('%s', (_label, text) => {
    expectSame(text, _label);
  });
});
