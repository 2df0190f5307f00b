import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initCatalogue } from '../../src/init/index.js';
import { DirectorySource } from '../../src/catalogue/source.js';
import { validateCatalogue } from '../../src/validate.js';
import { formatText } from '../../src/fmt/format.js';
import { temporaryFolder } from '../temporary.js';

const OPTIONS = { name: '示例县权责清单', region: '示例县', departmentName: '示例县市场监督管理局' };

describe('qingdan init', () => {
  it('writes a catalogue with a department, a law, a power, its responsibility and flow, and editor settings', () => {
    const root = temporaryFolder('qingdan-init-');
    expect(initCatalogue(root, OPTIONS)).toEqual([
      '.editorconfig', '.vscode/extensions.json', '.vscode/settings.json', 'lists/departments.yaml', 'lists/flows/scjgj.yaml',
      'lists/laws.yaml', 'lists/powers/scjgj.yaml', 'lists/qingdan.yaml', 'lists/responsibilities/scjgj.yaml',
    ]);
    const result = validateCatalogue(new DirectorySource(path.join(root, 'lists'), root), { explicitLocale: 'en' });
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatchObject({ departments: 1, powers: 1, responsibilities: 1, flows: 1 });
    expect(result.catalogue.sections.powers[0]!.value).toMatchObject({ code: '11339999MB000000104010010000000', department: 'scjgj', flow: 'food-business-licence' });
    const settings = JSON.parse(readFileSync(path.join(root, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']['./node_modules/qingdan/schemas/qingdan-file.schema.json']).toEqual(['lists/**/*.yaml', '!lists/qingdan.yaml']);
    for (const file of ['qingdan.yaml', 'departments.yaml', 'powers/scjgj.yaml', 'flows/scjgj.yaml']) {
      const text = readFileSync(path.join(root, 'lists', file), 'utf8');
      const outcome = formatText(text, file, file === 'qingdan.yaml' ? 'config' : 'file');
      expect(outcome.status === 'formatted' && outcome.changed, file).toBe(false);
    }
  });

  it('writes names as YAML needs them', () => {
    const root = temporaryFolder('qingdan-init-');
    initCatalogue(root, { ...OPTIONS, name: '清单: "试行"', region: 'yes' });
    expect(readFileSync(path.join(root, 'lists/qingdan.yaml'), 'utf8')).toContain('name: \'清单: "试行"\'\nregion: yes\n');
  });

  it('overwrites nothing: one existing file and no file is written', () => {
    const root = temporaryFolder('qingdan-init-');
    mkdirSync(path.join(root, 'lists'));
    writeFileSync(path.join(root, 'lists/laws.yaml'), 'laws: []\n');
    expect(() => initCatalogue(root, OPTIONS)).toThrow(expect.objectContaining({ key: 'init-exists', data: { path: 'lists/laws.yaml' } }));
    expect(readFileSync(path.join(root, 'lists/laws.yaml'), 'utf8')).toBe('laws: []\n');
  });
});
