// github: workflow commands that GitHub Actions turns into annotations on the pull request's lines.
import { escapeData, escapeProperty, positionProperties } from './workflow-commands.js';
import type { Formatter } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

const github: Formatter = (report) =>
  report.findings
    .map((finding) => {
      const properties = `${positionProperties(finding)},title=${escapeProperty(finding.ruleId)}`;
      const related = finding.related.map((r) => `\n${r.file}:${r.line}:${r.column} ${r.message}`).join('');
      return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message + related)}\n`;
    })
    .join('');

export default github;
