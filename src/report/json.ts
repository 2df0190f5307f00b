// json: the stable, documented shape CI scripts parse (docs/json-output.md). Add fields; never rename or remove.
import { jsonPath } from '../findings.js';
import { countBySeverity, type Formatter } from './types.js';

export const JSON_FORMAT_VERSION = 1;

const json: Formatter = (report) => {
  const output = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'qingdan', version: report.toolVersion },
    locale: report.locale,
    catalogues: report.catalogues,
    summary: countBySeverity(report.findings),
    findings: report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      messages: finding.messages,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      path: finding.path,
      jsonPath: jsonPath(finding.path),
      related: finding.related.map((related) => ({
        file: related.file,
        line: related.line,
        column: related.column,
        endLine: related.endLine,
        endColumn: related.endColumn,
        path: related.path,
        jsonPath: jsonPath(related.path),
        message: related.message,
      })),
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};

export default json;
