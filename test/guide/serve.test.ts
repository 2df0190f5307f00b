import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../src/guide/serve.js';
import { BASE } from '../harness.js';
import { AS_ROOT, BIN, CAN_DROP_ROOT, copyCatalogue, edit, runCli, unprivileged } from '../cli/run-cli.js';
import { temporaryFolder } from '../temporary.js';

/** Resolves once `check` holds, polling; rejects with what `detail` says after `ms`. */
async function until(check: () => boolean, detail: () => string, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; stderr so far:\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

function io(cwd: string) {
  let err = '';
  return { io: { stdout: { write: () => true }, stderr: { write: (t: string) => ((err += t), true) }, cwd, env: {} }, stderr: () => err };
}

describe('qingdan serve', () => {
  it('serves the site on localhost, only files inside it, and rebuilds when a catalogue file changes', async () => {
    const catalogue = copyCatalogue(BASE);
    const out = path.join(temporaryFolder('qingdan-serve-'), 'site');
    const { io: cliIo, stderr } = io(path.dirname(catalogue));
    const preview = await startPreview({ root: catalogue, out, templates: [], incremental: true, toolVersion: 'test', color: false }, cliIo, { port: 0 });
    try {
      expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      // The first build says what it made, as every rebuild does.
      expect(stderr()).toMatch(/已生成网站 \S*site：\d+ 个办事指南，共 \d+ 个文件（新生成 \d+ 页，沿用未变的 0 页）/);
      const home = await fetch(preview.url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await home.text()).toContain('测试基线清单');
      expect((await fetch(`${preview.url}assets/site.css`)).headers.get('content-type')).toContain('text/css');
      expect((await fetch(`${preview.url}..%2f..%2fetc/passwd`)).status).toBe(404);
      expect((await fetch(`${preview.url}nope.html`)).status).toBe(404);

      const rebuilt = preview.nextBuild();
      edit(path.join(catalogue, 'powers.yaml'), 'name: 食品经营许可申请书', 'name: 食品经营许可申请书（预览）');
      const outcome = await rebuilt;
      expect(outcome).toMatchObject({ ok: true, result: { rendered: 1 } });
      const guide = await fetch(`${preview.url}items/11339921MB000000104010010000000.html`);
      expect(await guide.text()).toContain('食品经营许可申请书（预览）');
      expect(stderr()).toContain('预览网站：http://127.0.0.1:');
    } finally {
      await preview.close();
    }
  });

  it('keeps what it does not make in its folder (.git, CNAME) through its first build and its updates in place', async () => {
    const catalogue = copyCatalogue(BASE);
    const dir = path.dirname(catalogue);
    const out = path.join(dir, 'site');
    expect((await runCli(['build', catalogue, '--out', out])).code).toBe(0);
    mkdirSync(path.join(out, '.git'));
    writeFileSync(path.join(out, '.git/HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(path.join(out, 'CNAME'), 'example.gov.cn\n');
    const { io: cliIo, stderr } = io(dir);
    const preview = await startPreview({ root: catalogue, out, templates: [], incremental: true, toolVersion: 'test', color: false }, cliIo, { port: 0 });
    try {
      expect(stderr()).toContain('保留了 site 中 2 项不由生成网站产生的内容：.git, CNAME');
      const rebuilt = preview.nextBuild();
      edit(path.join(catalogue, 'powers.yaml'), 'name: 食品经营许可申请书', 'name: 食品经营许可申请书（预览）');
      expect(await rebuilt).toMatchObject({ ok: true, result: { rendered: 1 } });
      expect(readFileSync(path.join(out, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
      expect(readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('example.gov.cn\n');
      expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    } finally {
      await preview.close();
    }
  });

  it('names the template file and place when an edit breaks a template, and keeps serving the last site', async () => {
    const catalogue = copyCatalogue(BASE);
    const dir = temporaryFolder('qingdan-serve-');
    const templates = path.join(dir, 'mine');
    mkdirSync(path.join(templates, 'partials'), { recursive: true });
    writeFileSync(path.join(templates, 'partials/footer.hbs'), '<footer>ok</footer>\n');
    const { io: cliIo, stderr } = io(dir);
    const preview = await startPreview({ root: catalogue, out: path.join(dir, 'site'), templates: [templates], incremental: true, toolVersion: 'test', color: false }, cliIo, { port: 0 });
    try {
      const rebuilt = preview.nextBuild();
      writeFileSync(path.join(templates, 'partials/footer.hbs'), '<footer>\n{{#if x}}\n</footer>\n');
      await rebuilt;
      expect(stderr()).toContain(`重新生成失败，仍提供上一版网站：模板 ${path.join(templates, 'partials/footer.hbs')}:4:1 有语法错误`);
      expect(stderr()).not.toContain('template-syntax');
      expect((await fetch(preview.url)).status).toBe(200);
    } finally {
      await preview.close();
    }
  });

  it('prints the findings of a broken qingdan.yaml after saying the rebuild failed, as build does', async () => {
    const catalogue = copyCatalogue(BASE);
    const dir = path.dirname(catalogue);
    const { io: cliIo, stderr } = io(dir);
    const preview = await startPreview({ root: catalogue, out: path.join(dir, 'site'), templates: [], incremental: true, toolVersion: 'test', color: false }, cliIo, { port: 0 });
    try {
      const rebuilt = preview.nextBuild();
      writeFileSync(path.join(catalogue, 'qingdan.yaml'), 'name: [\n');
      await rebuilt;
      const shown = `${path.basename(catalogue)}/qingdan.yaml`;
      // The line that says it failed, then the file, the place and the rule, then the count.
      expect(stderr()).toContain(`重新生成失败，仍提供上一版网站：qingdan.yaml 有错误，请先修正：\n${shown}\n  ${shown}:1:7  错误  `);
      expect(stderr()).toMatch(/yaml\/syntax\n\n✖ 1 个错误，0 个警告，0 个提示\n/);
      expect((await fetch(preview.url)).status).toBe(200);
    } finally {
      await preview.close();
    }
  });

  it('keeps seeing a file after it was saved by rename (sed -i, vim, JetBrains): a later in-place write rebuilds too (the real binary)', async () => {
    const catalogue = copyCatalogue(BASE);
    // In a subfolder, as catalogues keep their files.
    mkdirSync(path.join(catalogue, 'powers'));
    renameSync(path.join(catalogue, 'powers.yaml'), path.join(catalogue, 'powers/scjgj.yaml'));
    const file = path.join(catalogue, 'powers/scjgj.yaml');
    const out = path.join(path.dirname(catalogue), 'site');
    const guide = path.join(out, 'items/11339921MB000000104010010000000.html');
    const child = spawn(process.execPath, [BIN, 'serve', catalogue, '--out', out, '--port', '0'], { env: { PATH: process.env.PATH } });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    try {
      await until(() => err.includes('预览网站：'), () => err);
      // A save by rename: a new file (a new inode) takes the old one's name.
      const text = readFileSync(file, 'utf8');
      writeFileSync(`${file}.tmp`, text.replace('name: 食品经营许可\n', 'name: 食品经营许可A\n'));
      renameSync(`${file}.tmp`, file);
      await until(() => count(err, '已生成网站') === 2, () => err);
      expect(readFileSync(guide, 'utf8')).toContain('<h1>食品经营许可A');
      // Then a write into that same file, in place (same inode): it must be seen as well.
      writeFileSync(file, readFileSync(file, 'utf8').replace('食品经营许可A\n', '食品经营许可B\n'));
      await until(() => count(err, '已生成网站') === 3, () => err);
      expect(count(err, '检测到修改，重新生成')).toBe(2);
      expect(readFileSync(guide, 'utf8')).toContain('<h1>食品经营许可B');
    } finally {
      child.kill('SIGINT');
    }
  });

  it.skipIf(AS_ROOT && !CAN_DROP_ROOT)('goes on serving and watching when a folder of the catalogue turns unreadable (chmod 000), and rebuilds once it is readable again', async () => {
    const catalogue = copyCatalogue(BASE);
    const dir = path.dirname(catalogue);
    mkdirSync(path.join(catalogue, 'flows'));
    renameSync(path.join(catalogue, 'flows.yaml'), path.join(catalogue, 'flows/flows.yaml'));
    chmodSync(dir, 0o777);
    const [program, args] = unprivileged(['serve', 'lists', '--out', 'site', '--port', '0', '--lang', 'en']);
    const child = spawn(program, args, { cwd: dir, env: { PATH: process.env.PATH } });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await until(() => err.includes('Previewing at '), () => err);
      chmodSync(path.join(catalogue, 'flows'), 0o000);
      await until(() => err.includes('Rebuild failed'), () => err);
      expect(err).toContain("lists/flows:1:1  error  Cannot read this folder (EACCES); the files in it were not checked.");
      // A Node stack trace (the watcher's unhandled 'error') is what ended serve here before.
      expect(err).not.toMatch(/\n\s+at /);
      expect(child.exitCode).toBe(null);
      chmodSync(path.join(catalogue, 'flows'), 0o755);
      await until(() => count(err, 'Built ') === 2, () => err);
      // Still watching inside it: an edit of a file in the folder rebuilds.
      edit(path.join(catalogue, 'flows/flows.yaml'), 'name: 食品经营许可流程', 'name: 食品经营许可流程（新）');
      await until(() => count(err, 'Built ') === 3, () => err);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('says so when the port is taken (exit 2, no stack)', async () => {
    const { createServer } = await import('node:http');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(['serve', BASE, '--out', path.join(temporaryFolder('qingdan-serve-'), 'site'), '--port', String(port), '--lang', 'en']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Cannot serve on 127.0.0.1:${port} (EADDRINUSE)`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('says so when --host is not an address of this machine (exit 2, about the host, no internal error)', async () => {
    const out = path.join(temporaryFolder('qingdan-serve-'), 'site');
    // 203.0.113.0/24 is reserved for documentation: never an address of the machine running the tests.
    const result = await runCli(['serve', BASE, '--out', out, '--host', '203.0.113.7', '--port', '0', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot serve on 203.0.113.7 (EADDRNOTAVAIL): it is not an address of this machine');
    expect(result.stderr).not.toContain('port is in use');
  });

  it('stops on SIGINT with exit code 0 (the real binary)', async () => {
    const out = path.join(temporaryFolder('qingdan-serve-'), 'site');
    const child = spawn(process.execPath, [BIN, 'serve', BASE, '--out', out, '--port', '0'], { env: { PATH: process.env.PATH } });
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(err);
        if (match) resolve(match[0]);
      });
      child.on('exit', () => reject(new Error(err)));
    });
    expect(await (await fetch(url)).text()).toContain('<html lang="zh-CN">');
    const code = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await code).toBe(0);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('测试基线清单');
  });
});
