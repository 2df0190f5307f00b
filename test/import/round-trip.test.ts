// Export → import of lists/ gives back lists/, field by field: through XLSX (one workbook) and through CSV (one file a table).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogueSync } from '../../src/catalogue/load.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import type { Catalogue } from '../../src/catalogue/model.js';
import { exportCatalogue, exportLosses } from '../../src/export/index.js';
import { importTables } from '../../src/import/index.js';
import { validateCatalogue } from '../../src/validate.js';
import { writeFileSync } from 'node:fs';
import { ROOT } from '../cli/run-cli.js';
import { temporaryFolder } from '../temporary.js';

function load(root: string): Catalogue {
  return loadCatalogueSync(new DirectorySource(root, root)).catalogue;
}

/** Every entry of every section by its key, for a comparison that does not depend on file layout or order. */
function entries(catalogue: Catalogue): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const { value } of catalogue.sections.departments) out.set(`department ${value.id}`, value);
  for (const { value } of catalogue.sections.laws) out.set(`law ${value.id}`, value);
  for (const { value } of catalogue.sections.powers) out.set(`power ${value.code}`, value);
  for (const { value } of catalogue.sections.flows) out.set(`flow ${value.id}`, value);
  for (const { value } of catalogue.sections.responsibilities) out.set('power' in value ? `responsibility ${value.power}` : `duty ${value.department} ${value.duty}`, value);
  return out;
}

/** Field by field: each differing leaf is named by its path, so a failure says exactly what did not come back. */
function differences(expected: unknown, actual: unknown, at: string, out: string[]): void {
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) differences((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${at}.${key}`, out);
    return;
  }
  if (expected !== actual) out.push(`${at}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`);
}

const lists = load(path.join(ROOT, 'lists'));

async function roundTrip(format: 'xlsx' | 'csv'): Promise<string> {
  const dir = temporaryFolder(`qingdan-round-trip-${format}-`);
  const files = await exportCatalogue(lists, { format, kind: 'all', bom: true });
  const names: string[] = [];
  for (const file of files) {
    const name = file.name ?? 'lists.xlsx';
    writeFileSync(path.join(dir, name), file.bytes);
    names.push(name);
  }
  await importTables({ files: names, out: 'imported', cwd: dir });
  return path.join(dir, 'imported');
}

describe.each(['xlsx', 'csv'] as const)('round trip through %s', (format) => {
  it('gives a catalogue equal in content to lists/, field by field, that validates clean', async () => {
    const root = await roundTrip(format);
    const imported = load(root);
    const before = entries(lists);
    const after = entries(imported);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const diffs: string[] = [];
    for (const [key, value] of before) differences(value, after.get(key), key, diffs);
    expect(diffs).toEqual([]);
    expect(before.size).toBe(17 + 44 + 83 + 19 + 78);
    // …and export, which names what a spreadsheet cannot give back, had nothing to name.
    expect(exportLosses(lists, { format, kind: 'all' })).toEqual([]);
    // Spot checks that name the facts, not only the counts.
    const food = after.get('power 11339921MB1C4572XQ4010010000000') as Record<string, any>;
    expect(food.materials[4]).toEqual({ name: '授权委托书及委托代理人身份证明', required: 'conditional', condition: '委托他人代为办理的', source: 'applicant', medium: 'both', originals: 1, copies: 1 });
    expect(food.basis[0]).toEqual({ law: 'spaqf', article: '第三十五条', text: '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。' });
    expect(food.risk_points[0].controls).toHaveLength(3);
    const result = validateCatalogue(new DirectorySource(root, root), { explicitLocale: 'en' });
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(readdirSync(path.join(root, 'powers')).sort()).toEqual(readdirSync(path.join(ROOT, 'lists/powers')).sort());
  });
});
