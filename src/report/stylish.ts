// stylish: for people at a terminal — findings grouped by file, with a code frame and a summary; plain when not a TTY.
import { Chalk } from 'chalk';
import { visibleOnOneLine, visibleStrings } from './visible.js';
import { FrameMaker } from './code-frame.js';
import { ui } from '../i18n/index.js';
import { countBySeverity, type Formatter } from './types.js';
import type { Finding, Locale } from '../findings.js';

const stylish: Formatter = (input) => {
  // Catalogue text (names, file names, quoted values) with its control characters shown, never sent raw.
  // Each finding on its one line: line breaks in quoted text shown as ␊.
  const report = visibleStrings(input, visibleOnOneLine);
  const chalk = new Chalk({ level: report.color ? 1 : 0 });
  const paint = { error: chalk.red, warning: chalk.yellow, info: chalk.blue } as const;
  const frames = new FrameMaker(report.sources, chalk);
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
    const code = frames.frame(finding.file, finding.line, finding.column, finding.endLine, finding.endColumn);
    if (code) out.push(code);
  }
  if (report.findings.length) out.push('');
  const counts = countBySeverity(report.findings);
  const hidden = report.quietHidden ?? 0;
  // "No problems found" only when there are none: with --quiet, warnings may be there without being shown.
  const clean = !report.findings.length && !hidden;
  for (const catalogue of report.catalogues) {
    out.push(clean ? chalk.green(`✔ ${ui(report.locale, 'summary-clean', { ...catalogue })}`) : ui(report.locale, 'summary-catalogue', { ...catalogue }));
  }
  if (!clean) {
    const mark = counts.errors ? chalk.red('✖') : counts.warnings || hidden ? chalk.yellow('⚠') : chalk.blue('ℹ');
    const note = hidden ? ui(report.locale, 'summary-quiet', { hidden }) : '';
    out.push(`${mark} ${ui(report.locale, 'summary-counts', counts)}${note}`);
  }
  return `${out.join('\n')}\n`;
};

export default stylish;

/**
 * Findings that come without a catalogue to sum up — qingdan.yaml's errors behind a usage error, a flow's problems:
 * stylish's lines for them, with code frames where `sources` has the text.
 */
export function stylishFindings(findings: Finding[], options: { locale: Locale; color: boolean; toolVersion: string; sources?: ReadonlyMap<string, string> }): string {
  const files = [...new Set(findings.map((finding) => finding.file))];
  return stylish({ locale: options.locale, catalogues: [], findings, files, sources: options.sources ?? new Map(), color: options.color, toolVersion: options.toolVersion });
}
