// json: the whole comparison for scripts and dashboards; documented in docs/compare.md, stable within a major version.
import { countByLevel, type CompareFormatter } from './types.js';
import { failingDivergences } from '../../compare/compare.js';

const json: CompareFormatter = (report) => {
  const counts = countByLevel(report.divergences);
  const output = {
    tool: { name: 'qingdan', version: report.toolVersion },
    mode: report.mode,
    locale: report.locale,
    failOn: report.failOn,
    summary: { offices: report.offices.length, items: report.rows.length, divergences: report.divergences.length, ...counts, failing: failingDivergences(report, report.failOn).length },
    offices: report.offices.map((office) => ({
      index: office.index,
      label: office.label,
      name: office.name,
      root: office.root,
      reference: office.isReference,
      usable: office.usable,
      ...(office.reason ? { reason: office.reason[report.locale] } : {}),
      validation: { errors: office.errors, warnings: office.warnings },
      ...(office.score ? { score: office.score } : {}),
      problems: office.problems.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.file, line: f.line, column: f.column })),
      skipped: office.skipped,
    })),
    rows: report.rows.map((row) => ({
      basicCode: row.basicCode,
      name: row.name,
      ...(row.category ? { category: row.category } : {}),
      inReference: row.inReference,
      ...(row.normOffice !== undefined ? { normOffice: row.normOffice } : {}),
      cells: row.cells.map((cell, office) => ({ office, ...cell })),
    })),
    divergences: report.divergences.map((d) => ({
      classId: d.classId,
      level: d.level,
      better: d.better,
      message: d.message,
      messages: d.messages,
      basicCode: d.basicCode,
      office: d.office,
      ...(d.code ? { code: d.code } : {}),
      ...(d.detail ? { detail: d.detail } : {}),
      ...(d.local ? { local: d.local } : {}),
      ...(d.reference ? { reference: d.reference } : {}),
      ...(d.normOffices ? { normOffices: d.normOffices } : {}),
    })),
    loose: report.loose,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};

export default json;
