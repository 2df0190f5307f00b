// `qingdan serve [catalogue]`: build the site, serve it on localhost, rebuild on change; stops on Ctrl+C.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { startPreview } from '../guide/serve.js';
import { siteFlags, siteJob, type SiteFlags } from './build.js';
import type { CommandContext } from './index.js';

interface ServeFlags extends SiteFlags {
  port: string;
  host: string;
}

export function registerServe(program: Command, context: CommandContext): void {
  siteFlags(
    program
      .command('serve')
      .description('本地预览网站，修改后自动重新生成 / preview the site on localhost, rebuilding on change')
      .argument('[catalogue]', '清单目录 / catalogue folder (default: . or ./lists)'),
  )
    .option('-p, --port <port>', '端口 / port (0: any free port)', '8080')
    .option('--host <host>', '监听地址 / address to listen on', '127.0.0.1')
    .action(async (catalogue: string | undefined, flags: ServeFlags) => {
      const { io } = context;
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('bad-option', { option: '--port', value: flags.port, expected: '0–65535' });
      const preview = await startPreview(siteJob(catalogue, flags, context), io, { port, host: flags.host });
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await preview.close();
      context.exitCode = 0;
    });
}
