// Writing imported entries into a catalogue that already has files: what the editor wrote is never lost.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePlanned, type PlannedFile } from '../../src/import/write.js';
import { ToolError } from '../../src/i18n/tools.js';
import { UsageError } from '../../src/errors.js';
import { temporaryFolder } from '../temporary.js';

const NEW_DEPARTMENT = { id: 'newd', name: '新部门', level: 'county' };

function catalogueWith(departments: string | Uint8Array): string {
  const root = temporaryFolder('qingdan-import-write-');
  writeFileSync(path.join(root, 'departments.yaml'), departments);
  return root;
}

const plan = (extra: PlannedFile[] = []): PlannedFile[] => [
  ...extra,
  { relativePath: 'departments.yaml', section: 'departments', entries: [NEW_DEPARTMENT], append: true, comment: ' imported' },
];

function refusal(root: string, planned: PlannedFile[]): ToolError {
  try {
    writePlanned(root, planned, 'lists');
  } catch (error) {
    if (error instanceof ToolError) return error;
    throw error;
  }
  throw new Error('writePlanned did not refuse');
}

describe('writePlanned: appending to a file that exists', () => {
  it('refuses a file that is not UTF-8 (GB18030) instead of writing it back with its characters replaced', () => {
    const gb18030 = Uint8Array.from([...Buffer.from('departments:\n  - id: a\n    name: '), 0xb2, 0xbf, 0xc3, 0xc5, 0x0a]);
    const root = catalogueWith(gb18030);
    const error = refusal(root, plan());
    expect([error.key, error.data]).toEqual(['import-append-encoding', { path: 'lists/departments.yaml', section: 'departments' }]);
    expect(Buffer.compare(readFileSync(path.join(root, 'departments.yaml')), Buffer.from(gb18030))).toBe(0);
  });

  it('refuses a file with YAML errors, and a file whose top level is a list, leaving both as they were', () => {
    const broken = 'departments:\n  - id: a\n    name: "unterminated\n';
    const brokenRoot = catalogueWith(broken);
    expect(refusal(brokenRoot, plan()).key).toBe('import-append-broken');
    expect(readFileSync(path.join(brokenRoot, 'departments.yaml'), 'utf8')).toBe(broken);
    const list = '# 重要\n- id: keep-me\n  name: 保留\n';
    const listRoot = catalogueWith(list);
    expect(refusal(listRoot, plan()).key).toBe('import-append-not-mapping');
    expect(readFileSync(path.join(listRoot, 'departments.yaml'), 'utf8')).toBe(list);
  });

  it('writes nothing at all when one file is refused, not even the files planned before it', () => {
    const root = catalogueWith('- id: keep-me\n');
    refusal(root, plan([{ relativePath: 'powers/newd.yaml', section: 'powers', entries: [{ code: 'X' }], append: false, comment: ' imported' }]));
    expect(existsSync(path.join(root, 'powers'))).toBe(false);
  });

  it('puts back every file it wrote when a later write fails, and names the file it could not write', () => {
    const before = 'departments:\n  - id: old\n    name: 旧部门\n    level: county\n';
    const root = catalogueWith(before);
    // A file where the powers/ folder should be: writing powers/newd.yaml fails after departments.yaml was appended to.
    writeFileSync(path.join(root, 'powers'), 'not a folder');
    const planned: PlannedFile[] = [
      ...plan(),
      { relativePath: 'laws.yaml', section: 'laws', entries: [{ id: 'l', title: '法', kind: 'law' }], append: true, comment: ' imported' },
      { relativePath: 'powers/newd.yaml', section: 'powers', entries: [{ code: 'X' }], append: false, comment: ' imported' },
    ];
    let error: unknown;
    try {
      writePlanned(root, planned, 'lists', 'name: 新清单\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).data).toMatchObject({ path: 'lists/powers/newd.yaml' });
    expect(readFileSync(path.join(root, 'departments.yaml'), 'utf8')).toBe(before);
    expect(existsSync(path.join(root, 'laws.yaml'))).toBe(false);
    expect(existsSync(path.join(root, 'qingdan.yaml'))).toBe(false);
  });

  it('keeps the comments of a file that holds only comments, adding the section below them', () => {
    const root = catalogueWith('# 部门清单，由办公室维护\n');
    writePlanned(root, plan(), 'lists');
    const text = readFileSync(path.join(root, 'departments.yaml'), 'utf8');
    expect(text).toMatch(/^# 部门清单，由办公室维护\n/);
    expect(text).toContain('  - id: newd\n');
  });
});
