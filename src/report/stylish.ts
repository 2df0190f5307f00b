// stylish: for people at a terminal — findings grouped by file, with a code frame and a summary; plain when not a TTY.
import { Chalk } from 'chalk';
import { codeFrameColumns } from '@babel/code-frame';
import { ui } from '../i18n/index.js';
import { countBySeverity, type Formatter, type Report } from './types.js';
import type { Finding } from '../findings.js';

function frame(report: Report, finding: Finding): string {
  const source = report.sources.get(finding.file);
  if (source === undefined || finding.line < 1) return '';
  const sameLine = finding.endLine === finding.line;
  const location = {
    start: { line: finding.line, column: finding.column },
    // A span over several lines would print them all; the first line is where to look.
    end: { line: finding.line, column: sameLine ? Math.max(finding.endColumn, finding.column + 1) : finding.column + 1 },
  };
  return codeFrameColumns(source, location, { highlightCode: report.color, forceColor: report.color, linesAbove: 1, linesBelow: 1 })
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

const stylish: Formatter = (report) => {
  const chalk = new Chalk({ level: report.color ? 1 : 0 });
  const paint = { error: chalk.red, warning: chalk.yellow, info: chalk.blue } as const;
  const out: string[] = [];
  let currentFile: string | undefined;
  for (const finding of report.findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      out.push(chalk.underline(finding.file));
      currentFile = finding.file;
    }
    const label = paint[finding.severity](ui(report.locale, `severity-${finding.severity}`));
    out.push(`  ${finding.file}:${finding.line}:${finding.column}  ${label}  ${finding.message}  ${chalk.dim(finding.ruleId)}`);
    for (const related of finding.related) {
      out.push(chalk.dim(`    ↳ ${ui(report.locale, 'related')}: ${related.file}:${related.line}:${related.column}  ${related.message}`));
    }
    const code = frame(report, finding);
    if (code) out.push(code);
  }
  if (report.findings.length) out.push('');
  const counts = countBySeverity(report.findings);
  for (const catalogue of report.catalogues) {
    out.push(report.findings.length ? ui(report.locale, 'summary-catalogue', { ...catalogue }) : chalk.green(`✔ ${ui(report.locale, 'summary-clean', { ...catalogue })}`));
  }
  if (report.findings.length) {
    const mark = counts.errors ? chalk.red('✖') : counts.warnings ? chalk.yellow('⚠') : chalk.blue('ℹ');
    out.push(`${mark} ${ui(report.locale, 'summary-counts', counts)}`);
  }
  return `${out.join('\n')}\n`;
};

export default stylish;
