// A resident build keeps the findings of rules that read one entry while the entry is the same object.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntryMemo } from '../../src/rules/entry-memo.js';
import { fileRuns } from '../../src/catalogue/walk.js';
import type { ProcessedFile } from '../../src/catalogue/process.js';
import { HashedDirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogueAsync } from '../../src/validate.js';
import { edit } from '../cli/run-cli.js';
import { baseFiles, fixtureCase } from '../harness.js';
import { temporaryFolder } from '../temporary.js';

describe('EntryMemo', () => {
  it('makes a value once for the same entry value at the same place, again when either changes', () => {
    const memo = new EntryMemo();
    const value = { id: 'a' };
    let calls = 0;
    const make = () => ++calls;
    expect(memo.of('k', { value, file: 'flows.yaml', path: ['flows', 0] }, make)).toBe(1);
    expect(memo.of('k', { value, file: 'flows.yaml', path: ['flows', 0] }, make)).toBe(1);
    // Another key, another place, another file, an equal but different object: made again.
    expect(memo.of('j', { value, file: 'flows.yaml', path: ['flows', 0] }, make)).toBe(2);
    expect(memo.of('k', { value, file: 'flows.yaml', path: ['flows', 1] }, make)).toBe(3);
    expect(memo.of('k', { value, file: 'other.yaml', path: ['flows', 1] }, make)).toBe(4);
    expect(memo.of('k', { value: { id: 'a' }, file: 'other.yaml', path: ['flows', 1] }, make)).toBe(5);
  });

  it('makes a value once for a run of the same entries at the same places, again when any of them changes', () => {
    const memo = new EntryMemo();
    const [a, b, c] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const run = (values: object[], file = 'flows.yaml', first = 0) => values.map((value, i) => ({ value, file, path: ['flows', first + i] }));
    let calls = 0;
    const make = () => ++calls;
    expect(memo.ofRun('k', run([a, b]), make)).toBe(1);
    expect(memo.ofRun('k', run([a, b]), make)).toBe(1);
    // The second entry edited, one more entry, another file, the run moved down a place, another key: made again.
    expect(memo.ofRun('k', run([a, c]), make)).toBe(2);
    expect(memo.ofRun('k', run([a, c, b]), make)).toBe(3);
    expect(memo.ofRun('k', run([a, c, b], 'other.yaml'), make)).toBe(4);
    expect(memo.ofRun('k', run([a, c, b], 'other.yaml', 1), make)).toBe(5);
    expect(memo.ofRun('j', run([a, c, b], 'other.yaml', 1), make)).toBe(6);
    expect(memo.ofRun('j', run([a, c, b], 'other.yaml', 1), make)).toBe(6);
  });

  it('keeps each key’s value for a run, and makes every key’s again once the run changed', () => {
    const memo = new EntryMemo();
    const [a, b, c] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const list = [a, b].map((value, i) => ({ value, file: 'flows.yaml', path: ['flows', i] }));
    // As the rules of one build ask: the same run arrays (fileRuns keeps them per list), key after key.
    const [runs] = [fileRuns(list)];
    expect(fileRuns(list)).toBe(runs);
    expect(runs.length).toBe(1);
    let calls = 0;
    const make = () => ++calls;
    expect(['k', 'j', 'k', 'j'].map((key) => memo.ofRun(key, runs[0]!, make))).toEqual([1, 2, 1, 2]);
    // The next build: a new list with the same entries keeps both; one with b edited makes both again.
    const same = [a, b].map((value, i) => ({ value, file: 'flows.yaml', path: ['flows', i] }));
    expect(['k', 'j'].map((key) => memo.ofRun(key, fileRuns(same)[0]!, make))).toEqual([1, 2]);
    const edited = [a, c].map((value, i) => ({ value, file: 'flows.yaml', path: ['flows', i] }));
    expect(['k', 'j', 'k'].map((key) => memo.ofRun(key, fileRuns(edited)[0]!, make))).toEqual([3, 4, 3]);
  });

  it('keeps a single entry’s values apart from those of the run it begins', () => {
    const memo = new EntryMemo();
    const [a, b] = [{ id: 'a' }, { id: 'b' }];
    const list = [a, b].map((value, i) => ({ value, file: 'flows.yaml', path: ['flows', i] }));
    let calls = 0;
    const make = () => ++calls;
    // time/flow-exceeds-promised asks per flow, the flow rules per file: both begin with the first flow.
    expect(memo.ofRun('rule', fileRuns(list)[0]!, make)).toBe(1);
    expect(memo.of('longest', list[0]!, make)).toBe(2);
    const next = [a, b].map((value, i) => ({ value, file: 'flows.yaml', path: ['flows', i] }));
    expect(memo.ofRun('rule', fileRuns(next)[0]!, make)).toBe(1);
    expect(memo.of('longest', next[0]!, make)).toBe(2);
  });
});

describe('flow rules in a resident build', () => {
  it('report a flow left alone again, and follow an edited flow', async () => {
    const root = temporaryFolder('qingdan-entry-memo-');
    for (const [file, text] of Object.entries({ ...baseFiles(), ...fixtureCase('flow-unreachable', 'orphan') })) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const shared = new Map<string, ProcessedFile>();
    const entryMemo = new EntryMemo();
    const unreachable = async () => {
      const result = await validateCatalogueAsync(new HashedDirectorySource(root, root), { shared, prune: true, workers: 0, entryMemo, environment: {}, explicitLocale: 'en' });
      return result.findings.filter((f) => f.ruleId === 'flow/unreachable').map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
    };
    const orphan = ['flows.yaml:16:14 Step archive (归档) cannot be reached from the start.'];
    expect(await unreachable()).toEqual(orphan);
    // Nothing changed: the same finding, from the memo.
    expect(await unreachable()).toEqual(orphan);
    // The orphan linked in: gone; unlinked again: back.
    edit(path.join(root, 'flows.yaml'), 'duration: 3, next: done}', 'duration: 3, next: archive}');
    expect(await unreachable()).toEqual([]);
    edit(path.join(root, 'flows.yaml'), 'duration: 3, next: archive}', 'duration: 3, next: done}');
    expect(await unreachable()).toEqual(orphan);
    // A line added above the flow moves it: the finding moves with it.
    edit(path.join(root, 'flows.yaml'), 'flows:\n', '# 流程\nflows:\n');
    expect(await unreachable()).toEqual(['flows.yaml:17:14 Step archive (归档) cannot be reached from the start.']);
  });
});

describe('reference rules and time/flow-exceeds-promised in a resident build', () => {
  it('follow a change elsewhere that makes an unchanged entry wrong, and right again', async () => {
    const root = temporaryFolder('qingdan-entry-memo-');
    for (const [file, text] of Object.entries(baseFiles())) writeFileSync(path.join(root, file), text);
    const shared = new Map<string, ProcessedFile>();
    const entryMemo = new EntryMemo();
    const found = async (ruleId: string) => {
      const result = await validateCatalogueAsync(new HashedDirectorySource(root, root), { shared, prune: true, workers: 0, entryMemo, environment: {}, explicitLocale: 'en' });
      return result.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.file}:${f.line}:${f.column}`);
    };
    expect(await found('ref/department')).toEqual([]);
    // powers.yaml and flows.yaml are left alone (their references kept from the last build); the department they
    // name goes away, so each of its uses is reported.
    edit(path.join(root, 'departments.yaml'), 'id: scjgj', 'id: scjgj2');
    expect(await found('ref/department')).toEqual(['flows.yaml:15:56', 'powers.yaml:5:17']);
    edit(path.join(root, 'departments.yaml'), 'id: scjgj2', 'id: scjgj');
    expect(await found('ref/department')).toEqual([]);
    // The flow is left alone; the promise it must fit in shrinks below its longest way, then grows back.
    expect(await found('time/flow-exceeds-promised')).toEqual([]);
    edit(path.join(root, 'powers.yaml'), 'promised: 5, unit: working-days', 'promised: 2, unit: working-days');
    expect(await found('time/flow-exceeds-promised')).toEqual(['flows.yaml:5:5']);
    edit(path.join(root, 'powers.yaml'), 'promised: 2, unit: working-days', 'promised: 5, unit: working-days');
    expect(await found('time/flow-exceeds-promised')).toEqual([]);
  });
});
