#!/usr/bin/env node
// qingdan's entry point: run the CLI and exit with what it returns.
let run;
try {
  ({ run } = await import('../dist/cli/index.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('qingdan: 尚未构建 / not built yet — run `npm install` (or `npm run build`) in the qingdan folder.\n');
  process.exit(2);
}
// A reader that stops early (`qingdan compare … | head`) closes the pipe: not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error?.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await run(process.argv.slice(2));
