// A file or folder whose name is not UTF-8 (GBK names from an old Windows zip tool) is a finding at it that shows the
// name's bytes and says how to rename it; it used to be "missing" (ENOENT), as Node's lossy name opens nothing.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectorySource } from '../../src/catalogue/source.js';
import { FileCache } from '../../src/catalogue/cache.js';
import { validateCatalogue, validateCatalogueAsync, type ValidateResult } from '../../src/validate.js';
import { BASE } from '../harness.js';
import { copyCatalogue } from '../cli/run-cli.js';
import { temporaryFolder } from '../temporary.js';

/** 部门 and 人员 in GBK. */
const BUMEN = Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]);
const RENYUAN = Buffer.from([0xc8, 0xcb, 0xd4, 0xb1]);

/** A path below `folder` whose last part is `name` as bytes. */
const byteName = (folder: string, ...name: Buffer[]) => Buffer.concat([Buffer.from(folder + path.sep), ...name]);

const brief = (result: ValidateResult) => result.findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.file}:${finding.line}:${finding.column} ${finding.message}`);

/** The base fixture with departments.yaml renamed to 部门.yaml in GBK. */
function withGbkName(): string {
  const root = copyCatalogue(BASE);
  const departments = path.join(root, 'departments.yaml');
  writeFileSync(byteName(root, BUMEN, Buffer.from('.yaml')), readFileSync(departments));
  rmSync(departments);
  return root;
}

const FINDING =
  'file/encoding error lists/\ufffd\ufffd\ufffd\ufffd.yaml:1:1 The name of this file is not UTF-8 (its bytes: \\xb2\\xbf\\xc3\\xc5.yaml), so the file was not read. Read as GB18030/GBK (as old Windows zip tools wrote names) it is "部门.yaml". ' +
  "Rename it to UTF-8: mv lists/$'\\xb2\\xbf\\xc3\\xc5.yaml' lists/部门.yaml (convmv -f GBK -t UTF-8 --notest -r FOLDER renames every such name at once)";

describe('a catalogue file whose name is not UTF-8', () => {
  const root = withGbkName();
  const source = () => new DirectorySource(root, path.dirname(root));
  const loads: Array<[string, () => Promise<ValidateResult>]> = [
    ['read at once', async () => validateCatalogue(source(), { explicitLocale: 'en' })],
    ['read by the loader', () => validateCatalogueAsync(source(), { explicitLocale: 'en', workers: 0 })],
    ['read through the cache', () => validateCatalogueAsync(source(), { explicitLocale: 'en', workers: 0, cache: new FileCache(path.join(temporaryFolder('qingdan-misnamed-'), 'cache'), 'test') })],
  ];

  it.each(loads)('is one error at the file naming its bytes, its GB18030 reading and the mv that renames it (%s)', async (_name, load) => {
    const result = await load();
    // Its departments are not read, and the references to them wait for it (its keys are read through the bytes).
    expect(brief(result)).toEqual([FINDING]);
    expect(result.catalogue.unread).toEqual([{ file: 'lists/\ufffd\ufffd\ufffd\ufffd.yaml', sections: ['departments'] }]);
    expect(result.catalogue.sections.departments).toEqual([]);
    expect(result.catalogue.sections.powers).toHaveLength(1);
  });

  it('says it in Chinese', () => {
    const [finding] = validateCatalogue(source(), { explicitLocale: 'zh-CN' }).findings;
    expect(finding!.message).toBe(
      "文件名不是 UTF-8 编码（字节为 \\xb2\\xbf\\xc3\\xc5.yaml），此文件未读取。按 GB18030/GBK 读作“部门.yaml”（旧版 Windows 压缩工具常这样保存文件名）。请改为 UTF-8 文件名：mv lists/$'\\xb2\\xbf\\xc3\\xc5.yaml' lists/部门.yaml（convmv -f GBK -t UTF-8 --notest -r 文件夹 可一次改完所有这样的名称）",
    );
  });

  it('names each file by its own bytes, and a name that is not GB18030 either', () => {
    const root = copyCatalogue(BASE);
    mkdirSync(path.join(root, 'extra'));
    writeFileSync(byteName(path.join(root, 'extra'), BUMEN, Buffer.from('.yaml')), 'laws: []\n');
    writeFileSync(byteName(path.join(root, 'extra'), RENYUAN, Buffer.from('.yaml')), 'laws: []\n');
    writeFileSync(byteName(path.join(root, 'extra'), Buffer.from([0xff, 0x20, 0x27]), Buffer.from('.yml')), 'laws: []\n');
    // Not YAML: not a catalogue file, whatever its name.
    writeFileSync(byteName(path.join(root, 'extra'), BUMEN, Buffer.from('.pdf')), '%PDF');
    const result = validateCatalogue(new DirectorySource(root, path.dirname(root)), { explicitLocale: 'en' });
    // Files in code-point order of their lossy names (人员's last two bytes read as UTF-8: Ա).
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.match(/^The name of this file is not UTF-8 \(its bytes: (.+?)\)/)?.[1]} ${f.message.match(/it is "(.+?)"/)?.[1]}`)).toEqual([
      "lists/extra/\ufffd '.yml:1:1 \\xff \\x27.yml undefined",
      'lists/extra/\ufffd\ufffd\u0531.yaml:1:1 \\xc8\\xcb\\xd4\\xb1.yaml 人员.yaml',
      'lists/extra/\ufffd\ufffd\ufffd\ufffd.yaml:1:1 \\xb2\\xbf\\xc3\\xc5.yaml 部门.yaml',
    ]);
    expect(result.findings[0]!.message).toBe("The name of this file is not UTF-8 (its bytes: \\xff \\x27.yml), so the file was not read. Rename it to a UTF-8 name, e.g.: mv lists/extra/$'\\xff \\x27.yml' lists/extra/NEW-NAME.yaml");
  });

  it('names a folder whose name is not UTF-8 when it holds YAML files, and not otherwise', () => {
    const root = copyCatalogue(BASE);
    const flows = byteName(root, Buffer.from([0xc1, 0xf7, 0xb3, 0xcc])); // 流程
    mkdirSync(flows);
    renameSync(path.join(root, 'flows.yaml'), Buffer.concat([flows, Buffer.from(`${path.sep}flows.yaml`)]));
    mkdirSync(byteName(root, RENYUAN)); // 人员, holding only a picture
    writeFileSync(byteName(root, RENYUAN, Buffer.from(`${path.sep}photo.png`)), 'png');
    const result = validateCatalogue(new DirectorySource(root, path.dirname(root)), { explicitLocale: 'en' });
    expect(brief(result)).toEqual([
      'file/encoding error lists/\ufffd\ufffd\ufffd\ufffd:1:1 The name of this folder is not UTF-8 (its bytes: \\xc1\\xf7\\xb3\\xcc), so the files in it were not read. Read as GB18030/GBK (as old Windows zip tools wrote names) it is "流程". ' +
        "Rename it to UTF-8: mv lists/$'\\xc1\\xf7\\xb3\\xcc' lists/流程 (convmv -f GBK -t UTF-8 --notest -r FOLDER renames every such name at once)",
    ]);
    // Any section may be in it: references wait, as for a folder that cannot be listed.
    expect(result.catalogue.unread).toEqual([{ file: 'lists/\ufffd\ufffd\ufffd\ufffd', sections: 'any' }]);
  });
});
