// `qingdan flow [ids…]`: option wiring, files and exit code; the drawing is in src/flow/.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DirectorySource } from '../catalogue/source.js';
import { validateCatalogueAsync } from '../validate.js';
import { Positions } from '../catalogue/positions.js';
import { UsageError, writeFailed } from '../errors.js';
import { stylishFindings } from '../report/stylish.js';
import { suggest } from '../rules/suggest.js';
import { getRenderer, renderers } from '../flow/index.js';
import { drawFlows, flowIds } from '../flow/draw.js';
import { flowMessage } from '../flow/labels.js';
import { resolveTargets } from './targets.js';
import { wantsColor } from './output.js';
import type { CommandContext } from './index.js';
import { makeFolder } from '../files.js';
import { visible } from '../report/visible.js';

interface FlowFlags {
  format: string;
  out: string;
  catalogue?: string;
  lang?: string;
  color?: boolean;
}

export function registerFlow(program: Command, context: CommandContext): void {
  program
    .command('flow')
    .description('运行流程图 / draw flowcharts of the catalogue’s flows (SVG, Mermaid, Graphviz DOT, BPMN 2.0)')
    .argument('[ids...]', '流程标识，默认全部 / flow ids (default: every flow)')
    .option('-f, --format <format>', `格式 / format: ${Object.keys(renderers).join(', ')}`, 'svg')
    .option('-o, --out <dir>', '输出目录，- 为标准输出 / output folder, or - for standard output', 'flowcharts')
    .option('-C, --catalogue <dir>', '清单目录 / catalogue folder (default: . or ./lists)')
    .option('--lang <locale>', '图中文字的语言 / language of the charts: zh-CN, en')
    .option('--color', '强制彩色 / force colour')
    .option('--no-color', '不用彩色 / no colour')
    .action(async (ids: string[], flags: FlowFlags) => {
      context.exitCode = await flowCommand(ids, flags, context);
    });
}

async function flowCommand(ids: string[], flags: FlowFlags, context: CommandContext): Promise<number> {
  const { io } = context;
  const explicitLocale = context.locale(flags.lang);
  const renderer = getRenderer(flags.format);
  if (!renderer) throw new UsageError('bad-format', { format: flags.format, known: Object.keys(renderers).join(', ') });
  const [target] = resolveTargets(flags.catalogue !== undefined ? [flags.catalogue] : [], io.cwd);
  const result = await validateCatalogueAsync(new DirectorySource(target!.root, io.cwd), { explicitLocale, environment: io.env });
  const { catalogue, locale } = result;

  const known = flowIds(catalogue);
  // Flows may be in a file or folder that could not be read (no permission, YAML errors): its findings say why they
  // are missing, and the run fails, whatever else was drawn.
  const unreadPlaces = new Set(catalogue.unread.filter((unread) => unread.sections === 'any' || unread.sections.includes('flows')).map((unread) => unread.file));
  const unread = result.findings.filter((finding) => unreadPlaces.has(finding.file) && finding.severity === 'error');
  const color = wantsColor({ color: flags.color }, io, 'stderr');
  const report = (findings: typeof result.findings) => io.stderr.write(stylishFindings(findings, { locale, color, toolVersion: context.version, sources: result.sources }));
  if (known.length === 0 && unread.length) {
    report(unread);
    return 1;
  }
  if (known.length === 0) {
    io.stderr.write(visible(`qingdan: ${flowMessage(locale, 'noFlows', {})}\n`));
    return ids.length ? 2 : 0;
  }
  const unknown = ids.find((id) => !known.includes(id));
  if (unknown !== undefined) {
    const suggestion = suggest(unknown, known);
    const data = { id: unknown, known: known.join(', '), ...(suggestion ? { suggestion } : {}) };
    io.stderr.write(visible(`qingdan: ${flowMessage(locale, suggestion ? 'unknownFlowSuggest' : 'unknownFlow', data)}\n`));
    return 2;
  }
  const selected = ids.length ? [...new Set(ids)] : known;
  const toStdout = flags.out === '-';
  if (toStdout && selected.length !== 1) throw new UsageError('bad-option', { option: '--out', value: '-', expected: flowMessage(locale, 'stdoutOne', { count: selected.length }) });

  const { charts, refused } = await drawFlows(catalogue, result.findings, selected, renderer, locale);
  for (const message of result.internalErrors) io.stderr.write(visible(`${message}\n`));

  if (toStdout) charts.forEach((chart) => io.stdout.write(chart.text));
  else if (charts.length) {
    const folder = path.resolve(io.cwd, flags.out);
    for (const chart of charts) {
      try {
        makeFolder(folder);
        writeFileSync(path.join(folder, chart.fileName), chart.text);
      } catch (error) {
        throw writeFailed(path.join(flags.out, chart.fileName), error);
      }
    }
    io.stderr.write(visible(`${flowMessage(locale, 'wrote', { count: charts.length, format: flags.format, out: flags.out })}\n`));
  }

  if (refused.length || unread.length) {
    report([...unread, ...refused.flatMap((flow) => flow.findings)]);
    const positions = new Positions(catalogue);
    for (const flow of refused) {
      if (!flow.leftOut) io.stderr.write(visible(`${flowMessage(locale, 'notDrawn', { id: flow.id })}\n`));
      else io.stderr.write(visible(`${flowMessage(locale, 'notDrawnFormat', { id: flow.id, place: positions.at(flow.leftOut) })}\n`));
    }
    return 1;
  }
  return result.internalErrors.length ? 2 : 0;
}
