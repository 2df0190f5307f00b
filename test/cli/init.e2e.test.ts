import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { temporaryFolder } from '../temporary.js';

describe('qingdan init (the real binary)', () => {
  it('makes a catalogue that passes qingdan validate and qingdan build', async () => {
    const cwd = temporaryFolder('qingdan-init-cli-');
    const init = await runCli(['init', 'project', '--lang', 'en'], { cwd });
    expect(init.code).toBe(0);
    expect(init.stdout.split('\n')).toContain('project/lists/powers/scjgj.yaml');
    expect(init.stderr).toMatch(/^Catalogue created\. Next: qingdan validate project\/lists/);
    const project = path.join(cwd, 'project');
    const validate = await runCli(['validate'], { cwd: project });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toBe('✔ 示例县权责清单：6 个文件，1 个部门，1 项权力，1 条责任，1 个流程，没有发现问题。\n');
    const build = await runCli(['build', 'lists', '--out', 'site'], { cwd: project });
    expect(build.code).toBe(0);
    expect(existsSync(path.join(project, 'site/index.html'))).toBe(true);
    expect((await runCli(['fmt', '--check'], { cwd: project })).code).toBe(0);
  });

  it('names the catalogue after --region when --name is not given, and quotes a folder with spaces in the next steps', async () => {
    const cwd = temporaryFolder('qingdan-init-cli-');
    const init = await runCli(['init', "my project's", '--region', '青山县', '--lang', 'en'], { cwd });
    expect(init.code).toBe(0);
    expect(init.stderr).toMatch(/^Catalogue created\. Next: qingdan validate 'my project'\\''s\/lists' \(check\)/);
    const project = path.join(cwd, "my project's");
    expect(readFileSync(path.join(project, 'lists/qingdan.yaml'), 'utf8')).toContain('\nname: 青山县权责清单\nregion: 青山县\n');
    const validate = await runCli(['validate'], { cwd: project });
    expect(validate).toMatchObject({ code: 0, stdout: '✔ 青山县权责清单：6 个文件，1 个部门，1 项权力，1 条责任，1 个流程，没有发现问题。\n' });
    const named = await runCli(['init', 'named', '--region', '青山县', '--name', '青山县 "权责": 清单 #1'], { cwd });
    expect(named.stderr).toMatch(/^已新建示例清单。下一步：qingdan validate named\/lists（检查）/);
    const validateNamed = await runCli(['validate', 'named/lists'], { cwd });
    expect(validateNamed).toMatchObject({ code: 0, stdout: '✔ 青山县 "权责": 清单 #1：6 个文件，1 个部门，1 项权力，1 条责任，1 个流程，没有发现问题。\n' });
  });

  it('writes a name with a line break as a quoted scalar that validates, and refuses an empty --region or --name before writing (exit 2)', async () => {
    const cwd = temporaryFolder('qingdan-init-cli-');
    expect((await runCli(['init', 'lines', '--name', '第一行\n第二行'], { cwd })).code).toBe(0);
    expect(readFileSync(path.join(cwd, 'lines/lists/qingdan.yaml'), 'utf8')).toContain('\nname: "第一行\\n第二行"\n');
    expect((await runCli(['validate', 'lines/lists'], { cwd })).code).toBe(0);
    const empty = await runCli(['init', 'empty', '--region', ' ', '--lang', 'en'], { cwd });
    expect(empty).toMatchObject({ code: 2, stdout: '', stderr: 'qingdan: --region cannot be empty: a catalogue needs a name and a region.\n' });
    expect(existsSync(path.join(cwd, 'empty'))).toBe(false);
    expect((await runCli(['init', 'empty', '--name', ''], { cwd })).stderr).toBe('qingdan: --name 不能为空：清单要有名称和地区。\n');
  });

  it('refuses a folder that already holds the catalogue (exit 2)', async () => {
    const cwd = temporaryFolder('qingdan-init-cli-');
    expect((await runCli(['init'], { cwd })).code).toBe(0);
    const again = await runCli(['init', '--lang', 'en'], { cwd });
    expect(again).toMatchObject({ code: 2, stderr: 'qingdan: .editorconfig already exists: init makes a catalogue only where none of its files are, and overwrites nothing. Choose another folder.\n' });
  });

  it('refuses to make a catalogue inside another one, whose files it would become part of (exit 2)', async () => {
    const cwd = temporaryFolder('qingdan-init-cli-');
    expect((await runCli(['init'], { cwd })).code).toBe(0);
    const before = (await runCli(['validate', 'lists'], { cwd })).stdout;
    const inside = await runCli(['init', 'lists', '--lang', 'en'], { cwd });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toBe(`qingdan: ${path.join(cwd, 'lists')} is inside the catalogue ${path.join(cwd, 'lists')} (it holds qingdan.yaml): a catalogue is not made inside another, where the outer one would not check it. Choose a folder outside it.\n`);
    expect(existsSync(path.join(cwd, 'lists/lists'))).toBe(false);
    const deeper = await runCli(['init', 'lists/powers/new'], { cwd });
    expect(deeper.stderr).toBe(`qingdan: ${path.join(cwd, 'lists/powers/new')} 位于清单 ${path.join(cwd, 'lists')} 之中（那里有 qingdan.yaml）：清单不套在另一个清单里新建，在此新建的清单不会被外面的清单检查。请换一个清单以外的目录。\n`);
    expect((await runCli(['validate', 'lists'], { cwd })).stdout).toBe(before);
  });

  it('says which file it cannot write (exit 2) and leaves none of the files it wrote, so init can run again', async () => {
    const cwd = temporaryFolder('qingdan-init-cli-');
    // A file where the lists/ folder should go: the files before it (.editorconfig, .vscode/) are written first.
    writeFileSync(path.join(cwd, 'lists'), 'not a folder');
    const result = await runCli(['init', '--lang', 'en'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qingdan: Cannot write \S*lists\/departments\.yaml \(EEXIST\): part of the path is a file, not a folder\./);
    expect(result.stderr).not.toContain('internal error');
    expect(existsSync(path.join(cwd, '.editorconfig'))).toBe(false);
    expect(existsSync(path.join(cwd, '.vscode/settings.json'))).toBe(false);
  });
});
