// json: the stable shape of a diff for CI scripts (docs/diff.md). Add fields; never rename or remove.
import { countByLevel, type DiffFormatter } from './types.js';

const json: DiffFormatter = (report) =>
  `${JSON.stringify(
    {
      version: 1,
      tool: { name: 'qingdan', version: report.toolVersion },
      base: report.base,
      head: report.head,
      locale: report.locale,
      failOn: report.failOn,
      summary: { counts: countByLevel(report.changes), total: report.total, departments: report.departments },
      changes: report.changes,
      skipped: report.skipped,
      notes: report.notes,
    },
    null,
    2,
  )}\n`;

export default json;
