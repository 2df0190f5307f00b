// codeclimate: the Code Climate issue list GitLab's Code Quality widget reads (artifacts:reports:codequality).
import { createHash } from 'node:crypto';
import { jsonPath, type Severity } from '../findings.js';
import type { Formatter } from './types.js';

const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { info: 'info', warning: 'minor', error: 'major' };

const codeclimate: Formatter = (report) =>
  `${JSON.stringify(
    report.findings.map((finding) => ({
      type: 'issue',
      check_name: finding.ruleId,
      description: finding.message,
      categories: ['Style'],
      severity: SEVERITY[finding.severity],
      // Stable across line moves, as GitLab compares issues between the branch and its target by fingerprint; and
      // across languages (--lang, locale:, the runner's LANG), so the English message, not the one shown.
      fingerprint: createHash('md5').update(`${finding.ruleId}|${finding.file}|${jsonPath(finding.path)}|${finding.messages.en}`).digest('hex'),
      location: { path: finding.file, lines: { begin: finding.line, end: finding.endLine } },
    })),
    null,
    2,
  )}\n`;

export default codeclimate;
