// github: workflow commands that GitHub Actions turns into annotations on the pull request's lines.
import type { Formatter } from './types.js';

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions — escaping per the runner's toolkit.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

const github: Formatter = (report) =>
  report.findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ].join(',');
      const related = finding.related.map((r) => `\n${r.file}:${r.line}:${r.column} ${r.message}`).join('');
      return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message + related)}\n`;
    })
    .join('');

export default github;
