// `qingdan init [dir]`: a small working catalogue to start from (lists/, editor settings), and what to do next.
import path from 'node:path';
import type { Command } from 'commander';
import { initCatalogue } from '../init/index.js';
import { shellWord, toPosix } from '../catalogue/source.js';
import { toolMessage } from '../i18n/tools.js';
import type { CommandContext } from './index.js';
import { visible } from '../report/visible.js';

interface InitFlags {
  name?: string;
  region?: string;
  lang?: string;
}

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('新建一个可用的示例清单 / start a small working catalogue')
    .argument('[dir]', '项目目录，清单写在其中的 lists/ / project folder; the catalogue goes in its lists/', '.')
    .option('--name <name>', '清单名称（默认为“地区权责清单”）/ catalogue name (default: <region>权责清单)')
    .option('--region <region>', '地区 / region', '示例县')
    .option('--lang <locale>', '消息语言 / message language: zh-CN, en')
    .action((dir: string, flags: InitFlags) => {
      const locale = context.messageLocale(flags.lang);
      const { io } = context;
      const root = path.resolve(io.cwd, dir);
      const region = flags.region ?? '示例县';
      const written = initCatalogue(root, { name: flags.name ?? `${region}权责清单`, region, departmentName: `${region}市场监督管理局` });
      for (const file of written) io.stdout.write(visible(`${toPosix(path.join(dir, file))}\n`));
      const lists = shellWord(toPosix(path.join(dir, 'lists')));
      io.stderr.write(visible(`${toolMessage(locale, 'init-done', { lists })}\n`));
      context.exitCode = 0;
    });
}

